import type { Span } from "./schemas.js";

/**
 * A footnote marker found in text: its number and the span of its own characters
 * (the digits, plus the one space before them when there is one, as in "trap. 1").
 */
export interface FootnoteMarker {
  /** The footnote number. */
  n: number;
  /** Offset of the marker's first character (the space, or the first digit). */
  start: number;
  /** Offset just after the marker's last digit. */
  end: number;
}

/** Options of {@link findFootnoteMarkers}. */
export interface FindFootnoteMarkersOptions {
  /** Added to every reported offset, for text that is a slice of a larger document. Default 0. */
  offset?: number;
  /**
   * The number the next marker must carry. When given, markers are read as a numbered
   * sequence: a candidate is accepted only when it is `next` (or, unless it looks like a
   * decimal, up to two past it, so one missed marker does not lose the rest), and the
   * number after it is expected next.
   * This is what tells "goals for 2035.7" (year 2035, footnote 7) from a decimal 2035.7.
   * When omitted, every candidate that does not look like a decimal number is accepted.
   */
  next?: number;
}

// A sentence terminator (or the colon that introduces a list), any closing quotes or
// brackets, an optional single space, then 1–3 digits ending at a word boundary.
const CANDIDATE = /([.!?:])([”"’)\]]*)( ?)([1-9]\d{0,2})(?!\d)/g;
const DIGIT = /\d/;
const END_OF_LINE = /^[ \t]*(?:\r?\n|$)/;
const SENTENCE_START = /^\s+[\p{Lu}\p{Lt}“‘"'([]/u;

/**
 * Finds footnote markers glued to sentence ends: "middle-income trap. 1",
 * "competitiveness.3", "squeeze.”3", "goals for 2035.7 In March…", "the following:12".
 *
 * A candidate must follow sentence-final punctuation (or a colon at the end of a line)
 * and be followed by the end of the line or by whitespace and the start of a new
 * sentence, so "3.5 percent", "10:30 am" and list numbers are never markers.
 *
 * @returns the markers in text order, with offsets shifted by `options.offset`.
 * @example
 * findFootnoteMarkers("goals for 2035.7 In March", { next: 7 });
 * // → [{ n: 7, start: 15, end: 16 }]
 */
export function findFootnoteMarkers(
  text: string,
  options: FindFootnoteMarkersOptions = {},
): FootnoteMarker[] {
  const offset = options.offset ?? 0;
  let next = options.next;
  const markers: FootnoteMarker[] = [];
  for (const match of text.matchAll(CANDIDATE)) {
    const [whole, punctuation = "", closers = "", space = "", digits = ""] = match;
    const index = match.index;
    const before = text[index - 1];
    // A marker needs a word before it: ". 1" at the very start of a text is a list number.
    if (before === undefined || /\s/u.test(before)) continue;
    const start = index + punctuation.length + closers.length;
    const end = index + whole.length;
    const rest = text.slice(end);
    const endsLine = END_OF_LINE.test(rest);
    if (!endsLine && !SENTENCE_START.test(rest)) continue;
    // "the following:12" ends a line; a colon inside a line ("ratio 3:2 In") is not a marker.
    if (punctuation === ":" && (!endsLine || DIGIT.test(before))) continue;
    const n = Number(digits);
    const looksDecimal = punctuation === "." && closers === "" && space === "" && DIGIT.test(before);
    if (next !== undefined) {
      // One unrecognised marker must not lose every later one: an unambiguous candidate
      // may skip ahead by up to two numbers; a decimal look-alike must be exactly next.
      const skipsAhead = !looksDecimal && n > next && n <= next + 2;
      if (n !== next && !skipsAhead) continue;
      next = n + 1;
    } else if (looksDecimal && endsLine) {
      // Without a sequence to go by, "2035.7" reads as a decimal unless a sentence follows it.
      continue;
    }
    markers.push({ n, start: start + offset, end: end + offset });
  }
  return markers;
}

/**
 * Returns `text` with the given spans cut out. Spans are absolute offsets; `offset` is
 * where `text` starts in the same coordinates. Spans outside `text` are ignored.
 *
 * @example
 * removeSpans("for 2035.7 In", [{ start: 9, end: 10 }]); // → "for 2035. In"
 */
export function removeSpans(text: string, spans: readonly Span[], offset = 0): string {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let result = "";
  let cursor = 0;
  for (const span of sorted) {
    const start = Math.max(cursor, span.start - offset);
    const end = Math.min(text.length, span.end - offset);
    if (end <= start) continue;
    result += text.slice(cursor, start);
    cursor = end;
  }
  return result + text.slice(cursor);
}
