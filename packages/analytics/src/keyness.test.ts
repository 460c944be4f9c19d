import { describe, expect, it } from "vitest";
import { makeCorpus } from "../test/make-corpus.js";
import { AnalyticsInputError } from "./errors.js";
import { keyness } from "./keyness.js";

const early = "发展农业，农业增产，农村改革，农民增收。".repeat(6);
const late = "新质生产力，数字经济，新质生产力发展，绿色转型。".repeat(6);
const corpus = makeCorpus([
  { id: "gwr-2003", published: "2003", text: early },
  { id: "gwr-2004", published: "2004", text: early },
  { id: "gwr-2024", published: "2024", text: late },
  { id: "gwr-2025", published: "2025", text: late },
]);

describe(keyness, () => {
  const result = keyness(corpus, "2003-2004", "2024-2025", { minScore: 3.84 });

  it("lists the words each side says markedly more, with counts and effect sizes", () => {
    expect(result.a).toEqual({
      label: "2003–2004",
      docIds: ["gwr-2003", "gwr-2004"],
      words: expect.any(Number),
    });
    expect(result.moreInA.map((key) => key.word)).toContain("农业");
    expect(result.moreInB.map((key) => key.word)).toContain("数字");
    const farming = result.moreInA.find((key) => key.word === "农业");
    expect(farming).toMatchObject({ countB: 0, logRatio: expect.any(Number) });
    expect(farming?.countA).toBeGreaterThanOrEqual(5);
    expect(farming?.logRatio).toBeGreaterThan(1);
  });

  it("leaves out what both sides say alike", () => {
    const common = [...result.moreInA, ...result.moreInB].map((key) => key.word);
    expect(common).not.toContain("发展");
  });

  it("takes document ids too, and refuses sides that share documents", () => {
    expect(keyness(corpus, "gwr-2003", "gwr-2025", { minScore: 0 }).a.docIds).toEqual(["gwr-2003"]);
    expect(() => keyness(corpus, "2003-2024", "2024")).toThrow(
      new AnalyticsInputError("the two sides share gwr-2024: compare two different sets of documents"),
    );
  });
});
