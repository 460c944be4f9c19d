import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Corpus } from "@newind/core";
import { loadCorpus } from "@newind/data/loaders";
import { createSearchIndex } from "@newind/search";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gather } from "../src/answer-question.js";
import { BotContext } from "../src/bot-context.js";
import { composeAnswer, missingNote } from "../src/compose/compose-answer.js";
import { assertCitations, type Bot, createBot } from "../src/index.js";
import { documentAuthors } from "../src/strategies/document-authors.js";

// What a user's documents are made of beyond paragraphs — a Markdown table, a page's byline, a
// source note that is only a web address — is read as such, in documents the code has never
// seen (made up here).
const DOCUMENTS: Record<string, string> = {
  "tariff-timelines.md": [
    "---",
    "title: Tariff Timelines",
    "date: 2026-01-15",
    "---",
    "",
    "Two investigations led to tariffs on imported metals. Table 1 compares how long each one took.",
    "",
    "| Action | Steel | Aluminium |",
    "|---|---|---|",
    "| Investigation opened | April 19, 2017 | April 26, 2017 |",
    "| Public hearing held | May 24, 2017 | June 22, 2017 |",
    "| Report submitted |  | June 30, 2017 |",
    "| Tariffs first go into effect | March 23, 2018 | March 23, 2018 |",
    "",
    "Imports of both metals fell in the year after the tariffs.",
    "",
    "Source: https://example.org/reports/2018/metal-tariffs-investigation-timeline-full-text.html",
    "",
  ].join("\n"),
  "mineral-review.md": [
    "---",
    "title: Battery Mineral Review",
    "---",
    "",
    "The supply chain review recommended (1) taking a mineral-by-mineral approach to expand sustainable, responsible domestic mining, processing, and recycling of the minerals that batteries need, with new funding for pilot plants, research centres, and the training of a skilled workforce in every region that hosts them; (2) working with partners and allies to diversify international supply chains, recognizing that national and economic security is bolstered through strong alliances, and that coalitions of reliable partners reinforce the security of supply chains for everyone who takes part in them, large or small; and (3) developing a faster and fairer domestic process that meets strong environmental and labor standards, ensures meaningful community engagement and consultation with the towns near each mine, and reduces the time and cost of permitting.",
    "",
  ].join("\n"),
  "quist-remarks.txt": [
    "Remarks by Adviser Mara Quist on Cheap Steel",
    "",
    "Thank you all for coming. A problem, according to the mayor, is the price of bread.",
    "",
    "Cheap steel from overbuilt mills undermines innovation and competition, and it costs workers their jobs.",
    "",
  ].join("\n"),
  "scrap-metal-notes.md": [
    "---",
    "title: Notes on Scrap Metal Exports",
    "author: Lena Ortiz",
    "---",
    "",
    "Scrap metal exports rose as mills abroad paid more for scrap metal.",
    "",
    "Scrap metal prices at home fell, and scrap metal dealers wrote to Congress.",
    "",
    "## Author Information",
    "",
    "Lena Ortiz, Analyst in Trade",
    "",
  ].join("\n"),
  "policy-responses.md": [
    "---",
    "title: Policy Responses to Mineral Shortages",
    "---",
    "",
    "The state has three policy responses, which include:",
    "",
    "### Export controls:",
    "",
    "Restrictions on advanced tools limit rivals' access to refining know-how.",
    "",
    "### Stockpiles:",
    "",
    "The state buys cobalt when prices fall and sells it when they spike.",
    "",
  ].join("\n"),
  "yeast-shortage.md": [
    "---",
    "title: Bakers and Glass Jars",
    "---",
    "",
    "Demand for yeast quadrupled in spring 2020 as people baked at home. A lack of glass jars, not of yeast, led to the shortage and the delays.",
    "",
    "https://example.org/business/2020/04/yeast-shortage-supermarkets-coronavirus.html",
    "",
  ].join("\n"),
  "shortages.html": `<!doctype html><html><head><title>Preventing Supply Shortages</title></head><body>
    <main><p class="breadcrumb">Home / Briefing Room / Blog</p>
    <h1>Preventing Supply Shortages</h1>
    <p class="byline">By: Ana Ruiz and Tom Okafor</p>
    <p>Shortages of small parts stopped car plants for weeks. A missing glass jar can stop a bakery.</p>
    <p>The office will map supply chains and warn firms early.</p></main></body></html>`,
};

let dir = "";
let corpus: Corpus;
let context: BotContext;
let bot: Bot;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "newind-structure-"));
  for (const [name, text] of Object.entries(DOCUMENTS)) writeFileSync(join(dir, name), text);
  corpus = await loadCorpus({ dirs: [dir], includeDefault: false });
  const index = await createSearchIndex(corpus);
  context = new BotContext(corpus, index);
  bot = createBot({
    corpus,
    index,
    options: {
      onError: (error) => {
        throw error;
      },
    },
  });
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sentenceWith = (text: string) => corpus.sentences.findIndex((sentence) => sentence.text.includes(text));

