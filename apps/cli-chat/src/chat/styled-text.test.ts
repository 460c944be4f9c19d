import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fit, line, lineText, lineWidth, renderPlain, segment, truncate, wrap } from "./styled-text.js";

describe("wrap", () => {
  it("breaks at spaces and never exceeds the width", () => {
    const lines = wrap([segment("the road toward new industrialization")], 12);
    expect(lines.map(lineText)).toEqual(["the road", "toward new", "industrializ", "ation"]);
  });

  it("indents continuation lines under the first line's prefix", () => {
    const lines = wrap([segment("one two three four")], 10, { first: line("[1] "), rest: line("    ") });
    expect(lines.map(lineText)).toEqual(["[1] one", "    two", "    three", "    four"]);
  });

  it("keeps a highlighted term inside a word together", () => {
    const lines = wrap([segment("aaaa "), segment("bat", "highlight"), segment("teries")], 9);
    expect(lines.map(lineText)).toEqual(["aaaa", "batteries"]);
    expect(lines[1]).toEqual([{ text: "bat", tone: "highlight" }, { text: "teries" }]);
  });

  it("counts CJK characters as two cells and breaks between them", () => {
    const lines = wrap([segment("新型工业化道路")], 6);
    expect(lines.map(lineText)).toEqual(["新型工", "业化道", "路"]);
    for (const value of lines) expect(lineWidth(value)).toBeLessThanOrEqual(6);
  });

  it("starts a new line at every newline in the text", () => {
    expect(wrap([segment("a\nb")], 20).map(lineText)).toEqual(["a", "b"]);
  });

  it("removes escape sequences from document text", () => {
    const text = lineText(
      wrap([segment("red \u001b[31malert\u001b[0m \u001b]0;title\u0007done")], 80)[0] ?? [],
    );
    expect(text).toBe("red alert done");
  });

  it("never produces a line wider than the width (property)", () => {
    const word = fc.stringMatching(/^[a-z新工业]{1,15}$/);
    fc.assert(
      fc.property(fc.array(word, { maxLength: 30 }), fc.integer({ min: 4, max: 60 }), (words, width) => {
        const lines = wrap([segment(words.join(" "))], width);
        for (const value of lines) expect(lineWidth(value)).toBeLessThanOrEqual(width);
        expect(lines.map(lineText).join("").replace(/ /g, "")).toBe(words.join(""));
      }),
    );
  });
});

describe("wrap on long input", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("wraps 300 KB of pasted text a window at a time, never handing it all to Intl.Segmenter", () => {
    const segment300k = vi.spyOn(Intl.Segmenter.prototype, "segment");
    for (const pasted of ["x".repeat(300_000), "word ".repeat(60_000), "新型工业化。".repeat(50_000)]) {
      const lines = wrap([segment(pasted)], 80);
      expect(lines.length).toBeGreaterThan(3000);
      for (const value of lines) expect(lineWidth(value)).toBeLessThanOrEqual(80);
    }
    const longest = Math.max(0, ...segment300k.mock.calls.map(([input]) => input.length));
    expect(longest).toBeLessThanOrEqual(4096);
  });
});

describe("fit and truncate", () => {
  it("pads to the width, aligned either side", () => {
    expect(fit("ab", 4)).toBe("ab  ");
    expect(fit("ab", 4, "right")).toBe("  ab");
  });
  it("cuts with an ellipsis by display width", () => {
    expect(truncate("新型工业化", 5)).toBe("新型…");
  });
});

describe("renderPlain", () => {
  it("writes bare text without colour", () => {
    expect(renderPlain([[segment("[1]", "marker"), segment(" x")]], { color: false })).toBe("[1] x\n");
  });
  it("writes SGR codes for tones with colour", () => {
    expect(renderPlain([[segment("[1]", "marker")]], { color: true })).toBe("\u001b[1;36m[1]\u001b[22;39m\n");
  });
});
