import { describe, expect, it } from "vitest";
import { isEnglishWord, wordnetParaphrases } from "./wordnet.js";

// Needs dist/wordnet-paraphrases.json (written by `pnpm build`).
describe("WordNet data", () => {
  it("knows common English words in their inflected forms, not typos", () => {
    expect(isEnglishWord("leaned")).toBe(true);
    expect(isEnglishWord("guitars")).toBe(true);
    expect(isEnglishWord("compnaies")).toBe(false);
  });

  it("relates a word the corpus never uses to words it does", () => {
    expect(wordnetParaphrases("split")).toEqual(expect.arrayContaining(["separate"]));
    expect(wordnetParaphrases("xyzzy")).toEqual([]);
  });
});
