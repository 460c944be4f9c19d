import type { SentenceSpan } from "@newind/core/text";

/**
 * The longest sentence a document yields, in UTF-16 code units: the longest quote a search
 * hit shows, so every sentence can be cited whole. Longer runs — a document on one line
 * with no full stops, a table flattened to text — are split where a clause ends.
 */
export const MAX_SENTENCE_LENGTH = 750;

// Where a long sentence is best cut: after a clause's punctuation, else at any space.
const CLAUSE_END = /[;:,，；：、]\s+/g;
const SPACE = /\s+/g;

/**
 * Splits every sentence longer than `max` into pieces of at most `max` code units, each an
 * exact, trimmed span of the text: cut after the last clause punctuation (";", ":", ",")
 * in the second half of the allowed length, else at the last space, else (a run with no
 * space at all) at `max`, never between the halves of a surrogate pair.
 *
 * @example
 * splitLongSentences([{ start: 0, end: 2000, text }], text, 750).every((s) => s.end - s.start <= 750) // true
 */
export function splitLongSentences(
  sentences: readonly SentenceSpan[],
  text: string,
  max = MAX_SENTENCE_LENGTH,
  offset = 0,
): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  for (const sentence of sentences) {
    if (sentence.end - sentence.start <= max) {
      out.push(sentence);
      continue;
    }
    let start = sentence.start;
    while (sentence.end - start > max) {
      const window = text.slice(start - offset, start - offset + max + 1);
      let cut = lastBreak(window, CLAUSE_END, max / 2) ?? lastBreak(window, SPACE, 1) ?? max;
      const code = text.charCodeAt(start - offset + cut - 1);
      if (code >= 0xd800 && code <= 0xdbff) cut--;
      let end = start + cut;
      while (end > start && /\s/.test(text[end - offset - 1] ?? "")) end--;
      if (end > start) out.push({ start, end, text: text.slice(start - offset, end - offset) });
      start += cut;
      while (start < sentence.end && /\s/.test(text[start - offset] ?? "")) start++;
    }
    if (sentence.end > start) {
      out.push({ start, end: sentence.end, text: text.slice(start - offset, sentence.end - offset) });
    }
  }
  return out;
}

/** The offset just after the last match of `pattern` that ends at or after `from`, if any. */
function lastBreak(window: string, pattern: RegExp, from: number): number | undefined {
  let found: number | undefined;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(window); match; match = pattern.exec(window)) {
    const end = match.index + match[0].length;
    // The break must leave a piece within the window (the window holds max + 1 characters).
    if (end >= from && end < window.length) found = end;
  }
  return found;
}
