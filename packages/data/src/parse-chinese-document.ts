import {
  type Passage,
  type PassageKind,
  type Sentence,
  type SourceDocument,
  segmentChineseSentences,
} from "@newind/core/text";
import { type ParsedDocument, passageId, sentenceId } from "./parse-document.js";

export { CHINESE_PARSER_VERSION } from "./parser-version.js";

/** Options of {@link parseChineseDocument}. */
export interface ParseChineseDocumentOptions {
  /** Drop the title block before the salutation and a Wikisource licence footer. Default true. */
  dropChrome?: boolean;
}

/** A run of non-blank lines: `start`/`end` cover its first to last visible character. */
interface ChineseBlock {
  start: number;
  end: number;
  /** The raw slice. */
  text: string;
}

// Whitespace (the ideographic space "　" of indented paragraphs included) and invisible
// format characters (zero-width space, zero-width joiner): a line of only these is blank.
const INVISIBLE = /[\s\p{Cf}]/u;
const INVISIBLE_ALL = /[\s\p{Cf}]+/gu;
const SENTENCE_END = /[。！？；!?;]/u;
/** "同志们：", "各位代表！": the salutation that opens a speech, after any title block. */
const SALUTATION = /^\p{Script=Han}{2,6}[：:！!]$/u;
/** "一、", "（一）", "第一部分": an enumerated section heading. */
const ENUMERATED_HEADING =
  /^(?:[一二三四五六七八九十百]+[、．.]|[（(][一二三四五六七八九十]+[）)]|第[一二三四五六七八九十百]+[部分章节篇])/u;
// A title block is a few short lines; a salutation further down is part of the speech.
const TITLE_BLOCK_MAX_BLOCKS = 8;
const TITLE_LINE_MAX = 80;
const HEADING_MAX = 40;
// Wikisource's licence template: its text opens with "本作品", and the page ends with the
// template's machine-readable "Public domain" lines (or a "公有领域" link line).
const LICENCE_OPENINGS = ["本作品"];
const LICENCE_MARKER = /^[ \t]*(?:Public domain|公有领域)[ \t]*$/m;
// A line break between two characters of Chinese text (Han, CJK punctuation, full-width
// forms) is an artefact of the page (each link on a line of its own): it joins nothing.
const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef\u2010-\u2027]/u;

/**
 * Parses a Chinese document — a speech or report saved as text from a web page, such as
 * the primary collection's government work reports and party congress reports — into
 * passages and sentences, every span an exact range of `document.text`.
 *
 * - Paragraphs are runs of non-blank lines (a line of spaces, "　" or zero-width
 *   characters is blank). A single line break inside one is an artefact of the page (a
 *   link on a line of its own) and joins the lines.
 * - Headings — a short line that begins "一、", "（一）", "第一部分", or a short line with no
 *   sentence punctuation — are `heading` passages numbered like the paragraph before them;
 *   other blocks are paragraphs ¶1, ¶2, ….
 * - Chrome is dropped: a title block (short lines before a salutation such as "同志们：" or
 *   "各位代表！" near the top — title, subtitle, date, speaker) and a Wikisource licence
 *   footer (from a block opening "本作品" to the end, when the page ends with the licence
 *   template's "Public domain" lines).
 * - Sentences end after 。！？； (and their ASCII forms) with any closing quotes after them
 *   (see `segmentChineseSentences` of `@newind/core`).
 *
 * Passage `text` is the raw slice without invisible characters and with the page's line
 * breaks joined (to nothing between Chinese characters, to a space elsewhere); sentence
 * `text` is exactly the raw slice. Ids as {@link parseDocument}'s: `${docId}:p${index}`,
 * `${passageId}.s${k}`. No footnotes are detected.
 *
 * @example
 * const { passages } = parseChineseDocument({ ...document, text: "同志们：\n\n一、总结\n\n我们取得了成就。" });
 * passages.map((passage) => [passage.kind, passage.text]);
 * // → [["paragraph", "同志们："], ["heading", "一、总结"], ["paragraph", "我们取得了成就。"]]
 */
