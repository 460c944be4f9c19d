import type { TermTrend } from "@newind/analytics";
import type { ViewContext } from "../entries.js";
import { BLANK, fit, type Line, line, segment, textWidth, truncate, wrap } from "../styled-text.js";
import { plural } from "./analytics-text.js";
import { bar } from "./metrics-view.js";

/** A row of the chart: a year with documents, a run of years without, or the undated documents. */
type Row =
  | { kind: "year"; label: string; counts: number[]; documents: TermTrend["documents"] }
  | { kind: "missing"; label: string }
  | { kind: "undated"; label: string; counts: number[]; documents: TermTrend["documents"] };

const NO_DOCUMENT = "no document";

/** The chart's rows, years in order, consecutive years without a document folded into one row. */
export function trendRows(trend: TermTrend): Row[] {
  const rows: Row[] = [];
  const byYear = new Map(trend.years.map((year) => [year.year, year]));
  const first = trend.years[0]?.year;
  const last = trend.years.at(-1)?.year;
  if (first !== undefined && last !== undefined) {
    for (let year = first; year <= last; year++) {
      const total = byYear.get(year);
      if (total) {
        rows.push({
          kind: "year",
          label: String(year),
          counts: trend.terms.map((term) => total.counts[term] ?? 0),
          documents: trend.documents.filter((document) => document.year === year),
        });
        continue;
      }
      let end = year;
      while (end + 1 <= last && !byYear.has(end + 1)) end++;
      rows.push({ kind: "missing", label: end === year ? String(year) : `${year}–${end}` });
      year = end;
    }
  }
  const undated = trend.documents.filter((document) => document.year === null);
  if (undated.length > 0) {
    rows.push({
      kind: "undated",
      label: "undated",
      counts: trend.terms.map((term) =>
        undated.reduce((sum, document) => sum + (document.counts[term] ?? 0), 0),
      ),
      documents: undated,
    });
  }
  return rows;
}

/**
 * `newind trend` and `/trend`: mentions per year as a bar chart, one column of bars per
 * term, every year from the first to the last document. A year without any document is
 * shown as missing ("┄ no document"), never as a zero; runs of such years share a row.
 * Years with several documents name the ones that mention the term; undated documents get
 * a row of their own. Plain mode (screen readers) writes the counts as words, without bars.
 */
