import type { Concordance } from "@newind/analytics";
import type { ViewContext } from "../entries.js";
import { BLANK, fit, type Line, segment, textWidth, truncate, wrap } from "../styled-text.js";
import { oneLine, plural, truncateStart } from "./analytics-text.js";

/**
 * `newind kwic` and `/kwic`: keyword in context, one hit a line — where it is (year and
 * document), the text before it right-aligned, the keyword, the text after it — so the
 * keyword forms a column. Without colour the keyword is marked «…»; plain mode (screen
 * readers) writes each hit as a sentence-like line without alignment.
 */
export function kwicView(result: Concordance, context: ViewContext): Line[] {
  const { width } = context;
  const documents = new Set(result.hits.map((hit) => hit.docId)).size;
  const summary =
    result.hits.length < result.total
      ? `${plural(result.total, "hit")}, the first ${result.hits.length} shown`
      : result.total > 0
        ? `${plural(result.total, "hit")} in ${plural(documents, "document")}`
        : "no hits";
  const lines: Line[] = [...wrap([segment(result.term, "heading"), segment(` — ${summary}`, "dim")], width)];
  if (result.forms)
    lines.push(...wrap([segment(`counted as ${result.forms.join(", ")} (curated glossary)`, "dim")], width));
  if (result.hits.length === 0) return [...lines, BLANK];
  lines.push(BLANK);
  const where = (hit: Concordance["hits"][number]) => `${hit.year ?? "undated"} ${hit.docId}`;
  const whereWidth = Math.min(
    Math.max(...result.hits.map((hit) => textWidth(where(hit)))),
    Math.floor(width / 3),
  );
  const [open, close] = context.color ? ["", ""] : ["«", "»"];
  for (const hit of result.hits) {
    const before = oneLine(hit.before);
    const quote = oneLine(hit.quote);
    const after = oneLine(hit.after);
    if (context.plain) {
      lines.push(...wrap([segment(`${where(hit)}: …${before}«${quote}»${after}…`)], width), BLANK);
      continue;
    }
    const keyword = `${open}${quote}${close}`;
    const room = Math.max(8, width - whereWidth - 2 - textWidth(keyword) - 2);
    const left = Math.ceil(room / 2);
    const right = room - left;
    lines.push([
      segment(fit(truncate(where(hit), whereWidth), whereWidth), "dim"),
      { text: "  " },
      segment(fit(truncateStart(before, left), left, "right")),
      { text: " " },
      segment(keyword, "highlight"),
      { text: " " },
      segment(truncate(after, right)),
    ]);
  }
  lines.push(BLANK);
  return lines;
}
