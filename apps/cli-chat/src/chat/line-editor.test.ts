import { describe, expect, it } from "vitest";
import {
  deleteBackward,
  deleteForward,
  deleteToStart,
  deleteWordBackward,
  insertText,
  lineOf,
  moveHome,
  moveLeft,
  moveRight,
} from "./line-editor.js";

describe("line editor", () => {
  it("inserts at the cursor", () => {
    expect(insertText({ text: "ac", cursor: 1 }, "b")).toEqual({ text: "abc", cursor: 2 });
  });
  it("folds pasted line breaks to spaces and drops control characters", () => {
    expect(insertText(lineOf(""), "a\r\nb\u001b[31m\u0007c")).toEqual({ text: "a bc", cursor: 4 });
  });
  it("moves and deletes whole graphemes (CJK, emoji with modifiers)", () => {
    const state = lineOf("工👍🏽");
    expect(moveLeft(state).cursor).toBe(1);
    expect(deleteBackward(state)).toEqual({ text: "工", cursor: 1 });
    expect(moveRight(moveHome(state)).cursor).toBe(1);
    expect(deleteForward(moveHome(state))).toEqual({ text: "👍🏽", cursor: 0 });
  });
  it("Ctrl+U deletes to the start, Ctrl+W the previous word", () => {
    expect(deleteToStart({ text: "hello world", cursor: 6 })).toEqual({ text: "world", cursor: 0 });
    expect(deleteWordBackward(lineOf("when was it  "))).toEqual({ text: "when was ", cursor: 9 });
  });
});
