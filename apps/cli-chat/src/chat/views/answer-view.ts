import type { Answer, Citation, Evidence } from "@newind/core";
import { toSingleLine } from "@newind/core/text";
import { documentTitle, type ViewContext } from "../entries.js";
import { highlightTerms, markCitations } from "../highlight.js";
import { BLANK, type Line, line, linkSegment, segment, textWidth, truncate, wrap } from "../styled-text.js";

/** The most rows of a question echoed into the transcript; a longer one is folded. */
export const MAX_ECHO_ROWS = 4;

/**
 * The user's input echoed into the transcript: `› question`, word-wrapped; a question longer
 * than {@link MAX_ECHO_ROWS} rows shows its first rows and "… N more lines".
 */
export function inputView(text: string, context: ViewContext): Line[] {
  const lines = wrap([segment(text)], context.width, {
    first: line(segment("› ", "prompt")),
    rest: line("  "),
  });
  if (lines.length <= MAX_ECHO_ROWS + 1) return lines;
  const hidden = lines.length - MAX_ECHO_ROWS;
  return [...lines.slice(0, MAX_ECHO_ROWS), line("  ", segment(`… ${hidden} more lines`, "dim"))];
}

/** An answer: its text with coloured [n] markers, then its sources. */
export function answerView(answer: Answer, terms: readonly string[], context: ViewContext): Line[] {
  const lines: Line[] = [];
  const text = wrap(
    answer.abstained ? [segment(answer.answer, "dim")] : markCitations(answer.answer),
    context.width,
  );
  lines.push(...text);
  if (answer.citations.length > 0) {
    lines.push(BLANK, line(segment("Sources", "heading")));
    for (const citation of answer.citations) lines.push(...sourceView(citation, terms, context));
  }
  const related = answer.related ?? [];
  if (related.length > 0) {
    lines.push(BLANK, line(segment("Closest passages", "heading")));
    for (const evidence of related) lines.push(...relatedView(evidence, terms, context));
  }
  lines.push(BLANK);
  return lines;
}

/**
 * One source: `[n] Title ¶p` on one line (a long title is cut with "…" so the ¶ always
 * shows; `full` wraps it instead), then the quote with matched terms highlighted, wrapped.
 */
export function sourceView(
  citation: Citation,
  terms: readonly string[],
  context: ViewContext,
  full = false,
): Line[] {
  const title = documentTitle(context.corpus, citation.docId);
  const marker = `[${citation.n}] `;
  const where = ` ¶${citation.paragraph}`;
  const heading = full
    ? wrap([segment(title), segment(where, "dim")], context.width, {
        first: line(segment(marker, "marker")),
        rest: line(" ".repeat(marker.length)),
      })
    : [
        line(
          segment(marker, "marker"),
          segment(
            truncate(toSingleLine(title), Math.max(8, context.width - marker.length - textWidth(where))),
          ),
          segment(where, "dim"),
        ),
      ];
  return [...heading, ...quoteView(citation.quote, terms, context, " ".repeat(Math.min(marker.length, 6)))];
}

function relatedView(evidence: Evidence, terms: readonly string[], context: ViewContext): Line[] {
  const title = documentTitle(context.corpus, evidence.docId);
  const where = ` ¶${evidence.paragraph}`;
  return [
    line(
      segment(context.plain ? "- " : "• ", "dim"),
      segment(truncate(toSingleLine(title), Math.max(8, context.width - 2 - textWidth(where)))),
      segment(where, "dim"),
    ),
    ...quoteView(evidence.quote, terms, context, "  "),
  ];
}

/** A quote in curly quotes, indented, with the query's terms highlighted. */
export function quoteView(
  quote: string,
  terms: readonly string[],
  context: ViewContext,
  indent: string,
): Line[] {
  const body = highlightTerms(quote.replace(/\s+/g, " ").trim(), terms);
  return wrap([segment("“"), ...body, segment("”")], context.width, {
    first: line(indent),
    rest: line(indent),
  });
}

/** `/sources`: every source of the answer, or source `n` with its document's details. */
export function sourcesView(
  answer: Answer,
  terms: readonly string[],
  context: ViewContext,
  n: number | undefined,
): Line[] {
  const lines: Line[] = [];
  const citations =
    n === undefined ? answer.citations : answer.citations.filter((citation) => citation.n === n);
  for (const citation of citations) {
    lines.push(...sourceView(citation, terms, context, n !== undefined));
    if (n !== undefined) {
      const document = context.corpus.documents.find((doc) => doc.id === citation.docId);
      if (document) {
        const authors = document.authors
          .map((author) => (author.role ? `${author.name} (${author.role})` : author.name))
          .join(", ");
        const details = [
          authors ? segment(authors, "dim") : undefined,
          document.publisher ? segment(document.publisher, "dim") : undefined,
          // The address whole, never broken over lines: clickable (OSC 8) where the terminal can.
          document.url ? linkSegment(document.url, "dim") : undefined,
          segment(`characters ${citation.start}–${citation.end}`, "dim"),
        ].filter((part) => part !== undefined);
        for (const detail of details) {
          lines.push(...wrap([detail], context.width, { first: line("    "), rest: line("    ") }));
        }
      }
      lines.push(
        ...wrap(
          [segment("/open ", "accent"), segment(`${citation.n} shows the passage around it`, "dim")],
          context.width,
          { first: line("    "), rest: line("    ") },
        ),
      );
    }
  }
  lines.push(BLANK);
  return lines;
}
