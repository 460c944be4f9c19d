import { type Segment, segment, type Tone } from "./styled-text.js";

// Words too common to be worth highlighting in a quote.
const STOP_WORDS = new Set(
  (
    "a an and are as at be been but by can did do does for from had has have how i if in into is it its " +
    "many much of on or our she so than that the their them then there these they this those to was we " +
    "were what when where which who whom why will with would you your about also any more most not only"
  ).split(" "),
);

// A light suffix-stripper: enough for "batteries" to find "battery" and "proposed" to find
// "propose"; real ranking is @newind/search's job, this only decides what to colour.
function stem(word: string): string {
  let w = word.toLowerCase().normalize("NFKC");
  if (w.length > 4 && w.endsWith("ies")) w = `${w.slice(0, -3)}y`;
  else if (w.length > 5 && w.endsWith("ing")) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith("ed")) w = w.slice(0, -2);
  else if (w.length > 4 && w.endsWith("es")) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith("s") && !w.endsWith("ss")) w = w.slice(0, -1);
  if (w.length > 4 && w.endsWith("e")) w = w.slice(0, -1);
  return w;
}

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

/** The words of `question` worth highlighting in quotes (stop words and one-letter words left out). */
export function termsOf(question: string): string[] {
  const terms = new Set<string>();
  for (const match of question.matchAll(WORD)) {
    const word = match[0];
    if (word.length < 2 || STOP_WORDS.has(word.toLowerCase())) continue;
    terms.add(word);
  }
  return [...terms];
}

/**
 * Splits `text` into segments, giving `tone` to every word that matches one of `terms`
 * (case-insensitively, by stem) and to every occurrence of a term written in Chinese.
 *
 * @example
 * highlightTerms("BYD began to make batteries", ["battery"]) // "batteries" gets the highlight tone
 */
export function highlightTerms(text: string, terms: readonly string[], tone: Tone = "highlight"): Segment[] {
  return toSegments(text, termRanges(text, terms), tone);
}

/** The `[start, end)` ranges of `text` that match `terms` (see {@link highlightTerms}). */
export function termRanges(text: string, terms: readonly string[]): [number, number][] {
  if (terms.length === 0) return [];
  const stems = new Set<string>();
  const phrases: string[] = [];
  for (const term of terms) {
    for (const match of term.matchAll(WORD)) {
      if (/\p{Script=Han}/u.test(match[0])) phrases.push(match[0]);
      else stems.add(stem(match[0]));
    }
  }
  const ranges: [number, number][] = [];
  for (const match of text.matchAll(WORD)) {
    const start = match.index ?? 0;
    if (stems.has(stem(match[0]))) ranges.push([start, start + match[0].length]);
  }
  for (const phrase of phrases) {
    let at = text.indexOf(phrase);
    while (at >= 0) {
      ranges.push([at, at + phrase.length]);
      at = text.indexOf(phrase, at + phrase.length);
    }
  }
  return ranges;
}

/** Ranges that share a tone; earlier layers win where layers overlap. */
export interface ToneLayer {
  readonly tone: Tone;
  readonly ranges: readonly (readonly [number, number])[];
}

/**
 * Splits `text` into segments toned by several layers of ranges (e.g. the cited span over
 * highlighted terms over footnote markers); the first layer that covers a character wins.
 */
export function layerSegments(text: string, layers: readonly ToneLayer[]): Segment[] {
  const points = new Set<number>([0, text.length]);
  for (const layer of layers) {
    for (const [start, end] of layer.ranges) {
      points.add(Math.max(0, Math.min(text.length, start)));
      points.add(Math.max(0, Math.min(text.length, end)));
    }
  }
  const sorted = [...points].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i < sorted.length - 1; i++) {
    const from = sorted[i] as number;
    const to = sorted[i + 1] as number;
    if (to <= from) continue;
    const layer = layers.find((each) => each.ranges.some(([start, end]) => start <= from && to <= end));
    out.push(segment(text.slice(from, to), layer?.tone));
  }
  return out;
}

/** Splits `text` into segments, giving `tone` to the `[start, end)` ranges (which may overlap). */
export function toSegments(
  text: string,
  ranges: readonly (readonly [number, number])[],
  tone: Tone,
): Segment[] {
  const sorted = [...ranges].filter(([start, end]) => end > start).sort((a, b) => a[0] - b[0]);
  const out: Segment[] = [];
  let at = 0;
  for (const [start, end] of sorted) {
    const from = Math.max(start, at);
    if (end <= from) continue;
    if (from > at) out.push(segment(text.slice(at, from)));
    out.push(segment(text.slice(from, end), tone));
    at = end;
  }
  if (at < text.length) out.push(segment(text.slice(at)));
  return out;
}

/** Splits answer text so every `[n]` citation marker gets the marker tone. */
export function markCitations(text: string): Segment[] {
  const ranges: [number, number][] = [];
  for (const match of text.matchAll(/\[\d+(?:[,–-]\s?\d+)*\]/g)) {
    const start = match.index ?? 0;
    ranges.push([start, start + match[0].length]);
  }
  return toSegments(text, ranges, "marker");
}