// biome-ignore-start lint/complexity/noExcessiveLinesPerFunction: one chart laid out in one pass: the years' rows, runs of missing years, undated rows and the plain mode share the column widths computed at its top
export function trendView(trend: TermTrend, context: ViewContext): Line[] {
  const { width } = context;
  const dated = trend.documents.filter((document) => document.year !== null);
  const span = trend.years.length > 0 ? `, ${trend.years[0]?.year}–${trend.years.at(-1)?.year}` : "";
  const lines: Line[] = [
    ...wrap(
      [
        segment(trend.terms.join(" · "), "heading"),
        segment(` — mentions per year in ${plural(trend.documents.length, "document")}${span}`, "dim"),
      ],
      width,
    ),
  ];
  const totals = trend.terms.map((term) =>
    trend.documents.reduce((sum, document) => sum + (document.counts[term] ?? 0), 0),
  );
  const summary = trend.terms
    .map((term, index) => {
      const mentioning = trend.documents.filter((document) => (document.counts[term] ?? 0) > 0).length;
      const total = totals[index] ?? 0;
      return `${trend.terms.length > 1 ? `${term}: ` : ""}${plural(total, "mention")} in ${plural(mentioning, "document")}`;
    })
    .join("; ");
  lines.push(...wrap([segment(summary, "dim")], width));
  if (trend.forms) {
    for (const term of trend.terms) {
      const forms = trend.forms[term] ?? [term];
      const note =
        forms.length > 1
          ? `${term} counted as ${forms.join(", ")} (curated glossary)`
          : `${term}: no glossary entry, counted as written`;
      lines.push(...wrap([segment(note, "dim")], width));
    }
  }
  if (trend.documents.length === 0)
    return [...lines, BLANK, line(segment("No documents to count in.", "dim")), BLANK];
  if (dated.length === 0)
    lines.push(...wrap([segment("No document is dated: counts are listed as undated.", "dim")], width));
  lines.push(BLANK);

  const rows = trendRows(trend);
  const labelWidth = Math.max(4, ...rows.map((row) => textWidth(row.label)));
  const values = rows.flatMap((row) => (row.kind === "missing" ? [] : row.counts));
  const max = Math.max(1, ...values);
  const countWidth = Math.max(1, ...values.map((value) => String(value).length));
  const columns = trend.terms.length;
  // One term: the bar, then its count, then which documents of a busy year mention it.
  // Several: a column per term, bars padded so the counts line up.
  const barWidth =
    columns === 1
      ? Math.max(4, Math.min(40, width - labelWidth - countWidth - 25))
      : Math.max(2, Math.floor((width - labelWidth - 2 - columns * (countWidth + 3)) / columns));
  const columnWidth = barWidth + 1 + countWidth;

  if (columns > 1 && !context.plain) {
    lines.push([
      { text: " ".repeat(labelWidth + 2) },
      ...trend.terms.map((term, index) =>
        segment(
          fit(term, index === columns - 1 ? Math.min(columnWidth, textWidth(term)) : columnWidth + 2),
          "title",
        ),
      ),
    ]);
  }
  for (const row of rows) {
    if (context.plain) {
      if (row.kind === "missing") {
        lines.push(line(`${row.label}: ${NO_DOCUMENT}`));
        continue;
      }
      const said = row.counts.map((value, index) =>
        columns > 1 ? `${trend.terms[index]} ${value}` : String(value),
      );
      lines.push(line(`${row.label}: ${said.join(", ")}${breakdown(row, trend, true)}`));
      continue;
    }
    const label = segment(fit(row.label, labelWidth), row.kind === "missing" ? "dim" : "accent");
    if (row.kind === "missing") {
      lines.push(line(label, "  ", segment(`┄ ${NO_DOCUMENT}`, "dim")));
      continue;
    }
    const parts: Line[number][] = [label, { text: "  " }];
    row.counts.forEach((value, index) => {
      const drawn = bar(value, max, barWidth);
      if (columns === 1) {
        parts.push(segment(drawn, "bar"), segment(`${drawn ? " " : ""}${value}`));
        return;
      }
      parts.push(
        segment(fit(drawn, barWidth), "bar"),
        segment(` ${fit(String(value), countWidth, "right")}`),
      );
      if (index < columns - 1) parts.push({ text: "  " });
    });
    const note = columns === 1 ? breakdown(row, trend, false) : "";
    if (note) parts.push(segment(note, "dim"));
    lines.push(fitLine(parts, width));
  }
  lines.push(BLANK);
  if (!context.plain) {
    lines.push(
      ...wrap([segment(`┄ the collection has no document for that year: missing, not zero.`, "dim")], width),
      BLANK,
    );
  }
  return lines;
}
// biome-ignore-end lint/complexity/noExcessiveLinesPerFunction: see above

/** For a row of several documents with mentions: which documents, and how many each. */
function breakdown(row: Extract<Row, { counts: number[] }>, trend: TermTrend, plain: boolean): string {
  if (row.documents.length < 2 || row.counts.every((value) => value === 0)) return "";
  const term = trend.terms[0] ?? "";
  const parts = row.documents.map((document) =>
    trend.terms.length === 1 ? `${document.docId} ${document.counts[term] ?? 0}` : document.docId,
  );
  return plain ? ` (${parts.join(", ")})` : `  ${parts.join(" · ")}`;
}

/** A line cut to `width` cells: the trailing note loses characters first. */
function fitLine(parts: Line[number][], width: number): Line {
  let used = 0;
  const out: Line[number][] = [];
  for (const part of parts) {
    const cells = textWidth(part.text);
    if (used + cells <= width) {
      out.push(part);
      used += cells;
      continue;
    }
    const room = width - used;
    if (room > 1)
      out.push(
        part.tone
          ? { text: truncate(part.text, room), tone: part.tone }
          : { text: truncate(part.text, room) },
      );
    break;
  }
  return out;
}
