import { describe, expect, it } from "vitest";
import { makeCorpus } from "../test/make-corpus.js";
import { collocations } from "./collocations.js";
import { logLikelihood } from "./log-likelihood.js";

// "走" keeps 新型工业化 company every time; "发展" is everywhere and so is no collocate.
const corpus = makeCorpus([
  { id: "a", published: "2002", text: "我们要走新型工业化道路。\n\n发展经济，发展农业，发展教育。" },
  { id: "b", published: "2003", text: "坚持走新型工业化道路，发展工业。\n\n发展科学，发展文化。" },
  { id: "c", published: "2004", text: "继续走新型工业化道路。\n\n发展民生，发展体育，发展卫生。" },
]);

describe(collocations, () => {
  const result = collocations(corpus, "新型工业化", { window: 2, minCount: 2 });

  it("ranks the words in the windows around the term by log-likelihood, with their counts", () => {
    expect(result.occurrences).toBe(3);
    const words = result.collocates.map((collocate) => collocate.word);
    expect(words).toContain("走");
    expect(words).toContain("道路");
    expect(words).not.toContain("发展");
    expect(words).not.toContain("新型");
  });

  it("scores with the 2×2 table of window words against the rest of the corpus", () => {
    const walk = result.collocates.find((collocate) => collocate.word === "走");
    expect(walk?.count).toBe(3);
    expect(walk?.total).toBe(3);
    const expected = logLikelihood(3, result.windowWords - 3, 0, result.corpusWords - result.windowWords);
    expect(walk?.score).toBeCloseTo(expected, 2);
    expect(walk?.expected).toBeCloseTo((result.windowWords * 3) / result.corpusWords, 2);
  });

  it("applies the frequency floor", () => {
    expect(collocations(corpus, "新型工业化", { window: 2, minCount: 4 }).collocates).toEqual([]);
  });

  it("has no collocates for a term that does not occur", () => {
    expect(collocations(corpus, "高质量发展")).toMatchObject({
      occurrences: 0,
      windowWords: 0,
      collocates: [],
    });
  });
});

describe(logLikelihood, () => {
  it("is zero for independent counts and grows with the difference", () => {
    expect(logLikelihood(10, 90, 100, 900)).toBeCloseTo(0, 10);
    expect(logLikelihood(10, 990, 10, 9990)).toBeCloseTo(22.21, 2);
    expect(logLikelihood(0, 0, 0, 0)).toBe(0);
  });
});
