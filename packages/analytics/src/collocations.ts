import type { Corpus } from "@newind/core/text";
import { wholeNumber } from "./concordance.js";
import { analyseDocuments } from "./corpus-view.js";
import { logLikelihood, round2 } from "./log-likelihood.js";
import { createTermMatcher, type TermInput, toTermForms } from "./terms.js";
import { passageWords } from "./words.js";

/** Options of {@link collocations}. */
export interface CollocationOptions {
  /** Words on each side of an occurrence that count as its company (default 5, at most 20). */
  window?: number;
  /** The fewest times a word must keep the term company to be listed (default 3): the frequency floor. */
  minCount?: number;
  /** How many collocates to return (default 20). */
  limit?: number;
}

/** A word that keeps company with the term. */
export interface Collocate {
  /** The word (lowercased for Latin script). */
  word: string;
  /** How often it occurs within the window of an occurrence of the term. */
  count: number;
  /** How often it occurs in the whole corpus. */
  total: number;
  /** How often it would occur in the windows if it had nothing to do with the term. */
  expected: number;
  /** Log-likelihood (G²) of its association with the term; higher is stronger. */
  score: number;
}

/** What {@link collocations} returns. */
export interface Collocations {
  term: string;
  /** Words on each side. */
  window: number;
  /** Occurrences of the term. */
  occurrences: number;
  /** Words within the windows (each position counted once). */
  windowWords: number;
  /** Words in the corpus. */
  corpusWords: number;
  /** The strongest collocates first. */
  collocates: Collocate[];
  /** The forms counted, when the term has others. */
  forms?: string[];
}

/**
 * The words that keep company with a term: for every occurrence (counted as
 * {@link termTrend} counts), the `window` words before and after it in its passage; each
 * word found there is scored by Dunning's log-likelihood (G²) of its frequency inside the
 * windows against its frequency in the rest of the corpus. Only words found more often
 * than chance expects, at least `minCount` times, are listed, strongest first. Words are
 * `Intl.Segmenter` words for Chinese and letter runs for other scripts; the term's own
 * words (those overlapping an occurrence) are not its collocates.
 *
 * @throws {AnalyticsInputError} for a bad term or option.
 * @example
 * const { collocates } = collocations(await loadPrimaryCorpus(), "新型工业化", { window: 4 });
 * collocates.slice(0, 3).map((collocate) => `${collocate.word} ${collocate.count}`);
 */
export function collocations(
  corpus: Pick<Corpus, "documents" | "passages">,
  term: TermInput,
  options: CollocationOptions = {},
): Collocations {
  const window = wholeNumber("window", options.window ?? 5, 1, 20);
  const minCount = wholeNumber("minCount", options.minCount ?? 3, 1, Number.MAX_SAFE_INTEGER);
  const limit = wholeNumber("limit", options.limit ?? 20, 0, Number.MAX_SAFE_INTEGER);
  const forms = toTermForms(term);
  const matcher = createTermMatcher(forms);
  const corpusCounts = new Map<string, number>();
  const windowCounts = new Map<string, number>();
  let corpusWords = 0;
  let windowWords = 0;
  let occurrences = 0;
  for (const view of analyseDocuments(corpus)) {
    const { text } = view.document;
    const matches = matcher.find(text, view.ranges);
    occurrences += matches.length;
    let next = 0;
    for (const passage of view.passages) {
      const words = passageWords(text, passage);
      corpusWords += words.length;
      for (const token of words) corpusCounts.set(token.word, (corpusCounts.get(token.word) ?? 0) + 1);
      // This passage's occurrences (matches are in text order, never across passages).
      const inPassage = [];
      while (next < matches.length && (matches[next]?.end ?? 0) <= passage.span.end) {
        const match = matches[next++];
        if (match && match.start >= passage.span.start) inPassage.push(match);
      }
      if (inPassage.length === 0) continue;
      const inWindow = new Set<number>();
      const inTerm = new Set<number>();
      for (const match of inPassage) {
        let first = words.findIndex((token) => token.end > match.start);
        if (first < 0) first = words.length;
        let after = first;
        while (after < words.length && (words[after]?.start ?? 0) < match.end) inTerm.add(after++);
        for (let index = Math.max(0, first - window); index < first; index++) inWindow.add(index);
        for (let index = after; index < Math.min(words.length, after + window); index++) inWindow.add(index);
      }
      for (const index of inWindow) {
        if (inTerm.has(index)) continue;
        const word = words[index]?.word;
        if (word === undefined) continue;
        windowWords++;
        windowCounts.set(word, (windowCounts.get(word) ?? 0) + 1);
      }
    }
  }
  const collocates: Collocate[] = [];
  for (const [word, count] of windowCounts) {
    if (count < minCount) continue;
    const total = corpusCounts.get(word) ?? count;
    const expected = (windowWords * total) / Math.max(1, corpusWords);
    if (count <= expected) continue;
    const score = logLikelihood(
      count,
      windowWords - count,
      total - count,
      corpusWords - windowWords - (total - count),
    );
    collocates.push({ word, count, total, expected: round2(expected), score: round2(score) });
  }
  collocates.sort(
    (a, b) => b.score - a.score || b.count - a.count || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0),
  );
  const result: Collocations = {
    term: forms.term,
    window,
    occurrences,
    windowWords,
    corpusWords,
    collocates: collocates.slice(0, limit),
  };
  if (forms.forms.length > 1) result.forms = [...forms.forms];
  return result;
}
