import type { Corpus } from "@newind/core/text";
import { analyseDocuments } from "./corpus-view.js";
import { createTermMatcher, type TermForms, type TermInput, toTermForms } from "./terms.js";

/** Counts keyed by term. A null-prototype object: a term such as "__proto__" is an ordinary key. */
export type TermCounts = Record<string, number>;

/** One document of a {@link TermTrend}. */
export interface TrendDocument {
  docId: string;
  title: string;
  /** What sort of document it is ("government-work-report"), when its collection says. */
  kind?: string;
  /** The year it was published or delivered; null when undated (listed, never dropped). */
  year: number | null;
  /** Its date, when finer than a year. */
  date?: string;
  /** The length of its text, in characters (UTF-16 code units, as offsets count). */
  chars: number;
  /** Occurrences of each term in the document. */
  counts: TermCounts;
}

/** The totals of one year that has at least one dated document. */
export interface TrendYear {
  year: number;
  counts: TermCounts;
}

/** What {@link termTrend} returns. */
export interface TermTrend {
  /** The terms, checked and trimmed, without duplicates, in the order given. */
  terms: string[];
  /** Every document, dated ones by year then date, undated ones last. */
  documents: TrendDocument[];
  /** Every year that has a document, ascending, with the sum of its documents' counts. */
  years: TrendYear[];
  /** Years between the first and the last year with no document at all: missing, not zero. */
  missingYears: number[];
  /** For terms counted with other forms (glossary translations): every form counted. */
  forms?: Record<string, string[]>;
}

function newCounts(): TermCounts {
  return Object.create(null) as TermCounts;
}

/**
 * Counts each term in every document of a corpus and totals the counts by year: how often
 * a phrase is used, document by document and year by year, and which years have no
 * document at all.
 *
 * Counting rules (see {@link createTermMatcher}): literal strings, nothing is a pattern;
 * substrings for Chinese; word-bounded and case-insensitive for Latin script; overlapping
 * matches are not counted twice ("aaa" occurs once in "aaaa"). Only the text of the
 * document's passages is read, so page chrome, a title block or a licence footer is never
 * counted. A term given as {@link TermForms} counts all its forms under its own name.
 *
 * A document's year comes from its `published` date; a document without one is listed with
 * `year: null` and left out of `years`.
 *
 * @throws {AnalyticsInputError} for an empty, over-long or control-character term.
 * @example
 * const trend = termTrend(await loadPrimaryCorpus(), ["新型工业化"]);
 * trend.years.find((year) => year.year === 2002)?.counts["新型工业化"]; // → 3
 * trend.missingYears.includes(2020); // → true
 */
export function termTrend(
  corpus: Pick<Corpus, "documents" | "passages">,
  terms: readonly TermInput[],
): TermTrend {
  const unique = new Map<string, TermForms>();
  for (const input of terms) {
    const forms = toTermForms(input);
    if (!unique.has(forms.term)) unique.set(forms.term, forms);
  }
  const matchers = [...unique.values()].map((forms) => ({
    term: forms.term,
    matcher: createTermMatcher(forms),
  }));
  const byYear = new Map<number, TermCounts>();
  const documents: TrendDocument[] = analyseDocuments(corpus).map((view) => {
    const counts = newCounts();
    for (const { term, matcher } of matchers)
      counts[term] = matcher.find(view.document.text, view.ranges).length;
    // Keys in the order of the JSON contract: docId, title, kind, year, date, chars, counts.
    const { kind } = view.document;
    const row: TrendDocument = {
      docId: view.document.id,
      title: view.document.title,
      ...(kind !== undefined && { kind }),
      year: view.year,
      ...(view.date !== undefined && { date: view.date }),
      chars: view.document.text.length,
      counts,
    };
    if (view.year !== null) {
      let total = byYear.get(view.year);
      if (!total) {
        total = newCounts();
        for (const { term } of matchers) total[term] = 0;
        byYear.set(view.year, total);
      }
      for (const { term } of matchers) total[term] = (total[term] ?? 0) + (counts[term] ?? 0);
    }
    return row;
  });
  const years = [...byYear.entries()].sort(([a], [b]) => a - b).map(([year, counts]) => ({ year, counts }));
  const missingYears: number[] = [];
  const first = years[0]?.year;
  const last = years.at(-1)?.year;
  if (first !== undefined && last !== undefined) {
    for (let year = first; year <= last; year++) if (!byYear.has(year)) missingYears.push(year);
  }
  const trend: TermTrend = { terms: [...unique.keys()], documents, years, missingYears };
  const extra = [...unique.values()].filter((forms) => forms.forms.length > 1);
  if (extra.length > 0) {
    const forms = Object.create(null) as Record<string, string[]>;
    for (const each of unique.values()) forms[each.term] = [...each.forms];
    trend.forms = forms;
  }
  return trend;
}
