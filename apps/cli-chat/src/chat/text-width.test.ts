import fc from "fast-check";
import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { graphemeWidth, textWidth } from "./text-width.js";

const graphemes = (text: string) => [
  ...new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(text),
];

describe(graphemeWidth, () => {
  it("agrees with string-width on the characters the chat draws", () => {
    const sample =
      "a Z~ “”’‘«»·•…¶§—–›─│●█▏▎▍▌▋▊▉ 新型工业化道路。、（）ｶﾀｶﾅ한국어 あア 👍🏽 🇨🇳 ⚡ ☀️ é ȩ́ 1️⃣ ­ \u200b";
    for (const { segment } of graphemes(sample)) {
      expect([segment, graphemeWidth(segment)]).toEqual([segment, stringWidth(segment)]);
    }
  });

  it("agrees with string-width on any text (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 40 }), (text) => {
        expect(textWidth(text)).toBe(stringWidth(text));
      }),
      { numRuns: 300 },
    );
  });
});
