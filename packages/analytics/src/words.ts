import type { Passage } from "@newind/core/text";

/** A word of a passage: `word` is its counting form (lowercased), `start`/`end` its exact span. */
export interface WordToken {
  readonly word: string;
  readonly start: number;
  readonly end: number;
}

// A run of Han characters (segmented into words by Intl.Segmenter), or a word of another
// script: letters, marks and digits, joined by apostrophes or hyphens ("state-owned").
const RUN = /(\p{Script=Han}+)|([\p{L}\p{M}\p{N}]+(?:['’\-‐][\p{L}\p{M}\p{N}]+)*)/gu;

let segmenter: Intl.Segmenter | undefined;
const cache = new WeakMap<Passage, readonly WordToken[]>();

/**
 * The words of a passage of `text`, in order: Chinese by `Intl.Segmenter`'s word
 * boundaries (ICU's dictionary), other scripts by letters and digits. Punctuation and
 * spaces are not words. Latin words are counted lowercased. Cached per passage object:
 * segmenting Chinese is the slow part (about a second per million characters).
 *
 * @example
 * passageWords(text, passage).map((token) => token.word); // → ["走", "新型", "工业化", "道路"]
 */
export function passageWords(text: string, passage: Passage): readonly WordToken[] {
  const cached = cache.get(passage);
  if (cached) return cached;
  const tokens = wordsOf(text, passage.span.start, passage.span.end);
  cache.set(passage, tokens);
  return tokens;
}

/** The words of `text` between `start` and `end` (see {@link passageWords}). */
export function wordsOf(text: string, start: number, end: number): WordToken[] {
  const slice = text.slice(start, end);
  const tokens: WordToken[] = [];
  RUN.lastIndex = 0;
  for (let match = RUN.exec(slice); match; match = RUN.exec(slice)) {
    const at = start + match.index;
    if (match[1] === undefined) {
      tokens.push({ word: match[0].toLowerCase(), start: at, end: at + match[0].length });
      continue;
    }
    segmenter ??= new Intl.Segmenter("zh", { granularity: "word" });
    for (const piece of segmenter.segment(match[1])) {
      if (piece.isWordLike === false) continue;
      tokens.push({
        word: piece.segment,
        start: at + piece.index,
        end: at + piece.index + piece.segment.length,
      });
    }
  }
  return tokens;
}
