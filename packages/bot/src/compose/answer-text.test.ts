import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { shorten, shortenStart } from "./answer-text.js";
import { enumerationLength, focusClauses } from "./compose-answer.js";

/** The pieces of a shortened text, without the ellipses, in order. */
const pieces = (text: string) => text.split("…").filter((piece) => piece.length > 0);

describe("shortening keeps the quoted words in their order", () => {
  const sentence =
    "At a December 2023 conference convened by the Ministry of Industry and Information Technology (MIIT), telecom bureau chiefs were directed to support New Industrialization by doing the following:";

  it("cuts the end at a clause boundary (shorten) or the start (shortenStart)", () => {
    expect(shorten(sentence, 80)).toMatch(/…$/);
    expect(shortenStart(sentence, 100)).toMatch(/^…telecom bureau chiefs/);
    expect(shorten("short", 80)).toBe("short");
  });

  it("keeps the clauses that hold the question's words (focusClauses)", () => {
    const focused = focusClauses(sentence, new Set(["telecom", "bureau"]), 110);
    expect(focused.length).toBeLessThanOrEqual(112);
    expect(focused).toMatch(/telecom bureau chiefs/);
  });

  it("never writes a word the text does not have, whatever the cut", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 400 }),
        fc.integer({ min: 20, max: 300 }),
        (text, max) => {
          for (const cut of [
            shorten(text, max),
            shortenStart(text, max),
            focusClauses(text, new Set(["a"]), max),
          ]) {
            for (const piece of pieces(cut))
              expect(text.replace(/\s+/g, " ")).toContain(piece.trim().replace(/\s+/g, " "));
          }
        },
      ),
    );
  });
});

describe(enumerationLength, () => {
  it("counts the things a sentence names in a row, not the commas before them", () => {
    expect(
      enumerationLength(
        "policymakers shifted toward a model driven by consumption, innovation, and production, broadly tracing a pathway similar to that taken by Germany, Japan, Singapore, South Korea, and Israel.",
      ),
    ).toBe(5);
    expect(
      enumerationLength(
        "streamlining the flow of capital, data, energy, talent, and carbon trading across provinces",
      ),
    ).toBe(5);
    expect(enumerationLength("推动数字化、智能化、绿色化转型")).toBe(3);
    expect(enumerationLength("In 1995, a company called BYD began to make lithium-ion batteries.")).toBe(0);
  });
});