export function parseChineseDocument(
  document: SourceDocument,
  options: ParseChineseDocumentOptions = {},
): ParsedDocument {
  const raw = document.text;
  let blocks = splitChineseBlocks(raw);
  if (options.dropChrome ?? true) {
    blocks = blocks.slice(titleBlockLength(blocks), footerStart(raw, blocks));
  }
  const passages: Passage[] = [];
  const sentences: Sentence[] = [];
  let paragraph = 0;
  blocks.forEach((block, index) => {
    const kind: PassageKind = isHeading(block.text) ? "heading" : "paragraph";
    if (kind === "paragraph") paragraph++;
    const id = passageId(document.id, index);
    passages.push({
      id,
      docId: document.id,
      kind,
      role: "body",
      paragraph,
      span: { start: block.start, end: block.end },
      text: cleanChineseText(block.text),
      footnotes: [],
    });
    segmentChineseSentences(block.text, block.start).forEach((sentence, k) => {
      sentences.push({
        id: sentenceId(id, k),
        docId: document.id,
        passageId: id,
        paragraph,
        span: { start: sentence.start, end: sentence.end },
        text: sentence.text,
      });
    });
  });
  return { passages, sentences, footnotes: [] };
}

/**
 * The text of a Chinese passage as a reader sees it: invisible format characters removed,
 * and each line break (with the spaces around it) removed between Chinese characters or
 * made one space elsewhere.
 *
 * @example
 * cleanChineseText("通过了\n中华人民共和国宪法\n，接着"); // → "通过了中华人民共和国宪法，接着"
 */
export function cleanChineseText(text: string): string {
  return text
    .replace(/\p{Cf}/gu, "")
    .replace(/[ \t\u3000]*(?:\r\n|\r|\n)[ \t\u3000]*/g, (_breaks, at: number, whole: string) => {
      const before = whole[at - 1] ?? "";
      const after = whole[at + _breaks.length] ?? "";
      return CJK.test(before) || CJK.test(after) ? "" : " ";
    });
}

/** Runs of non-blank lines, with exact offsets of their first and last visible characters. */
function splitChineseBlocks(text: string): ChineseBlock[] {
  const blocks: ChineseBlock[] = [];
  let open: { start: number; end: number } | undefined;
  const close = () => {
    if (open) blocks.push({ ...open, text: text.slice(open.start, open.end) });
    open = undefined;
  };
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf("\n", lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    let first = lineStart;
    while (first < lineEnd && INVISIBLE.test(text[first] ?? "")) first++;
    if (first === lineEnd) {
      close();
    } else {
      let last = lineEnd;
      while (last > first && INVISIBLE.test(text[last - 1] ?? "")) last--;
      if (open) open.end = last;
      else open = { start: first, end: last };
    }
    lineStart = lineEnd + 1;
  }
  close();
  return blocks;
}

/** How many leading blocks are a title block: the short lines before a salutation near the top. */
function titleBlockLength(blocks: readonly ChineseBlock[]): number {
  const limit = Math.min(blocks.length, TITLE_BLOCK_MAX_BLOCKS);
  for (let index = 0; index < limit; index++) {
    const visible = (blocks[index]?.text ?? "").replace(INVISIBLE_ALL, "");
    if (SALUTATION.test(visible)) return index;
    if (visible.length > TITLE_LINE_MAX || SENTENCE_END.test(visible)) return 0;
  }
  return 0;
}

/** The index of the first block of a Wikisource licence footer, or `blocks.length` when there is none. */
function footerStart(text: string, blocks: readonly ChineseBlock[]): number {
  const index = blocks.findIndex(
    (block) =>
      LICENCE_OPENINGS.some((opening) => block.text.startsWith(opening)) &&
      LICENCE_MARKER.test(text.slice(block.start)),
  );
  return index < 0 ? blocks.length : index;
}

/** A heading: one short line, enumerated ("一、…", "（一）…") or without sentence punctuation. */
function isHeading(text: string): boolean {
  if (text.includes("\n")) return false;
  const visible = text.replace(INVISIBLE_ALL, "");
  if (visible.length === 0 || visible.length > HEADING_MAX) return false;
  if (/[。！？；!?;，,、：:]$/u.test(visible)) return false;
  return ENUMERATED_HEADING.test(visible) || !SENTENCE_END.test(visible);
}
