import { describe, expect, it } from "vitest";
import { KeyDecoder } from "./key-decoder.js";

const decode = (...events: string[]) => {
  const decoder = new KeyDecoder();
  return events.flatMap((event) => decoder.push(event));
};

describe(KeyDecoder, () => {
  it("tells Backspace (DEL) from Delete (ESC [3~)", () => {
    expect(decode("\u007f", "\u001b[3~")).toEqual([{ type: "backspace" }, { type: "delete" }]);
  });
  it("decodes the emacs control keys", () => {
    expect(decode("\u0001", "\u0005", "\u0015", "\u0017", "\u0003", "\u0004").map((a) => a.type)).toEqual([
      "home",
      "end",
      "delete-to-start",
      "delete-word",
      "interrupt",
      "eof",
    ]);
  });
  it("treats a run of text ending in a newline as one submitted paste", () => {
    expect(decode("When was it first proposed?\n")).toEqual([
      { type: "paste", text: "When was it first proposed?", submit: true },
    ]);
  });
  it("joins the lines of a multi-line paste into one question", () => {
    expect(decode("When was New\r\nIndustrialization proposed?\r")).toEqual([
      { type: "paste", text: "When was New Industrialization proposed?", submit: true },
    ]);
  });
  it("collects a bracketed paste split over several events", () => {
    expect(decode("\u001b[200~", "why ", "now?\r", "\u001b[201~")).toEqual([
      { type: "paste", text: "why now?", submit: true },
    ]);
  });
  it("inserts a bracketed paste without a newline without submitting it", () => {
    expect(decode("\u001b[200~local protectionism\u001b[201~")).toEqual([
      { type: "paste", text: "local protectionism", submit: false },
    ]);
  });
  it("ignores unknown escape sequences and terminal replies instead of printing them", () => {
    expect(decode("\u001b[99~")).toEqual([]);
    expect(decode("a", "\u001b]", "11;rgb:0000/0000/0000\u0007b")).toEqual([
      { type: "insert", text: "a" },
      { type: "insert", text: "b" },
    ]);
  });
  it("splits control keys out of text that arrived in one event", () => {
    expect(decode("\u0015new one\r")).toEqual([
      { type: "delete-to-start" },
      { type: "paste", text: "new one", submit: true },
    ]);
  });
  it.each([["constructor"], ["toString"], ["__proto__"], ["hasOwnProperty"]])(
    "inserts %s typed in one event as the text it is",
    (word) => {
      expect(decode(word)).toEqual([{ type: "insert", text: word }]);
    },
  );
  it("tells Ctrl+L to redraw", () => {
    expect(decode("\u000c")).toEqual([{ type: "redraw" }]);
  });
});
