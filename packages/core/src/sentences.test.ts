import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { segmentSentences } from "./sentences.js";

const texts = (text: string, offset?: number) =>
  segmentSentences(text, offset).map((sentence) => sentence.text);

describe(segmentSentences, () => {
  it("returns exact offsets, shifted by `offset`", () => {
    expect(segmentSentences("It rained. Then it stopped.", 10)).toEqual([
      { start: 10, end: 20, text: "It rained." },
      { start: 21, end: 37, text: "Then it stopped." },
    ]);
  });

  it("does not split after abbreviations like Mr., Dec., e.g. and U.S.", () => {
    expect(texts("He met Mr. Smith on Dec. 5 in the U.S. Congress. Fruit, e.g. apples, is good.")).toEqual([
      "He met Mr. Smith on Dec. 5 in the U.S. Congress.",
      "Fruit, e.g. apples, is good.",
    ]);
  });

  it("still ends a sentence at 'U.S.' when an ordinary sentence opener follows", () => {
    expect(texts("He moved to the U.S. The next year he left.")).toEqual([
      "He moved to the U.S.",
      "The next year he left.",
    ]);
  });

  it("keeps a closing quote with its sentence", () => {
    expect(texts("They are “low-end industries.” We must aim higher.")).toEqual([
      "They are “low-end industries.”",
      "We must aim higher.",
    ]);
  });

  it("splits off a footnote marker glued to a sentence end ('trap. 1', 'shores. 2 Chinese')", () => {
    expect(texts("fell into the trap. 1")).toEqual(["fell into the trap."]);
    expect(texts("to less expensive shores. 2 Chinese economists agree.")).toEqual([
      "to less expensive shores.",
      "Chinese economists agree.",
    ]);
  });

  it("ends the sentence before 'goals for 2035.7' 's marker and starts the next after it", () => {
    const text = "It listed goals for 2035.7 In March 2023, Jin spoke.";
    const marker = { start: text.indexOf("7 In"), end: text.indexOf("7 In") + 1 };
    expect(segmentSentences(text, 0, { footnotes: [marker] }).map((sentence) => sentence.text)).toEqual([
      "It listed goals for 2035.",
      "In March 2023, Jin spoke.",
    ]);
  });

  it("splits off markers after closing quotes and colons ('squeeze.”3', 'following:12')", () => {
    expect(texts("a “two-way squeeze.”3 In this situation, China waits.")).toEqual([
      "a “two-way squeeze.”",
      "In this situation, China waits.",
    ]);
    expect(texts("by doing the following:12")).toEqual(["by doing the following:"]);
  });

  it("reads a single line break as a space and a blank line as a sentence end", () => {
    expect(texts("A hard-wrapped\nsentence goes on.\n\nA heading\n\nNext one.")).toEqual([
      "A hard-wrapped\nsentence goes on.",
      "A heading",
      "Next one.",
    ]);
  });

  it("never throws, and every sentence is the exact, trimmed, in-order slice of its span", () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom("a", "B", " ", ".", "U.S.", "Mr.", "”", "\n", "7", ":", "?", "é", "\ud83d"),
        }),
        fc.nat(1000),
        (text, offset) => {
          let previousEnd = offset;
          for (const sentence of segmentSentences(text, offset)) {
            expect(sentence.start).toBeGreaterThanOrEqual(previousEnd);
            expect(sentence.end).toBeGreaterThan(sentence.start);
            expect(sentence.end - offset).toBeLessThanOrEqual(text.length);
            expect(text.slice(sentence.start - offset, sentence.end - offset)).toBe(sentence.text);
            expect(sentence.text).toBe(sentence.text.trim());
            previousEnd = sentence.end;
          }
        },
      ),
    );
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        for (const sentence of segmentSentences(text)) {
          expect(text.slice(sentence.start, sentence.end)).toBe(sentence.text);
        }
      }),
    );
  });

  it("never includes a given footnote marker in a sentence", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom("Word", "end.", "2035.", "7", " ", "“q.”", "3", "\n")),
        (parts) => {
          const text = parts.join(" ");
          const footnotes = [...text.matchAll(/\d/g)].map((match) => ({
            start: match.index,
            end: match.index + 1,
          }));
          for (const sentence of segmentSentences(text, 0, { footnotes })) {
            for (const marker of footnotes) {
              expect(marker.end <= sentence.start || marker.start >= sentence.end).toBe(true);
            }
          }
        },
      ),
    );
  });
});
