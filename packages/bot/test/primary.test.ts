import { beforeAll, describe, expect, it } from "vitest";
import { assertCitations } from "../src/index.js";
import { testBot } from "./support.js";

const HAN = /\p{Script=Han}/u;

// The built-in analysis beside the 61 Chinese primary sources (--primary): a question that names a
// document is answered from it, in the question's language first, the other language beside it.
describe("the bot over the primary collection", () => {
  // The collection's search index (34,000 sentences, Chinese words and bigrams) takes 20–40 s to build.
  beforeAll(async () => {
    await testBot("primary");
  }, 180_000);

  it("answers a Chinese question about a named congress report with that report's own sentence, first", async () => {
    const { bot, corpus } = await testBot("primary");
    const answer = await bot.ask("党的十六大报告提出要走什么样的工业化道路？");
    expect(answer.abstained).toBe(false);
    // First: the report's own sentence on the road it proposes, not a boilerplate opening.
    const first = answer.citations[0];
    expect(first?.docId).toBe("cpc-16");
    expect(first?.quote).toMatch(/新型工业化/);
    assertCitations(answer.citations, new Map(corpus.documents.map((d) => [d.id, d])));
  }, 60_000);

  it("cites the Chinese passage beside the analysis's English sentence for an English question", async () => {
    const { bot, corpus } = await testBot("primary");
    const answer = await bot.ask("what does the 20th Party Congress report say about new industrialization?");
    expect(answer.abstained).toBe(false);
    expect(answer.citations[0]?.docId).toBe("new-industrialization");
    const chinese = answer.citations.find((c) => c.docId === "cpc-20");
    expect(chinese?.quote).toMatch(/新型工业化/);
    assertCitations(answer.citations, new Map(corpus.documents.map((d) => [d.id, d])));
  }, 60_000);

  it("answers from the document a year names, not from another year's report", async () => {
    const { bot, corpus } = await testBot("primary");
    const answer = await bot.ask("1988年的政府工作报告怎么评价乡镇企业？");
    expect(answer.abstained).toBe(false);
    expect(answer.citations[0]?.docId).toBe("gwr-1988");
    expect(answer.citations[0]?.quote).toMatch(/乡镇企业/);
    expect(HAN.test(answer.answer)).toBe(true);
    assertCitations(answer.citations, new Map(corpus.documents.map((d) => [d.id, d])));
  }, 60_000);
});
