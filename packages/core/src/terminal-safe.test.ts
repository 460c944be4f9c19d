import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeControl, stripControl, toSingleLine } from "./terminal-safe.js";

describe(stripControl, () => {
  it("removes CSI colour codes, OSC titles and bare control characters", () => {
    expect(stripControl("\u001b[31mred\u001b[0m")).toBe("red");
    expect(stripControl("a\u001b]0;evil title\u0007b")).toBe("ab");
    expect(stripControl("bell\u0007 back\u0008space")).toBe("bell back space");
    expect(stripControl("\u009b2Jclear")).toBe("clear");
  });
  it("turns CR, VT, FF, NUL, BS and NEL into spaces, so the words either side stay apart", () => {
    for (const control of ["\r", "\u000b", "\u000c", "\u0000", "\u0008", "\u0085"]) {
      expect(stripControl(`BYD${control}start`)).toBe("BYD start");
    }
  });
  it("removes DCS, SOS, PM and APC strings with the text inside them", () => {
    expect(stripControl("a\u001bPq#0;2;0;0;0#0~~@@\u001b\\b")).toBe("ab");
    expect(stripControl("a\u001bXsecret\u001b\\b")).toBe("ab");
    expect(stripControl("a\u001b^private message\u001b\\b")).toBe("ab");
    expect(stripControl("a\u001b_Gf=100;AAAA\u001b\\b")).toBe("ab");
    expect(stripControl("a\u0090tmux;payload\u009cb")).toBe("ab");
    expect(stripControl("a\u001bPtmux;\u001b\u001b]52;c;ZXZpbA==\u0007\u001b\\b")).not.toMatch(/ZXZpbA|52;c/);
  });
  it("removes two-byte escapes whole: ESC 7 and ESC 8 leave no digit behind", () => {
    expect(stripControl("a\u001b7b\u001b8c")).toBe("abc");
    expect(stripControl("reset\u001bc done")).toBe("reset done");
    expect(stripControl("\u001b(Bcharset\u001b#8")).toBe("charset");
    expect(stripControl("keypad\u001b=\u001b>")).toBe("keypad");
  });
  it("keeps the words around any mix of escape families, and nothing of what they carry", () => {
    // Each family wraps the payload "zq" (never in the words), terminated or not.
    const families = fc.constantFrom(
      "\u001b[31m",
      "\u001b[2J",
      "\u009b1;2H",
      "\u001b]0;zq\u0007",
      "\u001b]52;c;zq\u001b\\",
      "\u009d8;;zq\u009c",
      "\u001bPzq\u001b\\",
      "\u001bXzq\u001b\\",
      "\u001b^zq\u001b\\",
      "\u001b_zq\u001b\\",
      "\u0090zq\u009c",
      "\u001b7",
      "\u001b8",
      "\u001bc",
      "\u001b(B",
      "\r",
      "\u0000",
      "\u0008",
      "\u000b",
      "\u000c",
      "\u0007",
    );
    const words = fc.constantFrom("BYD", "batteries", "新型工业化", "2035", "constructor", "__proto__");
    fc.assert(
      fc.property(fc.array(fc.tuple(words, families), { minLength: 1, maxLength: 12 }), (pairs) => {
        const input = pairs.map(([word, sequence]) => `${word} ${sequence}`).join("");
        const output = stripControl(input);
        expect(output).not.toContain("zq");
        // biome-ignore lint/suspicious/noControlCharactersInRegex: the property under test
        expect(output).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
        expect(output.split(/\s+/).filter(Boolean)).toEqual(pairs.map(([word]) => word));
      }),
    );
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

describe(escapeControl, () => {
  it("shows escape sequences and control characters in a readable, printable form", () => {
    expect(escapeControl("notes\u001b]0;x\u0007.md")).toBe("notes\\e]0;x\\x07.md");
    expect(escapeControl("a\nb\tc\rd")).toBe("a\\nb\\tc\\rd");
    expect(escapeControl("\u202eevil\u009b")).toBe("\\u202eevil\\x9b");
    expect(escapeControl("新型工业化 notes.md")).toBe("新型工业化 notes.md");
  });
  it("never leaves a control character, and keeps text without one as it is", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (input) => {
        const shown = escapeControl(input);
        // biome-ignore lint/suspicious/noControlCharactersInRegex: the property under test
        expect(shown).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
        if (
          // biome-ignore lint/suspicious/noControlCharactersInRegex: the property under test
          !/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/.test(input)
        ) {
          expect(shown).toBe(input);
        }
      }),
    );
  });
});

describe(toSingleLine, () => {
  it("folds whitespace runs", () => {
    expect(toSingleLine("  a\n\tb  ")).toBe("a b");
  });
});
