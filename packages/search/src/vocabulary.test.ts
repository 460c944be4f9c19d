import { describe, expect, it } from "vitest";
import { Vocabulary } from "./vocabulary.js";

const vocabulary = new Vocabulary(
  ["premier", "qiang", "council", "percent", "suppliers", "industries", "state", "hold", "clear"].map(
    (word) => [word, 3],
  ),
);

describe(Vocabulary, () => {
  it.each([
    ["premeir", "premier"],
    ["quiang", "qiang"],
    ["councel", "council"],
    ["percnt", "percent"],
    ["suplliers", "suppliers"],
    ["industires", "industries"],
  ])("corrects %s to %s", (typo, word) => {
    expect(vocabulary.correct(typo)?.to).toBe(word);
  });

  it("corrects a misspelt question word to the stop word it is", () => {
    expect(vocabulary.correct("wat")?.to).toBe("what");
  });

  it("leaves known words and common English words alone", () => {
    expect(vocabulary.correct("premier")).toBeUndefined();
    expect(vocabulary.correct("told")).toBeUndefined();
    expect(vocabulary.correct("clean")).toBeUndefined();
    expect(vocabulary.correct("stats")).toBeUndefined();
  });

  it("completes prefixes, most frequent first", () => {
    const counted = new Vocabulary([
      ["protection", 1],
      ["protectionism", 5],
      ["protect", 2],
    ]);
    expect(counted.complete("prot", 2)).toEqual(["protectionism", "protect"]);
  });

  it("round-trips through JSON", () => {
    expect(new Vocabulary(vocabulary.toJSON()).correct("premeir")?.to).toBe("premier");
  });
});
