import type { Collocations } from "@newind/analytics";
import type { ViewContext } from "../entries.js";
import { BLANK, fit, type Line, line, segment, textWidth, wrap } from "../styled-text.js";
import { count, plural } from "./analytics-text.js";
import { bar } from "./metrics-view.js";

/**
 * `newind collocations`: the words that keep the term company, strongest first, each with
 * how often it is near the term, how often in the whole corpus, and its log-likelihood.
 */
export function collocationsView(result: Collocations, context: ViewContext): Line[] {
  const { width } = context;
  const lines: Line[] = [
    ...wrap(
      [
        segment(result.term, "heading"),
        segment(
          ` — words within ${result.window} of its ${plural(result.occurrences, "occurrence")}, by log-likelihood (G²)`,
          "dim",
        ),
      ],
      width,
    ),
  ];
  if (result.forms)
    lines.push(...wrap([segment(`counted as ${result.forms.join(", ")} (curated glossary)`, "dim")], width));
  if (result.collocates.length === 0) {
    const why =
      result.occurrences === 0
        ? "The term does not occur."
        : "No word keeps it company often enough to be sure.";
    return [...lines, BLANK, line(segment(why, "dim")), BLANK];
  }
  lines.push(BLANK);
  const wordWidth = Math.min(
    16,
    Math.max(4, ...result.collocates.map((collocate) => textWidth(collocate.word))),
  );
  const near = (value: number) => count(value);
  const nearWidth = Math.max(4, ...result.collocates.map((collocate) => near(collocate.count).length));
  const totalWidth = Math.max(5, ...result.collocates.map((collocate) => near(collocate.total).length));
  const scoreWidth = Math.max(5, ...result.collocates.map((collocate) => collocate.score.toFixed(1).length));
  const max = Math.max(...result.collocates.map((collocate) => collocate.score));
  const barWidth = Math.max(0, Math.min(20, width - wordWidth - nearWidth - totalWidth - scoreWidth - 10));
  lines.push(
    line(
      segment(
        `${fit("word", wordWidth)}  ${fit("near", nearWidth, "right")}  ${fit("total", totalWidth, "right")}  ${fit("G²", scoreWidth, "right")}`,
        "dim",
      ),
    ),
  );
  for (const collocate of result.collocates) {
    lines.push([
      segment(fit(collocate.word, wordWidth), "accent"),
      segment(
        `  ${fit(near(collocate.count), nearWidth, "right")}  ${fit(near(collocate.total), totalWidth, "right")}  ${fit(collocate.score.toFixed(1), scoreWidth, "right")}`,
      ),
      ...(context.plain || barWidth < 4
        ? []
        : [{ text: " " }, segment(bar(collocate.score, max, barWidth), "bar")]),
    ]);
  }
  lines.push(BLANK);
  lines.push(
    ...wrap(
      [
        segment(
          `near: times within the window · total: times in the corpus (${count(result.corpusWords)} words) · G² above 10.83 is p < 0.001`,
          "dim",
        ),
      ],
      width,
    ),
    BLANK,
  );
  return lines;
}
