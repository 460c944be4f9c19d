import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { makeCorpus, naiveCount } from "../test/make-corpus.js";
import { AnalyticsInputError } from "./errors.js";
import { termTrend } from "./term-trend.js";

const corpus = makeCorpus([
  {
    id: "cpc-16",
    title: "十六大报告",
    kind: "party-congress-report",
    published: "2002-11-08",
    text: "走新型工业化道路。\n\n新型工业化，新型工业化。",
  },
  { id: "gwr-2002", kind: "government-work-report", published: "2002", text: "工业化。" },
  { id: "gwr-2005", kind: "government-work-report", published: "2005", text: "走新型工业化道路。" },
  { id: "notes", text: "New Industrialization, new industrialization!" },
  { id: "gwr-2004", published: "2004", text: "" },
]);

describe(termTrend, () => {
  const trend = termTrend(corpus, ["新型工业化", "new industrialization"]);

  it("counts each term per document, dated documents in date order, undated ones last but listed", () => {
    expect(trend.terms).toEqual(["新型工业化", "new industrialization"]);
    expect(trend.documents.map((document) => [document.docId, document.year, document.counts])).toEqual([
      ["gwr-2002", 2002, { 新型工业化: 0, "new industrialization": 0 }],
      ["cpc-16", 2002, { 新型工业化: 3, "new industrialization": 0 }],
      ["gwr-2004", 2004, { 新型工业化: 0, "new industrialization": 0 }],
      ["gwr-2005", 2005, { 新型工业化: 1, "new industrialization": 0 }],
      ["notes", null, { 新型工业化: 0, "new industrialization": 2 }],
    ]);
  });

  it("keeps the fields of the JSON contract, in its order", () => {
    expect(Object.keys(trend.documents[1] ?? {})).toEqual([
      "docId",
      "title",
      "kind",
      "year",
      "date",
      "chars",
      "counts",
    ]);
    expect(trend.documents[1]).toMatchObject({ title: "十六大报告", date: "2002-11-08", chars: 23 });
    expect(Object.keys(trend.documents[0] ?? {})).toEqual([
      "docId",
      "title",
      "kind",
      "year",
      "chars",
      "counts",
    ]);
    expect(Object.keys(trend)).toEqual(["terms", "documents", "years", "missingYears"]);
  });

  it("totals years that have documents, and lists the years between with none as missing (not zero)", () => {
    expect(trend.years).toEqual([
      { year: 2002, counts: { 新型工业化: 3, "new industrialization": 0 } },
      { year: 2004, counts: { 新型工业化: 0, "new industrialization": 0 } },
      { year: 2005, counts: { 新型工业化: 1, "new industrialization": 0 } },
    ]);
    expect(trend.missingYears).toEqual([2003]);
  });

  it("counts a term with its other forms under its own name, and says which forms", () => {
    const translated = termTrend(corpus, [{ term: "new industrialization", forms: ["新型工业化"] }]);
    expect(translated.documents.map((document) => document.counts["new industrialization"])).toEqual([
      0, 3, 0, 1, 2,
    ]);
    expect(translated.forms).toEqual({ "new industrialization": ["new industrialization", "新型工业化"] });
  });

  it("takes terms such as __proto__ and constructor as ordinary keys, and merges duplicates", () => {
    const odd = termTrend(
      makeCorpus([{ id: "a", published: "2000", text: "__proto__ constructor __proto__" }]),
      ["__proto__", "constructor", "__proto__"],
    );
    expect(odd.terms).toEqual(["__proto__", "constructor"]);
    expect(JSON.stringify(odd.documents[0]?.counts)).toBe('{"__proto__":2,"constructor":1}');
    expect(Object.getPrototypeOf(odd.documents[0]?.counts)).toBeNull();
  });

  it("refuses a bad term before counting anything", () => {
    expect(() => termTrend(corpus, ["新型工业化", "  "])).toThrow(AnalyticsInputError);
  });

  it("gives an empty trend for an empty corpus", () => {
    expect(termTrend(makeCorpus([]), ["x"])).toEqual({
      terms: ["x"],
      documents: [],
      years: [],
      missingYears: [],
    });
  });

  it("counts what a naive count of each document's passages gives, over random corpora (property)", () => {
    const documentText = fc
      .array(fc.constantFrom("aaa", "a", "A", " ", "\n\n", "新型", "工业化", "新型工业化", "。", "x"), {
        maxLength: 12,
      })
      .map((pieces) => pieces.join(""));
    const documents = fc.array(fc.tuple(documentText, fc.option(fc.integer({ min: 1990, max: 2000 }))), {
      maxLength: 6,
    });
    const term = fc.constantFrom("aaa", "a", "新型工业化", "工业化工业化", "。", "x x");
    fc.assert(
      fc.property(documents, term, (specs, needle) => {
        const generated = makeCorpus(
          specs.map(([text, year], index) => ({
            id: `d${index}`,
            text,
            ...(year !== null && { published: String(year) }),
          })),
        );
        const result = termTrend(generated, [needle]);
        expect(result.documents).toHaveLength(specs.length);
        for (const row of result.documents) {
          const text = specs[Number(row.docId.slice(1))]?.[0] ?? "";
          const expected = generated.passages
            .filter((passage) => passage.docId === row.docId)
            .reduce(
              (sum, passage) => sum + naiveCount(text, needle, passage.span.start, passage.span.end),
              0,
            );
          expect(row.counts[needle]).toBe(expected);
        }
        const years = new Set(result.years.map((year) => year.year));
        for (const year of result.missingYears) expect(years.has(year)).toBe(false);
        const sum = result.years.reduce((total, year) => total + (year.counts[needle] ?? 0), 0);
        const dated = result.documents.filter((row) => row.year !== null);
        expect(sum).toBe(dated.reduce((total, row) => total + (row.counts[needle] ?? 0), 0));
      }),
      { numRuns: 300 },
    );
  });
});
