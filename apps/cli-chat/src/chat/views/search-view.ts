import type { SearchHit } from "../backend.js";
import { documentTitle, type ViewContext } from "../entries.js";
import { termsOf, toSegments } from "../highlight.js";
import { BLANK, type Line, line, segment, wrap } from "../styled-text.js";
import { quoteView } from "./answer-view.js";

/** `/search query`: ranked hits, each with its document, ¶, score and highlighted quote. */
export function searchView(query: string, hits: readonly SearchHit[], context: ViewContext): Line[] {
  if (hits.length === 0) {
    return [...wrap([segment(`No passages match “${query}”.`, "dim")], context.width), BLANK];
  }
  const lines: Line[] = [
    ...wrap(
      [segment(`${hits.length} ${hits.length === 1 ? "passage" : "passages"} for “${query}”`, "heading")],
      context.width,
    ),
  ];
  hits.forEach((hit, index) => {
    const rank = `${index + 1}. `;
    const terms = hit.matchedTerms && hit.matchedTerms.length > 0 ? hit.matchedTerms : termsOf(query);
    const ranges = (hit.highlights ?? []).map(
      (span) => [span.start - hit.start, span.end - hit.start] as const,
    );
    // With one document its title would only repeat: the ¶ says where.
    const title = context.corpus.documents.length > 1 ? `${documentTitle(context.corpus, hit.docId)} ` : "";
    lines.push(
      ...wrap(
        [segment(title), segment(`¶${hit.paragraph} · score ${hit.score.toFixed(2)}`, "dim")],
        context.width,
        {
          first: line(segment(rank, "marker")),
          rest: line(" ".repeat(rank.length)),
        },
      ),
      ...(ranges.length > 0
        ? wrap([segment("“"), ...toSegments(hit.quote, ranges, "highlight"), segment("”")], context.width, {
            first: line(" ".repeat(rank.length)),
            rest: line(" ".repeat(rank.length)),
          })
        : quoteView(hit.quote, terms, context, " ".repeat(rank.length))),
    );
  });
  lines.push(BLANK);
  return lines;
}
