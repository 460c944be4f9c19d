import { segmentText } from "@newind/core/text";
import stringWidth from "string-width";

// Blocks that are East Asian Wide or Fullwidth throughout: two cells. Anything not listed
// here or below U+2E80 goes to string-width.
const WIDE: readonly (readonly [number, number])[] = [
  [0x3000, 0x303e],
  [0x3041, 0x3096],
  [0x30a1, 0x30fa],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xff01, 0xff60],
  [0xffe0, 0xffe6],
  [0x20000, 0x2fffd],
  [0x30000, 0x3fffd],
];

function isWide(code: number): boolean {
  for (const [from, to] of WIDE) if (code >= from && code <= to) return true;
  return false;
}

// Characters whose width needs string-width's full rules: zero-width and combining marks,
// and the blocks where emoji (two cells) live.
const NEEDS_FULL_RULES = /[\p{Mn}\p{Me}\p{Cf}\p{Cc}\p{Cn}\p{Default_Ignorable_Code_Point}]/u;

/**
 * Terminal cells of one grapheme. Printable ASCII, CJK and common punctuation are looked up
 * directly; emoji, combining sequences and the rest go to `string-width`, whose emoji rules
 * compile a large regular expression on first use (tens of milliseconds at start-up).
 *
 * @example
 * graphemeWidth("新") // 2
 */
export function graphemeWidth(grapheme: string): number {
  const code = grapheme.codePointAt(0) ?? 0;
  const single = grapheme.length === 1 || (code > 0xffff && grapheme.length === 2);
  if (single) {
    if (code >= 0x20 && code < 0x7f) return 1;
    if (NEEDS_FULL_RULES.test(grapheme)) return stringWidth(grapheme);
    if (isWide(code)) return 2;
    // Below U+3000, outside the blocks where emoji live, everything else is one cell.
    const emojiBlock = code >= 0x2300 && code <= 0x2bff && !(code >= 0x2500 && code <= 0x25fc);
    if (code < 0x2e80 && !(code >= 0x1100 && code <= 0x11ff) && !emojiBlock) return 1;
  }
  return stringWidth(grapheme);
}

const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });

const isPrintableAscii = (code: number) => code >= 0x20 && code < 0x7f;

/**
 * The graphemes of `text` (what a person sees as one character) with their offsets, in
 * time linear in the text's length. Printable ASCII next to printable ASCII is a grapheme
 * of its own; anything else goes to `Intl.Segmenter`, a window at a time (Node 20's copies
 * its whole input for every grapheme: a 200 KB paste took minutes and gigabytes).
 *
 * @example
 * [...graphemesOf("ae\u0301")].map((g) => g.segment) // ["a", "é"]
 */
export function* graphemesOf(text: string): Generator<{ index: number; segment: string }> {
  const length = text.length;
  let at = 0;
  while (at < length) {
    const code = text.charCodeAt(at);
    if (isPrintableAscii(code) && (at + 1 === length || isPrintableAscii(text.charCodeAt(at + 1)))) {
      yield { index: at, segment: text[at] as string };
      at++;
      continue;
    }
    // Up to the next pair of printable ASCII characters: a grapheme boundary lies between them.
    let end = at + 1;
    while (
      end < length &&
      !(isPrintableAscii(text.charCodeAt(end - 1)) && isPrintableAscii(text.charCodeAt(end)))
    ) {
      end++;
    }
    for (const { index, segment } of segmentText(segmenter, text.slice(at, end))) {
      yield { index: at + index, segment };
    }
    at = end;
  }
}

/** Terminal cells of a string without escape sequences (CJK and emoji count 2). */
export function textWidth(text: string): number {
  // Printable ASCII, the common case, is one cell a character.
  if (/^[\x20-\x7e]*$/.test(text)) return text.length;
  let width = 0;
  for (const { segment } of graphemesOf(text)) width += graphemeWidth(segment);
  return width;
}
