import type { Citation, Evidence, Footnote, SourceDocument } from "@newind/core";

/** The longest span a citation may cover. */
export const MAX_CITATION_LENGTH = 750;

/** A span of a document to cite. */
export interface CitableSpan {
  docId: string;
  passageId: string;
  paragraph: number;
  start: number;
  end: number;
}

/** Thrown when a citation's quote is not exactly its document's text at its span: a bug, never user error. */
export class CitationSpanError extends Error {
  override name = "CitationSpanError";
}

/**
 * Asserts `quote === document.text.slice(start, end)` for every citation, that spans stay
 * within {@link MAX_CITATION_LENGTH} and that none contains a footnote marker.
 *
 * @throws CitationSpanError naming the first citation that breaks the invariant.
 */
export function assertCitations(
  citations: readonly Evidence[],
  documents: ReadonlyMap<string, SourceDocument>,
  footnotes: readonly Footnote[] = [],
): void {
  for (const citation of citations) {
    const document = documents.get(citation.docId);
    if (!document) throw new CitationSpanError(`citation of unknown document "${citation.docId}"`);
    if (document.text.slice(citation.start, citation.end) !== citation.quote) {
      throw new CitationSpanError(
        `citation [${citation.start}, ${citation.end}) of "${citation.docId}" does not match its quote`,
      );
    }
    if (citation.end - citation.start > MAX_CITATION_LENGTH || citation.end <= citation.start) {
      throw new CitationSpanError(`citation [${citation.start}, ${citation.end}) has a bad length`);
    }
    for (const footnote of footnotes) {
      if (
        footnote.docId === citation.docId &&
        footnote.span.start < citation.end &&
        citation.start < footnote.span.end
      ) {
        throw new CitationSpanError(
          `citation [${citation.start}, ${citation.end}) includes footnote marker ${footnote.n}`,
        );
      }
    }
  }
}

/**
 * Numbers citations by first appearance and deduplicates them: citing the same span twice
 * returns the same number. Spans are trimmed of whitespace, cut before any footnote marker
 * and at most {@link MAX_CITATION_LENGTH} characters (cut at a word boundary).
 */
export class CitationRegistry {
  readonly #documents: ReadonlyMap<string, SourceDocument>;
  readonly #footnotes: readonly Footnote[];
  readonly #byKey = new Map<string, Citation>();
  readonly #citations: Citation[] = [];

  constructor(documents: ReadonlyMap<string, SourceDocument>, footnotes: readonly Footnote[] = []) {
    this.#documents = documents;
    this.#footnotes = footnotes;
  }

  /** Returns the number of the citation for `span`, adding it if new; undefined when the span is unusable. */
  cite(span: CitableSpan): number | undefined {
    const evidence = this.#exact(span);
    if (!evidence) return undefined;
    const key = `${evidence.docId}\u0000${evidence.start}\u0000${evidence.end}`;
    const existing = this.#byKey.get(key);
    if (existing) return existing.n;
    const citation: Citation = { n: this.#citations.length + 1, ...evidence };
    this.#byKey.set(key, citation);
    this.#citations.push(citation);
    return citation.n;
  }

  /** The citations so far, in number order. */
  list(): Citation[] {
    return [...this.#citations];
  }

  /** An exact {@link Evidence} for a span (same clean-up as {@link cite}), or undefined. */
  evidence(span: CitableSpan): Evidence | undefined {
    return this.#exact(span);
  }

  #exact(span: CitableSpan): Evidence | undefined {
    const document = this.#documents.get(span.docId);
    if (!document) return undefined;
    const text = document.text;
    let start = Math.max(0, Math.min(span.start, text.length));
    let end = Math.max(start, Math.min(span.end, text.length));
    for (const footnote of this.#footnotes) {
      if (footnote.docId !== span.docId) continue;
      if (footnote.span.start < end && start < footnote.span.end) {
        if (footnote.span.start > start) end = footnote.span.start;
        else start = footnote.span.end;
      }
    }
    if (end - start > MAX_CITATION_LENGTH) {
      const cut = text.lastIndexOf(" ", start + MAX_CITATION_LENGTH);
      end = cut > start ? cut : start + MAX_CITATION_LENGTH;
    }
    while (start < end && /\s/.test(text[start] ?? "")) start++;
    while (end > start && /\s/.test(text[end - 1] ?? "")) end--;
    // Never split a surrogate pair.
    if (end < text.length && /[\udc00-\udfff]/.test(text[end] ?? "")) end--;
    if (/[\udc00-\udfff]/.test(text[start] ?? "")) start++;
    if (end <= start) return undefined;
    return {
      docId: span.docId,
      passageId: span.passageId,
      paragraph: span.paragraph,
      start,
      end,
      quote: text.slice(start, end),
    };
  }
}
