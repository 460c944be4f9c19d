import type { GlossaryTerm } from "@newind/core";
import { describe, expect, it } from "vitest";
import { glossaryForms } from "./glossary.js";

const glossary: GlossaryTerm[] = [
  {
    id: "new-industrialization",
    en: "New Industrialization",
    zh: ["新型工业化", "新型工业化道路"],
    synonyms: ["new industrialisation"],
  },
];

describe(glossaryForms, () => {
  it("adds the Chinese terms to an English term, ignoring case", () => {
    expect(glossaryForms(glossary, "new industrialization")).toEqual({
      term: "new industrialization",
      forms: ["new industrialization", "新型工业化", "新型工业化道路"],
      entry: "new-industrialization",
    });
  });

  it("adds the English name to a Chinese term, and finds entries by their other names", () => {
    expect(glossaryForms(glossary, "新型工业化").forms).toEqual([
      "新型工业化",
      "New Industrialization",
      "新型工业化道路",
    ]);
    expect(glossaryForms(glossary, "New Industrialisation").entry).toBe("new-industrialization");
  });

  it("gives the term alone when the glossary has no entry for it", () => {
    expect(glossaryForms(glossary, "高质量发展")).toEqual({ term: "高质量发展", forms: ["高质量发展"] });
  });
});
