import { stripControl } from "@newind/core/text";
import type { LineState } from "./line-editor.js";
import { graphemesOf, graphemeWidth, textWidth } from "./text-width.js";

/** A row of the input box: text before, at and after the cursor (only the cursor's row has `at`). */
export interface InputRow {
  readonly before: string;
  /** The grapheme under the cursor ("" at the end of the line); undefined on other rows. */
  readonly at: string | undefined;
  readonly after: string;
}

/** Where the input line's text and cursor land on screen. */
export interface InputLayout {
  readonly rows: readonly InputRow[];
  /** Cursor cell, relative to the first row. */
  readonly cursor: { readonly x: number; readonly y: number };
}

interface Grapheme {
  readonly index: number;
  readonly text: string;
  readonly width: number;
  readonly space: boolean;
}

/**
 * Lays the input out behind `prompt` in rows of `width` cells, the way a person reads a
 * paragraph: rows break between words (the spaces there stay at the end of the row, not
 * drawn when they do not fit), a word that does not fit moves to the next row, and only a
 * word longer than a row is broken (between graphemes; a wide character that does not fit
 * moves on, as terminals do). Continuation rows are indented like the prompt. Linear in
 * the length of the text, so a pasted book is laid out as fast as a line.
 *
 * @example
 * layoutInput({ text: "abc", cursor: 1 }, "› ", 80).cursor // { x: 3, y: 0 }
 */
export function layoutInput(state: LineState, prompt: string, width: number): InputLayout {
  const indent = textWidth(prompt);
  const columns = Math.max(indent + 2, width);
  const room = columns - indent;
  const graphemes: Grapheme[] = [];
  for (const { index, segment } of graphemesOf(state.text)) {
    graphemes.push({ index, text: segment, width: graphemeWidth(segment), space: /^\s+$/u.test(segment) });
  }
  // The width of the word each grapheme starts (0 inside a word and for spaces).
  const wordWidths = new Array<number>(graphemes.length).fill(0);
  for (let i = graphemes.length - 1, run = 0; i >= 0; i--) {
    const grapheme = graphemes[i] as Grapheme;
    run = grapheme.space ? 0 : run + grapheme.width;
    const previous = graphemes[i - 1];
    if (!grapheme.space && (previous === undefined || previous.space)) wordWidths[i] = run;
  }

  // Rows as [first grapheme, end grapheme); a new row starts where a word or grapheme does
  // not fit. Spaces that do not fit hang past the end of their row, undrawn, so no row starts
  // with a space: `visibleEnds` is where each row's drawn text ends.
  const starts: number[] = [0];
  const visibleEnds: number[] = [];
  let used = 0;
  graphemes.forEach((grapheme, i) => {
    if (grapheme.space && used + grapheme.width > room && used > 0) {
      if (visibleEnds.length < starts.length) visibleEnds.push(i);
      used = room;
      return;
    }
    const word = wordWidths[i] ?? 0;
    if ((word > 0 && used > 0 && used + word > room) || (used > 0 && used + grapheme.width > room)) {
      if (visibleEnds.length < starts.length) visibleEnds.push(i);
      starts.push(i);
      used = 0;
    }
    used += grapheme.width;
  });
  if (visibleEnds.length < starts.length) visibleEnds.push(graphemes.length);

  // The cursor: on the row holding the grapheme it stands before (at the end of that row's
  // drawn text when it stands on a hanging space); at the very end, after the last grapheme —
  // on a new row when the last row is full.
  const cursorGrapheme = graphemes.findIndex((grapheme) => grapheme.index >= state.cursor);
  const at = cursorGrapheme >= 0 ? cursorGrapheme : graphemes.length;
  let cursorRow = rowOf(starts, Math.min(at, Math.max(0, graphemes.length - 1)));
  if (graphemes.length === 0) cursorRow = 0;
  const rowStart = starts[cursorRow] as number;
  const rowEnd = visibleEnds[cursorRow] as number;
  const hanging = at >= rowEnd && at < graphemes.length && rowEnd > rowStart;
  let cursorX = indent + widthOf(graphemes, rowStart, hanging ? rowEnd - 1 : Math.min(at, rowEnd));
  if (cursorGrapheme < 0 && graphemes.length > 0 && used >= room) {
    starts.push(graphemes.length);
    visibleEnds.push(graphemes.length);
    cursorRow = starts.length - 1;
    cursorX = indent;
  }

  const textOf = (from: number, to: number) => {
    const start = graphemes[from]?.index ?? state.text.length;
    const end = graphemes[to]?.index ?? state.text.length;
    return stripControl(state.text.slice(start, end));
  };
  const rows = starts.map((start, row): InputRow => {
    const visibleEnd = visibleEnds[row] as number;
    if (row !== cursorRow) return { before: textOf(start, visibleEnd), at: undefined, after: "" };
    if (at >= visibleEnd && at < graphemes.length && visibleEnd > start) {
      // On a space hanging past a full row: the cursor shows on the row's last cell.
      const last = graphemes[visibleEnd - 1] as Grapheme;
      return { before: textOf(start, visibleEnd - 1), at: stripControl(last.text), after: "" };
    }
    if (at >= visibleEnd) return { before: textOf(start, visibleEnd), at: "", after: "" };
    const under = graphemes[at] as Grapheme;
    return { before: textOf(start, at), at: stripControl(under.text), after: textOf(at + 1, visibleEnd) };
  });
  return { rows, cursor: { x: cursorX, y: cursorRow } };
}

/** The row (index into `starts`) that grapheme `index` is on. */
function rowOf(starts: readonly number[], index: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if ((starts[middle] as number) <= index) low = middle;
    else high = middle - 1;
  }
  return low;
}

function widthOf(graphemes: readonly Grapheme[], from: number, to: number): number {
  let width = 0;
  for (let i = from; i < to; i++) width += (graphemes[i] as Grapheme).width;
  return width;
}
