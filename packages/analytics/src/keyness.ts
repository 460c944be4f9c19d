import type { Corpus } from "@newind/core/text";
import { wholeNumber } from "./concordance.js";
import { AnalyticsInputError } from "./errors.js";
import { logLikelihood, round2 } from "./log-likelihood.js";
import { type DocumentSelection, type SelectedDocuments, selectDocuments } from "./selection.js";
import { passageWords } from "./words.js";

/** Options of {@link keyness}. */
export interface KeynessOptions {
  /** The fewest times a word must occur in the side it is key for (default 5): the frequency floor. */
  minCount?: number;
  /** The lowest log-likelihood listed (default 15.13, p < 0.0001). */
  minScore?: number;
  /**
   * The smallest effect listed, as |log₂ ratio| of the relative frequencies (default 1: at
   * least twice as frequent). Significance alone lists the commonest words of any large
   * sample ("的", "the"); the effect size keeps what actually differs.
   */
  minLogRatio?: number;
  /** How many key words to return for each side (default 20). */
  limit?: number;
}

/** A word one side uses markedly more than the other. */
export interface KeyWord {
  word: string;
  /** Occurrences in A and in B. */
  countA: number;
  countB: number;
  /** Occurrences per million words in A and in B. */
  perMillionA: number;
  perMillionB: number;
  /** Log-likelihood (G²) of the difference; higher is more marked. */
  score: number;
  /** Effect size: log₂ of the ratio of relative frequencies (+1 means twice as frequent; 0.5 is added to a zero count). */
  logRatio: number;
}

/** One side of a {@link Keyness} comparison. */
export interface KeynessSide {
  /** What was selected, as typed or named: "cpc-16", "2003–2015". */
  label: string;
  /** The documents it covers, in date order. */
  docIds: string[];
  /** Words in those documents. */
  words: number;
}

/** What {@link keyness} returns. */
export interface Keyness {
  a: KeynessSide;
  b: KeynessSide;
  /** Words A uses markedly more than B, most marked first. */
  moreInA: KeyWord[];
  /** Words B uses markedly more than A, most marked first. */
  moreInB: KeyWord[];
}

/**
 * Keyness: what one document or range of years says markedly more than another. Words
 * (as {@link collocations} reads them) are counted in A and in B and each word's
 * difference is scored by Dunning's log-likelihood (G²); a word is key for the side that
 * uses it more often (relative to its length) when it occurs there at least `minCount`
 * times, scores at least `minScore` and is at least `2^minLogRatio` times as frequent
 * there. Each key word carries its counts, its frequency
 * per million words on both sides and the log ratio as the size of the effect.
 *
 * @param a document ids or years ("cpc-16", "2003-2015"), or a {@link DocumentSelection}.
 * @throws {AnalyticsInputError} for an unknown id, a range with no document, sides that share documents, or a bad option.
 * @example
 * const { moreInA } = keyness(await loadPrimaryCorpus(), "2003-2015", "2016-2023");
 * moreInA.slice(0, 5).map((key) => key.word);
 */
export function keyness(
  corpus: Pick<Corpus, "documents" | "passages">,
  a: string | DocumentSelection,
  b: string | DocumentSelection,
  options: KeynessOptions = {},
): Keyness {
  const minCount = wholeNumber("minCount", options.minCount ?? 5, 1, Number.MAX_SAFE_INTEGER);
  const limit = wholeNumber("limit", options.limit ?? 20, 0, Number.MAX_SAFE_INTEGER);
  const minScore = options.minScore ?? 15.13;
  const minLogRatio = options.minLogRatio ?? 1;
  for (const [name, value] of [
    ["minScore", minScore],
    ["minLogRatio", minLogRatio],
  ] as const) {
    if (!Number.isFinite(value) || value < 0)
      throw new AnalyticsInputError(`${name} must be a number from 0 up`);
  }
  const sideA = selectDocuments(corpus, a);
  const sideB = selectDocuments(corpus, b);
  const shared = sideA.documents.filter((view) => sideB.documents.includes(view));
  if (shared.length > 0) {
    throw new AnalyticsInputError(
      `the two sides share ${shared.map((view) => view.document.id).join(", ")}: compare two different sets of documents`,
    );
  }
  const countsA = countWords(sideA);
  const countsB = countWords(sideB);
  const moreInA: KeyWord[] = [];
  const moreInB: KeyWord[] = [];
  for (const word of new Set([...countsA.counts.keys(), ...countsB.counts.keys()])) {
    const inA = countsA.counts.get(word) ?? 0;
    const inB = countsB.counts.get(word) ?? 0;
    const rateA = inA / Math.max(1, countsA.total);
    const rateB = inB / Math.max(1, countsB.total);
    if (rateA === rateB) continue;
    const forA = rateA > rateB;
    if ((forA ? inA : inB) < minCount) continue;
    const score = logLikelihood(inA, countsA.total - inA, inB, countsB.total - inB);
    if (score < minScore) continue;
    // log₂ of the ratio of relative frequencies; a zero count counts as 0.5.
    const logRatio = Math.log2(
      (inA || 0.5) / Math.max(1, countsA.total) / ((inB || 0.5) / Math.max(1, countsB.total)),
    );
    if (Math.abs(logRatio) < minLogRatio) continue;
    const key: KeyWord = {
      word,
      countA: inA,
      countB: inB,
      perMillionA: round2(rateA * 1e6),
      perMillionB: round2(rateB * 1e6),
      score: round2(score),
      logRatio: round2(logRatio),
    };
    (forA ? moreInA : moreInB).push(key);
  }
  const order = (x: KeyWord, y: KeyWord) =>
    y.score - x.score ||
    Math.abs(y.logRatio) - Math.abs(x.logRatio) ||
    (x.word < y.word ? -1 : x.word > y.word ? 1 : 0);
  return {
    a: { label: sideA.label, docIds: sideA.documents.map((view) => view.document.id), words: countsA.total },
    b: { label: sideB.label, docIds: sideB.documents.map((view) => view.document.id), words: countsB.total },
    moreInA: moreInA.sort(order).slice(0, limit),
    moreInB: moreInB.sort(order).slice(0, limit),
  };
}

function countWords(side: SelectedDocuments): { counts: Map<string, number>; total: number } {
  const counts = new Map<string, number>();
  let total = 0;
  for (const view of side.documents) {
    for (const passage of view.passages) {
      for (const token of passageWords(view.document.text, passage)) {
        counts.set(token.word, (counts.get(token.word) ?? 0) + 1);
        total++;
      }
    }
  }
  return { counts, total };
}
