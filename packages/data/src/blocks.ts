import { isChromeLine } from "./chrome.js";

/** What a block of raw text looks like, before the parser decides what it is. */
export type BlockType = "text" | "item" | "heading" | "quote" | "row";

/**
 * A block of raw text: a paragraph (a run of non-blank lines), one list item (with its
 * continuation lines), a Markdown heading, or a Markdown `>` quote. `start`/`end` cover
 * the content only — no indentation, list marker, `#` or `>` prefix, no trailing space.
 * A row of a Markdown pipe table is a block of its own, its span inside the outer pipes.
 */
export interface Block {
  type: BlockType;
  start: number;
  end: number;
  /** For numbered list items, the item's own number ("  2. …" → 2). */
  number?: number;
  /** For list items: true when bulleted ("  • …"), false when numbered. */
  bulleted?: boolean;
  /** For Markdown headings: the number of `#`s (1–6). */
  level?: number;
  /** For table rows: true for a header row (the row right above the `|---|` delimiter). */
  header?: boolean;
}

/** Options of {@link splitBlocks}. */
export interface SplitBlocksOptions {
  /** Drop page-chrome lines (see `isChromeLine`). Default true. */
  dropChrome?: boolean;
  /** More whole lines to drop as chrome. */
  chromeLines?: readonly string[];
}

const NUMBERED_ITEM = /^([ \t]*)(\d{1,3})[.)][ \t]+(?=\S)/;
const BULLETED_ITEM = /^([ \t]*)[•◦▪‣·*+–-][ \t]+(?=\S)/;
const HEADING = /^[ \t]{0,3}(#{1,6})[ \t]+(?=\S)/;
const QUOTE = /^[ \t]{0,3}>[ \t]?/;
// A Markdown pipe-table row ("| a | b |") and the delimiter row under its header ("|---|:--:|").
const TABLE_ROW = /^[ \t]{0,3}\|(.*)\|[ \t]*$/;
const TABLE_DELIMITER = /^[ \t]{0,3}\|?(?:[ \t]*:?-+:?[ \t]*\|)+(?:[ \t]*:?-+:?[ \t]*)?$/;

interface Line {
  start: number;
  end: number;
  text: string;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const breaks = /\r\n|\r|\n/g;
  let start = 0;
  for (const match of text.matchAll(breaks)) {
    lines.push({ start, end: match.index, text: text.slice(start, match.index) });
    start = match.index + match[0].length;
  }
  lines.push({ start, end: text.length, text: text.slice(start) });
  return lines;
}

function trimmedEnd(text: string, start: number, end: number): number {
  let cursor = end;
  while (cursor > start && /\s/u.test(text[cursor - 1] ?? "")) cursor--;
  return cursor;
}

function firstNonSpace(text: string, start: number, end: number): number {
  let cursor = start;
  while (cursor < end && /\s/u.test(text[cursor] ?? "")) cursor++;
  return cursor;
}

/**
 * Splits raw text into blocks with exact offsets, dropping page chrome. A blank line
 * or a chrome line ends a block; a list-item line starts a new block, and the lines
 * right after it (no blank line between) continue it.
 *
 * @example
 * splitBlocks("Lead-in:\n\n  1. One\n  2. Two\n").map((block) => block.type);
 * // → ["text", "item", "item"]
 */
export function splitBlocks(text: string, options: SplitBlocksOptions = {}): Block[] {
  const dropChrome = options.dropChrome ?? true;
  const blocks: Block[] = [];
  let open: Block | undefined;
  const close = () => {
    if (open && open.end > open.start) blocks.push(open);
    open = undefined;
  };
  for (const line of splitLines(text)) {
    const trimmed = line.text.trim();
    if (trimmed === "" || (dropChrome && isChromeLine(trimmed, options.chromeLines))) {
      close();
      continue;
    }
    if (TABLE_DELIMITER.test(line.text)) {
      // Not content: it marks the row above it as the table's header.
      close();
      const above = blocks.at(-1);
      if (above?.type === "row" && above.end <= line.start) above.header = true;
      continue;
    }
    const row = TABLE_ROW.exec(line.text);
    if (row) {
      close();
      // The cells, inside the outer pipes and their padding.
      const inner = line.start + line.text.indexOf("|") + 1;
      const start = firstNonSpace(text, inner, line.end);
      const end = trimmedEnd(text, start, line.start + line.text.lastIndexOf("|"));
      if (end > start) blocks.push({ type: "row", start, end });
      continue;
    }
    const numbered = NUMBERED_ITEM.exec(line.text);
    const bulleted = numbered ? null : BULLETED_ITEM.exec(line.text);
    const heading = HEADING.exec(line.text);
    const quote = QUOTE.exec(line.text);
    const contentEnd = trimmedEnd(text, line.start, line.end);
    if (numbered || bulleted) {
      close();
      const marker = (numbered ?? bulleted)?.[0] ?? "";
      open = { type: "item", start: line.start + marker.length, end: contentEnd, bulleted: !numbered };
      if (numbered) open.number = Number(numbered[2]);
    } else if (heading) {
      close();
      let end = contentEnd;
      // A closing run of #s ("## Title ##") is decoration, not content.
      const closing = /[ \t]+#+$/.exec(text.slice(line.start, end));
      if (closing) end = trimmedEnd(text, line.start, end - closing[0].length);
      const start = line.start + (heading[0]?.length ?? 0);
      // "# #" is a heading of nothing but its closing run: no block.
      if (end > start) blocks.push({ type: "heading", start, end, level: heading[1]?.length ?? 1 });
    } else if (quote && (!open || open.type === "quote")) {
      if (open) open.end = contentEnd;
      else
        open = {
          type: "quote",
          start: firstNonSpace(text, line.start + quote[0].length, line.end),
          end: contentEnd,
        };
    } else if (open) {
      open.end = contentEnd;
    } else {
      open = { type: "text", start: firstNonSpace(text, line.start, line.end), end: contentEnd };
    }
  }
  close();
  return blocks;
}
