import { stripControl } from "@newind/core/text";
import type { LineState } from "./line-editor.js";
import { graphemeWidth, textWidth } from "./text-width.js";

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

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/**
 * Lays the input out behind `prompt`, breaking it into rows of `width` cells by grapheme
 * (a wide character that does not fit moves to the next row, as terminals do), and finds the
 * cursor's cell. Continuation rows are indented like the prompt.
 *
 * @example
 * layoutInput({ text: "abc", cursor: 1 }, "› ", 80).cursor // { x: 3, y: 0 }
 */
export function layoutInput(state: LineState, prompt: string, width: number): InputLayout {
  const indent = textWidth(prompt);
  const columns = Math.max(indent + 2, width);
  const rows: { text: string; cursorIndex: number | undefined }[] = [];
  let current = "";
  let used = indent;
  let cursor = { x: indent, y: 0 };
  let cursorIndex: number | undefined;
  let offset = 0;
  const pieces = [...graphemes.segment(state.text)];
  for (const { segment } of pieces) {
    const cells = graphemeWidth(segment);
    if (used + cells > columns) {
      rows.push({ text: current, cursorIndex });
      current = "";
      cursorIndex = undefined;
      used = indent;
    }
    if (offset === state.cursor) {
      cursor = { x: used, y: rows.length };
      cursorIndex = current.length;
    }
    current += segment;
    used += cells;
    offset += segment.length;
  }
  if (state.cursor >= state.text.length) {
    if (used >= columns) {
      rows.push({ text: current, cursorIndex });
      current = "";
      cursorIndex = undefined;
      used = indent;
    }
    cursor = { x: used, y: rows.length };
    cursorIndex = current.length;
  }
  rows.push({ text: current, cursorIndex });
  return {
    rows: rows.map(({ text, cursorIndex: index }) => {
      const safe = (value: string) => stripControl(value);
      if (index === undefined) return { before: safe(text), at: undefined, after: "" };
      const rest = text.slice(index);
      const first = [...graphemes.segment(rest)][0]?.segment ?? "";
      return { before: safe(text.slice(0, index)), at: safe(first), after: safe(rest.slice(first.length)) };
    }),
    cursor,
  };
}
