import { loadDefaultCorpus } from "@newind/data";
import { createSearchIndex } from "@newind/search";
import { beforeAll, describe, expect, it } from "vitest";
import { type Bot, createBot } from "../src/create-bot.js";

let bot: Bot;
beforeAll(async () => {
  const corpus = await loadDefaultCorpus();
  bot = createBot({ corpus, index: await createSearchIndex(corpus) });
});

describe("the rest of a counted whole", () => {
  it.each([
    "How many Chinese car makers ran at 60% capacity or better in 2020?",
    "how many auto manufacturers were not running below 60 percent capacity",
    "how many automakers were at or above 60% utilization",
  ])("%s → 122 − 101", (question) => {
    const answer = bot.answer(question);
    expect(answer.abstained).toBe(false);
    expect(answer.answer).toMatch(/^21 \(122 − 101 = 21\) \[1\]/);
    expect(answer.citations[0]?.quote).toContain("101");
  });
  it("gives the part itself when that is what is asked", () => {
    const answer = bot.answer("how many auto manufacturers were running below 60 percent capacity in 2020?");
    expect(answer.answer).toContain("101");
    expect(answer.answer).not.toContain("122 − 101");
  });
});

describe("questions about an acronym or the document itself", () => {
  it("answers what an acronym stands for from the entity it names", () => {
    const answer = bot.answer("ICT stands for what");
    expect(answer.abstained).toBe(false);
    expect(answer.answer.toLowerCase()).toContain("information and communication");
  });
  it("answers what the document is about with its summary", () => {
    const answer = bot.answer("What is the article about?");
    expect(answer.abstained).toBe(false);
    expect(answer.answer.toLowerCase()).toContain("new industrialization");
  });
});

describe("a follow-up that elides the noun the previous question asked for", () => {
  it("reads 'which ones' as the previous question's 'which countries'", () => {
    const answer = bot.answer("and which ones is China trying to be like?", {
      history: ["Which countries compete with China in low-end manufacturing?"],
    });
    expect(answer.abstained).toBe(false);
    for (const country of ["Germany", "Japan", "Singapore"]) expect(answer.answer).toContain(country);
  });
});

describe("which item of a curated list a question names", () => {
  it.each([
    ["which of the four elements deals with local protectionism", /^The fourth element \(of 4\)/],
    ["which directive concerns 6G", /^The third directive \(of 5\)/],
    ["清洁技术是新型工业化的第几个要素？", /^The third element \(of 4\)/],
  ])("%s", (question, expected) => {
    const answer = bot.answer(question);
    expect(answer.abstained).toBe(false);
    expect(answer.answer).toMatch(expected);
    expect(answer.citations).toHaveLength(1);
  });
});

describe("a person's title where they work", () => {
  it("answers from the entity whose description names the other entity asked with it", () => {
    const answer = bot.answer("cory combs position at trivium china");
    expect(answer.abstained).toBe(false);
    expect(answer.answer).toMatch(/^Cory Combs: Associate Director/);
  });
});
