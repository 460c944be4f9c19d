import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_QUESTION_LENGTH, normalizeQuestion } from "./normalize-question.js";

describe(normalizeQuestion, () => {
  it("strips ANSI escapes and control characters and folds whitespace", () => {
    expect(normalizeQuestion("  \u001b[31mwhen\u001b[0m did\u0007 BYD\tstart?\n").text).toBe(
      "when did BYD start?",
    );
  });

  it("keeps the end of input over 2,000 characters, where a paste's question is, and says so", () => {
    const result = normalizeQuestion(
      `${"Some background. ".repeat(500)}When did BYD start making batteries?`,
    );
    expect(result.truncated).toBe(true);
    expect(result.text.length).toBeLessThanOrEqual(MAX_QUESTION_LENGTH);
    expect(result.text).toMatch(/^Some background\. .*When did BYD start making batteries\?$/);
    expect(normalizeQuestion("x".repeat(5_000_000)).text.length).toBeLessThanOrEqual(MAX_QUESTION_LENGTH);
  });

  it("never splits a surrogate pair or throws, whatever the input", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 2500 }), (raw) => {
        const { text } = normalizeQuestion(raw);
        expect(text.length).toBeLessThanOrEqual(MAX_QUESTION_LENGTH);
        expect(/[\ud800-\udbff]$/.test(text)).toBe(false);
        // biome-ignore lint/suspicious/noControlCharactersInRegex: checking control characters are gone
        expect(/[\u0000-\u0008\u000b-\u001f\u007f]/.test(text)).toBe(false);
      }),
    );
  });

  it("reads non-strings as empty or their string form", () => {
    expect(normalizeQuestion(undefined).text).toBe("");
    expect(normalizeQuestion(42).text).toBe("42");
  });
});