describe("the structure of a user's documents", () => {
  it("reads a table row with its columns: a row is a list item under the header row", () => {
    const row = corpus.sentences[sentenceWith("Tariffs first go into effect")];
    expect(row?.text).toBe("Tariffs first go into effect | March 23, 2018 | March 23, 2018");
    const passage = corpus.passages.find((p) => p.id === row?.passageId);
    expect(passage?.kind).toBe("list-item");
    expect(corpus.passages.find((p) => p.id === passage?.leadIn)?.text).toBe("Action | Steel | Aluminium");
  });

  it("takes a sentence that is mostly a web address for a source note, not a statement", () => {
    expect(context.sentence(sentenceWith("Source: https://")).apparatus).toBe(true);
    expect(context.sentence(sentenceWith("Imports of both metals fell")).apparatus).toBe(false);
    expect(context.sentence(sentenceWith("Two investigations led")).apparatus).toBe(false);
  });

  it("does not quote a bare web address beside an answer from the text", async () => {
    const answer = await bot.ask("Why was there a yeast shortage in 2020?");
    expect(answer.answer).toMatch(/glass jars/);
    expect(answer.answer).not.toMatch(/https?:/);
  });

  it("answers who wrote a page from its byline", async () => {
    const answer = await bot.ask("Who wrote the blog post on supply shortages?");
    expect(answer.abstained).toBe(false);
    expect(answer.answer).toMatch(/Ana Ruiz and Tom Okafor/);
    assertCitations(answer.citations, new Map(corpus.documents.map((d) => [d.id, d])));
  });

  it("answers who wrote a document from the note naming its author, not from its topic sentences", async () => {
    const answer = await bot.ask("Who wrote the notes on scrap metal?");
    // The front matter's author, cited where the file names her, and the note on her.
    expect(answer.answer).toMatch(/^Lena Ortiz \[1\]\. Lena Ortiz, Analyst in Trade \[2\]/);
    assertCitations(answer.citations, new Map(corpus.documents.map((d) => [d.id, d])));
    // A question about a work the documents do not hold is not answered from a byline.
    const elsewhere = gather(context, "Who wrote Harry Potter?", []).analysis;
    expect(documentAuthors.applies(context, elsewhere)).toBe(true);
    expect(documentAuthors.draft(context, elsewhere)).toBeUndefined();
  });

  it("quotes a sentence the corpus cut for length to its end when the answer has room", async () => {
    const pieces = corpus.sentences.filter((sentence) => sentence.docId === "mineral-review");
    expect(pieces.length).toBeGreaterThan(1);
    const answer = await bot.ask("What were the three recommendations of the battery mineral review?");
    expect(answer.answer).toMatch(/mineral-by-mineral/);
    expect(answer.answer).toMatch(/partners and allies/);
    expect(answer.answer).toMatch(/cost of permitting/);
    assertCitations(answer.citations, new Map(corpus.documents.map((d) => [d.id, d])));
  });

  it("does not call a word missing from the answer when it named the cited document ('according to Quist')", () => {
    const question = "why is cheap steel a problem according to Quist?";
    const gathered = gather(context, question, []);
    expect([...gathered.input.named.documents]).toEqual(["quist-remarks"]);
    const chosen = [{ sentence: sentenceWith("Cheap steel from overbuilt mills"), rank: 0, score: 1 }];
    expect(missingNote(context, gathered.analysis, chosen, true)).toMatch(/quist/);
    expect(missingNote(context, gathered.analysis, chosen, true, gathered.input.named)).not.toMatch(/quist/);
  });

  it("quotes a table row with an empty cell under its header, and the header once for two rows", () => {
    const analysis = gather(context, "When was the report submitted?", []).analysis;
    const row = sentenceWith("Report submitted");
    const hearing = sentenceWith("Public hearing held");
    const one = composeAnswer(context, analysis, [{ sentence: row, rank: 0, score: 1 }]);
    expect(one.text).toMatch(/^Action \| Steel \| Aluminium \[1\]\. Report submitted/);
    const two = composeAnswer(context, analysis, [
      { sentence: row, rank: 0, score: 1 },
      { sentence: hearing, rank: 1, score: 1 },
    ]);
    expect(two.text.match(/Action \| Steel \| Aluminium/g)).toHaveLength(1);
    expect(two.text).toMatch(/Public hearing held/);
  });

  it("answers from the paragraph a label line introduces ('Export controls:')", async () => {
    const answer = await bot.ask("What do export controls do?");
    expect(answer.answer).toMatch(/^Export controls:? \[1\]\.? Restrictions on advanced tools/);
    assertCitations(answer.citations, new Map(corpus.documents.map((d) => [d.id, d])));
  });

  it("answers a date question from the table row that holds it", async () => {
    const answer = await bot.ask("When did the steel tariffs first go into effect?");
    expect(answer.abstained).toBe(false);
    // The row is read with the table's header, which says which column is which.
    expect(answer.answer).toMatch(
      /Action \| Steel \| Aluminium.*Tariffs first go into effect \| March 23, 2018/s,
    );
    assertCitations(answer.citations, new Map(corpus.documents.map((d) => [d.id, d])));
  });
});
