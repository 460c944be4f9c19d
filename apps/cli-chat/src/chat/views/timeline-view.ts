import type { TimelineEvent } from "@newind/core";
import type { ViewContext } from "../entries.js";
import { BLANK, type Line, line, segment, textWidth, wrap } from "../styled-text.js";

// "1950s" sorts as 1950, "2023-03" after "2023" and before "2023-03-20".
function sortKey(date: string): string {
  return date.replace(/s$/, "").padEnd(10, " ");
}

/** Timeline events in date order (stable for equal dates). */
export function sortEvents(events: readonly TimelineEvent[]): TimelineEvent[] {
  return events
    .map((event, index) => ({ event, index }))
    .sort((a, b) => sortKey(a.event.date).localeCompare(sortKey(b.event.date)) || a.index - b.index)
    .map(({ event }) => event);
}

/** `/timeline` and `newind timeline`: dated events drawn down a line, each with its actor and ¶. */
export function timelineView(context: ViewContext): Line[] {
  const events = sortEvents(context.corpus.datasets.timeline);
  const { width } = context;
  if (events.length === 0) return [line(segment("The corpus has no dated events.", "dim")), BLANK];
  const lines: Line[] = [
    ...wrap(
      [segment("Timeline", "heading"), segment(` · ${events.length} dated events from the corpus`, "dim")],
      width,
    ),
    BLANK,
  ];
  const dateWidth = Math.max(...events.map((event) => textWidth(event.date)));
  const dot = context.plain ? "-" : "●";
  const rail = context.plain ? " " : "│";
  events.forEach((event, index) => {
    const date = event.date.padEnd(dateWidth);
    const gutter = " ".repeat(dateWidth);
    const first = line(segment(date, "accent"), " ", segment(dot, "bar"), " ");
    const rest = line(gutter, " ", segment(rail, "bar"), " ");
    lines.push(...wrap([segment(event.summary)], width, { first, rest }));
    const detail = [event.actor, `¶${event.evidence.paragraph}`].filter(Boolean).join(" · ");
    lines.push(...wrap([segment(detail, "dim")], width, { first: rest, rest }));
    if (index < events.length - 1) lines.push(context.plain ? BLANK : rest);
  });
  lines.push(BLANK);
  return lines;
}
