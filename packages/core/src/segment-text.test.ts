import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import { segmentText } from "./segment-text.js";

const graphemes = new Intl.Segmenter("en", { granularity: "grapheme" });
const sentences = new Intl.Segmenter("en", { granularity: "sentence" });

const plain = (segmenter: Intl.Segmenter, text: string) =>
  [...segmenter.segment(text)].map(({ index, segment }) => ({ index, segment }));

// Pieces that exercise the segmenters' rules: combining marks, emoji and flag sequences,
// abbreviations, closing quotes, CJK full stops, line breaks, surrogate halves.
const piece = fc.constantFrom(
  "Word",
  "word",
  " ",
  ". ",
  "? ",
  "U.S. ",
  "e.g. ",
  "”",
  "\n",
  "\n\n",
  "e\u0301",
  "👩‍🚀",
  "🇨🇳🇺🇸",
  "1️⃣",
  "新型工业化。",
  "2035.",
  "\r\n",
  "\ud83d",
);

describe(segmentText, () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("gives exactly the segments of Intl.Segmenter, for texts longer than a window", () => {
    fc.assert(
      fc.property(fc.array(piece, { minLength: 400, maxLength: 1500 }), (parts) => {
        const text = parts.join("");
        expect([...segmentText(graphemes, text)]).toEqual(plain(graphemes, text));
        expect([...segmentText(sentences, text)]).toEqual(plain(sentences, text));
      }),
      { numRuns: 25 },
    );
  });

  it("finds a sentence longer than the window whole, and the short ones after it", () => {
    const long = `Words ${"and words ".repeat(3000)}end.`;
    const text = `First one. ${long} Then a short one. And another.`;
    const found = [...segmentText(sentences, text)];
    expect(found.map((part) => part.segment.trim())).toEqual([
      "First one.",
      long,
      "Then a short one.",
      "And another.",
    ]);
    expect(found).toEqual(plain(sentences, text));
  });

  it("never hands the segmenter the whole of a megabyte-long line", () => {
    const text = "It grew. ".repeat(120_000);
    const segment = vi.spyOn(Intl.Segmenter.prototype, "segment");
    let count = 0;
    for (const _ of segmentText(sentences, text)) count++;
    expect(count).toBe(120_000);
    const longest = Math.max(...segment.mock.calls.map(([input]) => input.length));
    expect(longest).toBeLessThanOrEqual(4096);
  });
});
