import { describe, expect, it } from "vitest";
import { createBot } from "../src/index.js";
import { FITTED_MODEL } from "../src/scoring/fitted-model.js";
import { testBot } from "./support.js";

// The code knows no document: the same bot answers over a folder of documents it has never
// seen and over the built-in document with its curated datasets switched off.
describe("the bot on corpora without curated data", () => {
  it("answers questions about a folder of real documents from their exact text", async () => {
    const { bot, corpus } = await testBot("other-docs");
    const answer = await bot.ask("How much did DOE award in battery grants, and to how many companies?");
    expect(answer.abstained).toBe(false);
    expect(answer.answer).toMatch(/2\.8 billion/);
    for (const citation of answer.citations) {
      const document = corpus.documents.find((d) => d.id === citation.docId);
      expect(document?.text.slice(citation.start, citation.end)).toBe(citation.quote);
    }
  });

  it("refuses an off-topic question naming the loaded documents by title, not the built-in topic", async () => {
    const { bot, corpus } = await testBot("other-docs");
    const answer = await bot.ask("What's a good stretching routine for lower back pain?");
    expect(answer.abstained).toBe(true);
    expect(answer.answer).toContain(corpus.documents[0]?.title);
    expect(answer.answer).toMatch(/and 2 more/);
    expect(answer.answer).not.toMatch(/New Industrialization/);
  });

  it("answers 'what is this about?' from a document's lead, for any document", async () => {
    const { bot, corpus } = await testBot("other-docs");
    const answer = await bot.ask("What's the main point of the copper tariffs piece, in a nutshell?");
    expect(answer.abstained).toBe(false);
    const copper = corpus.documents.find((document) => /copper/i.test(document.title));
    expect(answer.citations.length).toBeGreaterThan(0);
    expect(answer.citations.every((citation) => citation.docId === copper?.id)).toBe(true);
  });

  it("works on the built-in document with its datasets switched off", async () => {
    const { bot } = await testBot("bare");
    const answer = await bot.ask("how many car makers did china have in 2020");
    expect(answer.answer).toMatch(/122/);
    const refusal = await bot.ask("who won the 2018 FIFA World Cup?");
    expect(refusal.abstained).toBe(true);
  });

  it("consults the sentence encoder only through ask, never through the synchronous answer", async () => {
    const { corpus, index } = await testBot("builtin");
    const calls: string[][] = [];
    const encoder = {
      async embed(texts: readonly string[]) {
        calls.push([...texts]);
        return texts.map((text) => {
          const vector = new Float32Array(8);
          for (let i = 0; i < text.length; i++)
            vector[i % 8] = (vector[i % 8] ?? 0) + text.charCodeAt(i) / 1000;
          const norm = Math.hypot(...vector) || 1;
          return vector.map((value) => value / norm);
        });
      },
    };
    // A model that consults the encoder on every English question.
    const model = { ...FITTED_MODEL, band: [0, 1] as const };
    const bot = createBot({ corpus, index, model, semantic: { encoder, sentenceVectors: [] } });
    bot.answer("Does the minister think older factories should just be shut down?");
    expect(calls).toHaveLength(0);
    const answer = await bot.ask("Does the minister think older factories should just be shut down?");
    expect(answer.question).toMatch(/minister/);
    expect(calls.length).toBeGreaterThan(0);
    await bot.ask("Does the minister think older factories should just be shut down?");
    // Each sentence and question is encoded once.
    const encoded = calls.flat();
    expect(new Set(encoded).size).toBe(encoded.length);
  });
});
