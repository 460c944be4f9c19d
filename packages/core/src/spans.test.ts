import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findAll, spansOverlap, verifyQuote } from "./spans.js";

describe(spansOverlap, () => {
  it("treats spans as half-open", () => {
    expect(spansOverlap({ start: 0, end: 5 }, { start: 5, end: 9 })).toBe(false);
    expect(spansOverlap({ start: 0, end: 6 }, { start: 5, end: 9 })).toBe(true);
  });
});

describe(findAll, () => {
  it("finds every occurrence, exact at each span", () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ minLength: 1, maxLength: 3 }), (text, quote) => {
        for (const span of findAll(text, quote)) expect(verifyQuote(text, span, quote)).toBe(true);
      }),
    );
  });
});
