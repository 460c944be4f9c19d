import type { SentenceSpan } from "./sentences.js";

// Where a Chinese sentence ends: the full stop, exclamation and question marks and the
// semicolon, full-width or ASCII ("奋斗!" occurs in official texts too). Not the
// full-width period "．", which is a decimal point in full-width numbers ("９６．９８％").
const TERMINATOR = /[。！？；!?;]/u;
// What stays with the sentence after its terminator: closing quotes and brackets, and
// more terminators ("……吗？！”").
const CLOSER = /[。！？；!?;”’"'」』）)》〉】〗]/u;
// Whitespace and invisible format characters (zero-width space, zero-width joiner, …):
// never the first or last character of a sentence.
const EDGE = /[\s\p{Cf}]/u;
// A blank line: always the end of a sentence, even without a terminator.
const BLANK_LINE = /\r?\n[ \t\u3000\p{Cf}]*\r?\n/uy;

/**
 * Splits Chinese text into sentences with exact UTF-16 offsets: after 。！？； (and their
 * ASCII forms), keeping any closing quotes and brackets that follow with the sentence,
 * and at blank lines. Line breaks inside a sentence (a document saved from a web page
 * puts each link on a line of its own) do not end it. Leading and trailing whitespace,
 * including the ideographic space "　" of indented paragraphs, is left out of every
 * span. Never throws.
 *
 * @param text the text to split.
 * @param offset added to every offset, when `text` is a slice of a document starting there.
 * @returns sentences in order, non-overlapping, each `text === input.slice(start - offset, end - offset)`.
 * @example
 * segmentChineseSentences("他说：“要走新型工业化道路。”我们同意；这很重要！", 100).map((s) => s.text);
 * // → ["他说：“要走新型工业化道路。”", "我们同意；", "这很重要！"]
 */
export function segmentChineseSentences(text: string, offset = 0): SentenceSpan[] {
  const sentences: SentenceSpan[] = [];
  const push = (from: number, to: number) => {
    let start = from;
    let end = to;
    while (start < end && EDGE.test(text[start] ?? "")) start++;
    while (end > start && EDGE.test(text[end - 1] ?? "")) end--;
    if (end > start)
      sentences.push({ start: start + offset, end: end + offset, text: text.slice(start, end) });
  };
  let start = 0;
  let i = 0;
  while (i < text.length) {
    const char = text[i] ?? "";
    if (TERMINATOR.test(char)) {
      let end = i + 1;
      while (end < text.length && CLOSER.test(text[end] ?? "")) end++;
      push(start, end);
      start = end;
      i = end;
      continue;
    }
    if (char === "\n" || char === "\r") {
      BLANK_LINE.lastIndex = i;
      const blank = BLANK_LINE.exec(text);
      if (blank) {
        push(start, i);
        start = i + blank[0].length;
        i = start;
        continue;
      }
    }
    i++;
  }
  push(start, text.length);
  return sentences;
}
