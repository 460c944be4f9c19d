import type { Corpus, Passage, SourceDocument, Span } from "@newind/core/text";
import { parsePartialDate } from "@newind/data/loaders";

/** A document of a corpus as the analytics see it: dated (or not), with its passages' spans. */
export interface AnalysedDocument {
  readonly document: SourceDocument;
  /** The year it was published or delivered, or null when the corpus does not say. */
  readonly year: number | null;
  /** Its date when finer than a year ("2002-11-08", "2018-06"). */
  readonly date?: string;
  /** Its passages, in document order. */
  readonly passages: readonly Passage[];
  /** Their spans: the text the analytics read (page chrome, title blocks and footers are not in it). */
  readonly ranges: readonly Span[];
}

// A year from 1000 to 2999 inside a longer date ("March 5, 2023").
const YEAR_IN_TEXT = /(?<![0-9])([12][0-9]{3})(?![0-9])/;

/**
 * The year a document was published or delivered: from its `published` date ("2002-11-08",
 * "2003", "2023-09"; or a year inside a longer date such as "March 5, 2023"), else null.
 *
 * @example
 * documentYear({ ...document, published: "2002-11-08" }); // → 2002
 */
export function documentYear(document: Pick<SourceDocument, "published">): number | null {
  const published = document.published?.trim();
  if (!published) return null;
  const parsed = parsePartialDate(published);
  if (parsed && parsed.precision !== "decade") return parsed.year;
  const year = YEAR_IN_TEXT.exec(published)?.[1];
  return year === undefined ? null : Number(year);
}

/** The document's date when it is finer than a year (a month or a day), as written. */
function documentDate(document: SourceDocument): string | undefined {
  const published = document.published?.trim();
  if (!published) return undefined;
  const parsed = parsePartialDate(published);
  return parsed && (parsed.precision === "month" || parsed.precision === "day") ? published : undefined;
}

const views = new WeakMap<Corpus["passages"], WeakMap<Corpus["documents"], AnalysedDocument[]>>();

/**
 * The corpus's documents in date order — by year, then date, then corpus order; undated
 * documents last — each with its passages and their spans. Cached per corpus (its
 * `documents` and `passages` arrays), so repeated calls cost nothing.
 */
export function analyseDocuments(
  corpus: Pick<Corpus, "documents" | "passages">,
): readonly AnalysedDocument[] {
  let byDocuments = views.get(corpus.passages);
  const cached = byDocuments?.get(corpus.documents);
  if (cached) return cached;
  const passagesOf = new Map<string, Passage[]>();
  for (const passage of corpus.passages) {
    let list = passagesOf.get(passage.docId);
    if (!list) {
      list = [];
      passagesOf.set(passage.docId, list);
    }
    list.push(passage);
  }
  const analysed = corpus.documents.map((document, index) => {
    const passages = (passagesOf.get(document.id) ?? []).slice().sort((a, b) => a.span.start - b.span.start);
    const date = documentDate(document);
    const view: AnalysedDocument & { index: number } = {
      document,
      year: documentYear(document),
      ...(date !== undefined && { date }),
      passages,
      ranges: passages.map((passage) => passage.span),
      index,
    };
    return view;
  });
  analysed.sort(
    (a, b) =>
      (a.year ?? Number.POSITIVE_INFINITY) - (b.year ?? Number.POSITIVE_INFINITY) ||
      compareText(a.date ?? "", b.date ?? "") ||
      a.index - b.index,
  );
  const result = analysed.map(({ index: _index, ...view }) => view);
  if (!byDocuments) {
    byDocuments = new WeakMap();
    views.set(corpus.passages, byDocuments);
  }
  byDocuments.set(corpus.documents, result);
  return result;
}

/** Code-unit order: the same on every machine, whatever its locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
