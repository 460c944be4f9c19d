import { stripControl } from "@newind/core/text";
import { graphemesOf } from "./text-width.js";

/** The input line: its text and the cursor, a UTF-16 index that always sits on a grapheme boundary. */
export interface LineState {
  readonly text: string;
  readonly cursor: number;
}

/** An empty line. */
export const EMPTY_LINE: LineState = { text: "", cursor: 0 };

function previousBoundary(text: string, cursor: number): number {
  let previous = 0;
  for (const { index } of graphemesOf(text.slice(0, cursor))) previous = index;
  return previous;
}

// The cursor is always on a grapheme boundary, so the text after it segments on its own.
function nextBoundary(text: string, cursor: number): number {
  const window = text.slice(cursor, cursor + 256);
  for (const { segment } of graphemesOf(window)) {
    // A grapheme filling the whole window may go on past it (combining marks by the hundred).
    if (segment.length === window.length && cursor + window.length < text.length) break;
    return cursor + segment.length;
  }
  for (const { segment } of graphemesOf(text.slice(cursor))) return cursor + segment.length;
  return text.length;
}

/**
 * Inserts typed or pasted text at the cursor. Control characters are dropped and line
 * breaks become spaces, so the line only ever holds printable text.
 */
export function insertText(state: LineState, typed: string): LineState {
  const clean = stripControl(typed.replace(/\r\n|\r|\n/g, " ").replace(/\t/g, " "));
  if (clean === "") return state;
  return {
    text: state.text.slice(0, state.cursor) + clean + state.text.slice(state.cursor),
    cursor: state.cursor + clean.length,
  };
}

/** One grapheme left (a CJK character or an emoji is one step). */
export function moveLeft(state: LineState): LineState {
  return { ...state, cursor: previousBoundary(state.text, state.cursor) };
}

/** One grapheme right. */
export function moveRight(state: LineState): LineState {
  return { ...state, cursor: nextBoundary(state.text, state.cursor) };
}

/** To the start (Home, Ctrl+A). */
export function moveHome(state: LineState): LineState {
  return { ...state, cursor: 0 };
}

/** To the end (End, Ctrl+E). */
export function moveEnd(state: LineState): LineState {
  return { ...state, cursor: state.text.length };
}

function wordStartBefore(text: string, cursor: number): number {
  let at = cursor;
  while (at > 0 && /\s/.test(text[at - 1] as string)) at--;
  while (at > 0 && !/\s/.test(text[at - 1] as string)) at--;
  return at;
}

function wordEndAfter(text: string, cursor: number): number {
  let at = cursor;
  while (at < text.length && /\s/.test(text[at] as string)) at++;
  while (at < text.length && !/\s/.test(text[at] as string)) at++;
  return at;
}

/** To the start of the previous word (Ctrl+←, Alt+B). */
export function moveWordLeft(state: LineState): LineState {
  return { ...state, cursor: wordStartBefore(state.text, state.cursor) };
}

/** To the end of the next word (Ctrl+→, Alt+F). */
export function moveWordRight(state: LineState): LineState {
  return { ...state, cursor: wordEndAfter(state.text, state.cursor) };
}

/** Deletes the grapheme before the cursor (Backspace). */
export function deleteBackward(state: LineState): LineState {
  if (state.cursor === 0) return state;
  const from = previousBoundary(state.text, state.cursor);
  return { text: state.text.slice(0, from) + state.text.slice(state.cursor), cursor: from };
}

/** Deletes the grapheme under the cursor (Delete). */
export function deleteForward(state: LineState): LineState {
  if (state.cursor >= state.text.length) return state;
  const to = nextBoundary(state.text, state.cursor);
  return { text: state.text.slice(0, state.cursor) + state.text.slice(to), cursor: state.cursor };
}

/** Deletes from the start of the line to the cursor (Ctrl+U). */
export function deleteToStart(state: LineState): LineState {
  return { text: state.text.slice(state.cursor), cursor: 0 };
}

/** Deletes from the cursor to the end of the line (Ctrl+K). */
export function deleteToEnd(state: LineState): LineState {
  return { text: state.text.slice(0, state.cursor), cursor: state.cursor };
}

/** Deletes the word before the cursor, and the spaces after it (Ctrl+W, Alt+Backspace). */
export function deleteWordBackward(state: LineState): LineState {
  const from = wordStartBefore(state.text, state.cursor);
  return { text: state.text.slice(0, from) + state.text.slice(state.cursor), cursor: from };
}

/** A line holding `text` with the cursor at its end. */
export function lineOf(text: string): LineState {
  return { text, cursor: text.length };
}
