import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stripControl, toSingleLine } from "./terminal-safe.js";

describe(stripControl, () => {
  it("removes CSI colour codes, OSC titles and bare control characters", () => {
    expect(stripControl("\u001b[31mred\u001b[0m")).toBe("red");
    expect(stripControl("a\u001b]0;evil title\u0007b")).toBe("ab");
    expect(stripControl("bell\u0007 back\u0008space\r")).toBe("bell backspace");
    expect(stripControl("\u009b2Jclear")).toBe("clear");
  });
  it("keeps newlines, tabs, CJK and emoji", () => {
    expect(stripControl("新型工业化\n\t🚗")).toBe("新型工业化\n\t🚗");
  });
  it("never leaves an escape or C0/C1 control character behind", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (input) => {
        // biome-ignore lint/suspicious/noControlCharactersInRegex: the property under test
        expect(stripControl(input)).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
      }),
    );
  });
});

describe(toSingleLine, () => {
  it("folds whitespace runs", () => {
    expect(toSingleLine("  a\n\tb  ")).toBe("a b");
  });
});
