import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { makeCorpus, naiveCount } from "../test/make-corpus.js";
import { concordance } from "./concordance.js";
import { AnalyticsInputError } from "./errors.js";

const corpus = makeCorpus([
  {
    id: "gwr-2024",
    published: "2024",
    text: "各位代表：\n\n推进新型工业化，加快\n建设制造强国。\n\n新型工业化。",
  },
  { id: "cpc-16", published: "2002-11-08", text: "坚持以信息化带动工业化，走新型工业化道路。" },
  { id: "undated", text: "走新型工业化道路🙂新型工业化" },
]);

describe(concordance, () => {
  it("gives every hit with its context inside its passage, in date order, quote exact", () => {
    const result = concordance(corpus, "新型工业化", { context: 4 });
    expect(result.total).toBe(5);
    expect(result.hits.map((hit) => [hit.docId, hit.year, hit.before, hit.quote, hit.after])).toEqual([
      ["cpc-16", 2002, "业化，走", "新型工业化", "道路。"],
      ["gwr-2024", 2024, "推进", "新型工业化", "，加快\n"],
      ["gwr-2024", 2024, "", "新型工业化", "。"],
      ["undated", null, "走", "新型工业化", "道路🙂新"],
      ["undated", null, "化道路🙂", "新型工业化", ""],
    ]);
  });

  it("keeps every field of the JSON contract", () => {
    const [hit] = concordance(corpus, "新型工业化", { limit: 1 }).hits;
    expect(Object.keys(hit ?? {})).toEqual([
      "docId",
      "title",
      "year",
      "start",
      "end",
      "quote",
      "before",
      "after",
    ]);
  });

  it("returns at most `limit` hits but counts them all in `total`", () => {
    const result = concordance(corpus, "新型工业化", { limit: 2 });
    expect(result.hits).toHaveLength(2);
    expect(result.total).toBe(5);
  });

  it("counts context in characters, never cutting a surrogate pair in two", () => {
    const result = concordance(corpus, "新型工业化", { context: 1 });
    expect(result.hits.at(-1)?.before).toBe("🙂");
    expect(concordance(corpus, "新型工业化", { context: 3 }).hits[3]?.after).toBe("道路🙂");
  });

  it.each([
    [{ context: -1 }, "context must be a whole number from 0 to 500"],
    [{ context: 1.5 }, "context must be a whole number from 0 to 500"],
    [{ limit: -3 }, `limit must be a whole number from 0 to ${Number.MAX_SAFE_INTEGER}`],
  ])("refuses %j", (options, message) => {
    expect(() => concordance(corpus, "x", options)).toThrow(new AnalyticsInputError(message));
  });

  it("gives exact spans and contexts, and as many hits as a naive count, over random corpora (property)", () => {
    const text = fc
      .array(fc.constantFrom("ab", "a", "b", " ", "\n\n", "新型", "工业化", "🙂", "。"), { maxLength: 15 })
      .map((pieces) => pieces.join(""));
    fc.assert(
      fc.property(
        fc.array(text, { maxLength: 5 }),
        fc.constantFrom("ab", "a", "工业化", "🙂", "。"),
        fc.nat(8),
        (texts, term, context) => {
          const generated = makeCorpus(texts.map((each, index) => ({ id: `d${index}`, text: each })));
          const result = concordance(generated, term, { context, limit: 10_000 });
          const expected = generated.passages.reduce((sum, passage) => {
            const source = texts[Number(passage.docId.slice(1))] ?? "";
            return sum + naiveCount(source, term, passage.span.start, passage.span.end);
          }, 0);
          expect(result.total).toBe(expected);
          expect(result.hits).toHaveLength(expected);
          for (const hit of result.hits) {
            const source = texts[Number(hit.docId.slice(1))] ?? "";
            expect(source.slice(hit.start, hit.end)).toBe(hit.quote);
            expect(source.slice(hit.start - hit.before.length, hit.start)).toBe(hit.before);
            expect(source.slice(hit.end, hit.end + hit.after.length)).toBe(hit.after);
            expect([...hit.before].length).toBeLessThanOrEqual(context);
            expect([...hit.after].length).toBeLessThanOrEqual(context);
            expect(`${hit.before}${hit.quote}${hit.after}`).not.toMatch(/\n\n/);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
