import { findFootnoteMarkers } from "./footnotes.js";
import type { Span } from "./schemas.js";
import { segmentText } from "./segment-text.js";

/** A sentence found by {@link segmentSentences}: `text` is exactly the input at `[start, end)`. */
export interface SentenceSpan {
  /** Offset of the sentence's first character (never whitespace). */
  start: number;
  /** Offset just after its last character (never whitespace, never a footnote marker). */
  end: number;
  /** The sentence, verbatim. */
  text: string;
}

/** Options of {@link segmentSentences}. */
export interface SegmentSentencesOptions {
  /**
   * Footnote marker spans, in the same absolute offsets as the result. Sentences end
   * before a marker and never include one. When omitted, markers are detected with
   * {@link findFootnoteMarkers} (without a numbering sequence).
   */
  footnotes?: readonly Span[];
}

// Abbreviations after which a period never ends a sentence (a name or number follows).
const ALWAYS_ABBREVIATION = new Set([
  "Mr.",
  "Mrs.",
  "Ms.",
  "Dr.",
  "Prof.",
  "Sr.",
  "Jr.",
  "St.",
  "Gen.",
  "Lt.",
  "Col.",
  "Capt.",
  "Sgt.",
  "Rev.",
  "Hon.",
  "Rep.",
  "Sen.",
  "Gov.",
  "Pres.",
  "e.g.",
  "i.e.",
  "E.g.",
  "I.e.",
  "cf.",
  "vs.",
  "No.",
  "Nos.",
  "Vol.",
  "Fig.",
  "p.",
  "pp.",
  "approx.",
]);
// Abbreviations that also end sentences ("…moved to the U.S. The next year…"): the
// period ends the sentence only when an ordinary sentence opener follows.
const MAYBE_ABBREVIATION = new Set([
  "Jan.",
  "Feb.",
  "Mar.",
  "Apr.",
  "Jun.",
  "Jul.",
  "Aug.",
  "Sep.",
  "Sept.",
  "Oct.",
  "Nov.",
  "Dec.",
  "Inc.",
  "Co.",
  "Corp.",
  "Ltd.",
  "Dept.",
  "Univ.",
  "al.",
]);
const INITIALISM = /^(?:\p{Lu}\.){2,}$/u; // U.S., U.K., P.R.C.
const INITIAL = /^\p{Lu}\.$/u; // the F. of John F. Kennedy
const SENTENCE_OPENERS = new Set(
  (
    "The A An This That These Those It Its He She They We I You In On At But And Or So Yet " +
    "However Meanwhile Thus Then There Here As If When While After Before Since For Of To By " +
    "With Our Their His Her My Such Some Many Most All Both Each Other Also Still Instead Today " +
    "Now Indeed Moreover Furthermore Finally First Second Third Only Under Over According"
  ).split(" "),
);
const CLOSERS = /^[”’"»)\]]+(?=\s|$)/u;
const WHITESPACE = /\s/u;

let segmenter: Intl.Segmenter | undefined;

/**
 * Splits text into sentences with exact UTF-16 offsets.
 *
 * Built on `Intl.Segmenter("en", { granularity: "sentence" })`, then repaired: no
 * break after abbreviations ("U.S.", "Dec.", "Mr.", "e.g."); closing quotes stay with
 * their sentence; footnote markers glued to sentence ends ("trap. 1", "squeeze.”3",
 * "2035.7 In March") are split off — the sentence ends before the marker, and the
 * next sentence starts after it. A single line break counts as a space (hard-wrapped
 * paragraphs); a blank line always ends a sentence. Never throws; linear in the length of
 * the text, however long its lines.
 *
 * @param text the text to split.
 * @param offset added to every offset, when `text` is a slice of a document starting there.
 * @returns sentences in order, non-overlapping, trimmed, each `text === input.slice(start - offset, end - offset)`.
 * @example
 * segmentSentences("He met Mr. Li in the U.S. capital. It rained.", 100);
 * // → [{ start: 100, end: 134, text: "He met Mr. Li in the U.S. capital." },
 * //    { start: 135, end: 145, text: "It rained." }]
 */
export function segmentSentences(
  text: string,
  offset = 0,
  options: SegmentSentencesOptions = {},
): SentenceSpan[] {
  const markers = (options.footnotes ?? findFootnoteMarkers(text))
    .map((span) =>
      options.footnotes
        ? { start: span.start - offset, end: span.end - offset }
        : { start: span.start, end: span.end },
    )
    .filter((span) => span.end > 0 && span.start < text.length && span.end > span.start)
    .sort((a, b) => a.start - b.start);

  const normalized = softenLineBreaks(text);

  // 1. The segmenter's ranges, each cut at every footnote marker it contains.
  segmenter ??= new Intl.Segmenter("en", { granularity: "sentence" });
  const ranges: { start: number; end: number; hardEnd: boolean }[] = [];
  // Window by window: one pass over a megabyte-long line would be quadratic (see segmentText).
  for (const { index, segment } of segmentText(segmenter, normalized)) {
    let start = index;
    const end = index + segment.length;
    for (const marker of markers) {
      if (marker.end <= start || marker.start >= end) continue;
      if (marker.start > start) ranges.push({ start, end: marker.start, hardEnd: true });
      start = Math.max(start, marker.end);
    }
    if (end > start)
      ranges.push({ start, end, hardEnd: /[\n\r\u2028\u2029]\s*$/.test(normalized.slice(start, end)) });
  }

  // 2. Trim, and repair the segmenter's breaks after abbreviations and before closers.
  const sentences: { start: number; end: number; hardEnd: boolean }[] = [];
  for (const range of ranges) {
    let { start, end } = range;
    while (start < end && WHITESPACE.test(normalized[start] ?? "")) start++;
    while (end > start && WHITESPACE.test(normalized[end - 1] ?? "")) end--;
    if (end <= start) {
      const last = sentences.at(-1);
      if (last && range.hardEnd) last.hardEnd = true;
      continue;
    }
    const previous = sentences.at(-1);
    if (previous && !previous.hardEnd) {
      const head = normalized.slice(start, end);
      const closers = CLOSERS.exec(head)?.[0];
      if (closers && closers.length === head.length) {
        previous.end = end;
        previous.hardEnd = range.hardEnd;
        continue;
      }
      if (continuesAfterAbbreviation(normalized.slice(previous.start, previous.end), head)) {
        previous.end = end;
        previous.hardEnd = range.hardEnd;
        continue;
      }
    }
    sentences.push({ start, end, hardEnd: range.hardEnd });
  }
  return sentences.map(({ start, end }) => ({
    start: start + offset,
    end: end + offset,
    text: text.slice(start, end),
  }));
}

/**
 * Same-length substitution, so offsets are kept: a line break between two non-blank
 * lines becomes a space (hard-wrapped paragraphs must not end sentences at every line);
 * line breaks next to a blank line stay, as paragraph separators.
 */
function softenLineBreaks(text: string): string {
  const lines = text.split(/(\r\n|\r|\n)/);
  // split with a capture group alternates line, break, line, break, …
  let result = "";
  for (let i = 0; i < lines.length; i++) {
    const part = lines[i] ?? "";
    if (i % 2 === 0) {
      result += part;
      continue;
    }
    const blankBefore = (lines[i - 1] ?? "").trim() === "";
    const blankAfter = (lines[i + 1] ?? "").trim() === "";
    result += blankBefore || blankAfter ? part : " ".repeat(part.length);
  }
  return result;
}

/** True when `previous` ends with an abbreviation and `next` reads as its continuation. */
function continuesAfterAbbreviation(previous: string, next: string): boolean {
  const lastWord = (previous.split(/\s+/).at(-1) ?? "").replace(/^[“‘"'([]+/u, "");
  if (!lastWord.endsWith(".")) return false;
  if (ALWAYS_ABBREVIATION.has(lastWord) || INITIAL.test(lastWord)) return true;
  if (!MAYBE_ABBREVIATION.has(lastWord) && !INITIALISM.test(lastWord)) return false;
  const firstWord = (next.split(/\s+/)[0] ?? "").replace(/[^\p{L}\p{N}]+$/u, "");
  if (/^\d/.test(firstWord)) return true;
  return !SENTENCE_OPENERS.has(firstWord);
}
