import type { Corpus } from "@newind/core";
import { loadDefaultCorpus } from "@newind/data";
import { beforeAll, describe, expect, it } from "vitest";
import { analyzeQuery } from "./analyze-query.js";
import { buildExpansions, type ExpansionTable } from "./expansions.js";

let corpus: Corpus;
let table: ExpansionTable;
beforeAll(async () => {
  corpus = await loadDefaultCorpus();
  table = buildExpansions(corpus);
});

const termsOf = (query: string) => analyzeQuery(query, { expansions: table }).terms.map((term) => term.term);

describe(buildExpansions, () => {
  it("finds acronyms the text defines in parentheses, both ways", () => {
    expect(termsOf("EV batteries")).toEqual(expect.arrayContaining(["electr", "vehicl"]));
    expect(termsOf("gross domestic product")).toContain("gdp");
  });

  it("reads an undefined acronym as the initials of a capitalised name", () => {
    expect(termsOf("IEA")).toEqual(expect.arrayContaining(["intern", "energi", "agenc"]));
  });

  it("maps glossary synonyms to the document's term", () => {
    expect(termsOf("car makers")).toEqual(expect.arrayContaining(["auto", "manufactur"]));
  });

  it("translates Chinese terms through the glossary and entity aliases", () => {
    const analyzed = analyzeQuery("清洁技术", { expansions: table });
    expect(analyzed.language).toBe("zh");
    expect(analyzed.terms.map((term) => term.term)).toContain("cleantech");
  });

  it("lets the longest Chinese form win: one inside another that matched is not a concept of its own", () => {
    const analyzed = analyzeQuery("党的十六大报告", { expansions: table });
    const from = analyzed.expansions.map((expansion) => expansion.from);
    expect(from).toContain("党的十六大");
    expect(from).not.toContain("十六大");
    const groupOf = (term: string) => analyzed.terms.find((candidate) => candidate.term === term)?.group;
    // The user's Chinese word and its translation are one concept.
    expect(groupOf("十六")).toBe(groupOf("sixteenth"));
    expect(groupOf("十六")).not.toBe(groupOf("报告"));
  });

  it("gives expansions less weight than the user's own words", () => {
    const terms = analyzeQuery("car makers", { expansions: table }).terms;
    const weight = (term: string) => terms.find((candidate) => candidate.term === term)?.weight;
    expect(weight("car")).toBe(1);
    expect(weight("auto")).toBeLessThan(1);
  });
});
