import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { naiveCount } from "../test/make-corpus.js";
import { AnalyticsInputError } from "./errors.js";
import { checkTerm, createTermMatcher, MAX_TERM_LENGTH, toTermForms } from "./terms.js";

const find = (term: string | { term: string; forms: string[] }, text: string) =>
  createTermMatcher(term)
    .find(text, [{ start: 0, end: text.length }])
    .map((span) => text.slice(span.start, span.end));

describe(checkTerm, () => {
  it("trims the term and takes punctuation and regex-looking text literally", () => {
    expect(checkTerm("  新型工业化\u3000")).toBe("新型工业化");
    expect(checkTerm(".*")).toBe(".*");
    expect(checkTerm("。")).toBe("。");
  });

  it.each([
    ["", "a term must not be empty"],
    [" \u3000\t", "a term must not be empty"],
    ["a\u001b[31mb", "a term must not contain control characters or escape sequences"],
    ["line one\nline two", "a term must be on one line"],
    ["x".repeat(10_000), `a term is at most ${MAX_TERM_LENGTH} characters; this one has 10000`],
  ])("refuses %j with one line that does not echo it", (term, message) => {
    expect(() => checkTerm(term)).toThrow(new AnalyticsInputError(message));
  });
});

describe(toTermForms, () => {
  it("puts the term first and drops forms that differ only in case", () => {
    expect(
      toTermForms({ term: "new industrialization", forms: ["New Industrialization", "新型工业化"] }),
    ).toEqual({
      term: "new industrialization",
      forms: ["new industrialization", "新型工业化"],
    });
  });
});

describe(createTermMatcher, () => {
  it("matches Chinese as a substring", () => {
    expect(find("新型工业化", "走新型工业化道路，新型工业化。")).toEqual(["新型工业化", "新型工业化"]);
  });

  it("matches Latin script case-insensitively and only at word boundaries", () => {
    expect(find("ai", "AI said: Ai, maybe AIs, not ai-driven? ai")).toEqual(["AI", "Ai", "ai", "ai"]);
    expect(find("20", "In 2023, 20 firms; 20%")).toEqual(["20", "20"]);
    expect(find("5G", "5G网络 and 5g, not 15G")).toEqual(["5G", "5g"]);
  });

  it("never counts overlapping matches twice: '呵呵呵' occurs once in '呵呵呵呵', twice in six", () => {
    expect(find("呵呵呵", "呵呵呵呵")).toEqual(["呵呵呵"]);
    expect(find("呵呵呵", "呵呵呵呵呵呵")).toEqual(["呵呵呵", "呵呵呵"]);
    expect(find("...", "....")).toEqual(["..."]);
    expect(find("a-a", "a-a-a")).toEqual(["a-a"]);
    // Latin script is word-bounded: the word "aaaa" does not contain the word "aaa".
    expect(find("aaa", "aaaa")).toEqual([]);
  });

  it("takes '.*' and other regex syntax literally", () => {
    expect(find(".*", "a.*b .* c")).toEqual([".*", ".*"]);
    expect(find("(a|b)", "a b (a|b)")).toEqual(["(a|b)"]);
  });

  it("with several forms, takes the longest form where matches start together, without overlaps", () => {
    expect(
      find({ term: "新型工业化", forms: ["新型工业化道路", "新型工业化"] }, "走新型工业化道路和新型工业化"),
    ).toEqual(["新型工业化道路", "新型工业化"]);
    // The longer form fails its word boundary here ("AI chipset"), the shorter one still counts.
    expect(find({ term: "AI", forms: ["AI chips"] }, "AI chipset; AI chips")).toEqual(["AI", "AI chips"]);
  });

  it("finds matches only wholly inside the given ranges", () => {
    const text = "aa|aa|aa";
    const spans = createTermMatcher("aa").find(text, [
      { start: 0, end: 1 },
      { start: 3, end: 5 },
      { start: 6, end: 8 },
    ]);
    expect(spans).toEqual([
      { start: 3, end: 5 },
      { start: 6, end: 8 },
    ]);
  });

  it("counts what a naive left-to-right scan counts, with exact spans (property)", () => {
    const text = fc
      .array(fc.constantFrom(..."aAb 新型工业化.*-_1".split("")), { maxLength: 60 })
      .map((chars) => chars.join(""));
    const term = fc
      .array(fc.constantFrom(..."aAb 新型.*1".split("")), { minLength: 1, maxLength: 4 })
      .map((chars) => chars.join(""))
      .filter((value) => value.trim() === value && value.length > 0);
    fc.assert(
      fc.property(text, term, fc.nat(60), fc.nat(60), (haystack, needle, x, y) => {
        const start = Math.min(x, y, haystack.length);
        const end = Math.min(Math.max(x, y), haystack.length);
        const spans = createTermMatcher(needle).find(haystack, [{ start, end }]);
        expect(spans).toHaveLength(naiveCount(haystack, needle, start, end));
        let previous = start;
        for (const span of spans) {
          expect(span.start).toBeGreaterThanOrEqual(previous);
          expect(span.end).toBeLessThanOrEqual(end);
          expect(haystack.slice(span.start, span.end).toLowerCase()).toBe(needle.toLowerCase());
          previous = span.end;
        }
      }),
      { numRuns: 500 },
    );
  });
});
