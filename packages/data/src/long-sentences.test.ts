import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { splitLongSentences } from "./long-sentences.js";

const whole = (text: string, offset = 0) => [{ start: offset, end: offset + text.length, text }];

describe(splitLongSentences, () => {
  it("leaves sentences within the limit alone", () => {
    const text = "A short sentence.";
    expect(splitLongSentences(whole(text), text)).toEqual(whole(text));
  });

  it("cuts a long run after a clause's punctuation, else at a space", () => {
    const text = `${"word ".repeat(100)}clause, ${"more ".repeat(100)}end`;
    const pieces = splitLongSentences(whole(text), text, 600);
    expect(pieces.map((piece) => piece.text.at(-1))).toEqual([",", "d"]);
    const spaced = "word ".repeat(400).trim();
    for (const piece of splitLongSentences(whole(spaced), spaced, 600)) {
      expect(piece.text).toMatch(/^word( word)*$/);
    }
  });

  it("gives exact, trimmed pieces within the limit that keep every word, at any offset", () => {
    const part = fc.constantFrom("word", " ", ", ", "; ", "新型工业化", "🚗", "x".repeat(40), "\n");
    fc.assert(
      fc.property(
        fc.array(part, { minLength: 1, maxLength: 400 }).map((parts) => parts.join("")),
        fc.integer({ min: 20, max: 200 }),
        fc.nat(1000),
        (raw, max, offset) => {
          const text = raw.trim();
          if (text === "") return;
          const pieces = splitLongSentences(whole(text, offset), text, max, offset);
          for (const piece of pieces) {
            expect(piece.end - piece.start).toBeLessThanOrEqual(max);
            expect(text.slice(piece.start - offset, piece.end - offset)).toBe(piece.text);
            expect(piece.text).toBe(piece.text.trim());
            expect(piece.text.length).toBeGreaterThan(0);
          }
          expect(
            pieces
              .map((piece) => piece.text)
              .join("")
              .replace(/\s+/g, ""),
          ).toBe(text.replace(/\s+/g, ""));
        },
      ),
    );
  });
});
