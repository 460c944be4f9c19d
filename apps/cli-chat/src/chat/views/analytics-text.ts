import { graphemeWidth, textWidth } from "../text-width.js";

// A line break inside a passage is an artefact of the page (a link on a line of its own):
// between Chinese characters it joins nothing; elsewhere it is a space.
const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;
const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/**
 * Document text as one line for a concordance: runs of whitespace become one space, or
 * nothing between two Chinese characters (or next to Chinese punctuation).
 *
 * @example
 * oneLine("通过了\n中华人民共和国宪法\n，接着"); // "通过了中华人民共和国宪法，接着"
 */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, (space, at: number, whole: string) => {
    const before = whole[at - 1] ?? "";
    const after = whole[at + space.length] ?? "";
    return CJK.test(before) || CJK.test(after) ? "" : " ";
  });
}

/** Keeps the end of `text` within `width` cells, starting with "…" when something was cut. */
export function truncateStart(text: string, width: number): string {
  if (textWidth(text) <= width) return text;
  if (width <= 0) return "";
  const parts = [...graphemes.segment(text)].map((part) => part.segment);
  let out = "";
  let used = 0;
  for (let index = parts.length - 1; index >= 0; index--) {
    const part = parts[index] as string;
    const cells = graphemeWidth(part);
    if (used + cells > width - 1) break;
    out = part + out;
    used += cells;
  }
  return `…${out}`;
}

/** A whole number with thousands separators ("156,280"). */
export function count(value: number): string {
  return value.toLocaleString("en-US");
}

/** "1 mention", "3 mentions". */
export function plural(value: number, noun: string, nouns = `${noun}s`): string {
  return `${count(value)} ${value === 1 ? noun : nouns}`;
}
