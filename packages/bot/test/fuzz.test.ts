import { Answer } from "@newind/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { testBot } from "./support.js";

// Words that break plain-object lookups, control characters and escape sequences, Chinese,
// figures and the documents' own words, mixed at random.
const WORDS = [
  "constructor",
  "__proto__",
  "toString",
  "hasOwnProperty",
  "valueOf",
  "BYD",
  "battery",
  "2020",
  "60%",
  "新型工业化",
  "的",
  "what",
  "when",
  "who",
  "it",
  "and",
  "list",
  "summarize",
  "\u001b[31m",
  "\u001b]0;title\u0007",
  "\u0000",
  "\r",
  "\t",
  "?",
  "“",
  "—",
];
const word = fc.oneof(
  fc.constantFrom(...WORDS),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: "grapheme", maxLength: 6 }),
);
const question = fc.array(word, { maxLength: 14 }).map((words) => words.join(" "));

describe("any question and history, on both corpora", () => {
  for (const name of ["builtin", "other-docs"] as const) {
    it(`gives a valid Answer with exact citations on ${name}`, async () => {
      const { bot, corpus } = await testBot(name);
      const texts = new Map(corpus.documents.map((document) => [document.id, document.text]));
      await fc.assert(
        fc.asyncProperty(question, fc.array(question, { maxLength: 4 }), async (q, history) => {
          const answer = await bot.ask(q, { history });
          expect(Answer.parse(answer)).toEqual(answer);
          expect(answer.answer.length).toBeLessThanOrEqual(900);
          expect(answer.answer.includes("\u001b")).toBe(false);
          for (const citation of [...answer.citations, ...(answer.related ?? [])]) {
            expect(texts.get(citation.docId)?.slice(citation.start, citation.end)).toBe(citation.quote);
          }
        }),
        { numRuns: 150, seed: 20261207 },
      );
    });
  }

  it("answers a 100 KB question from its question sentences, quickly enough to stay usable", async () => {
    const { bot } = await testBot("builtin");
    const paste = `${"Background about supply chains and many other things. ".repeat(2000)}When did BYD start making batteries?`;
    const answer = await bot.ask(paste);
    expect(answer.question.length).toBeLessThanOrEqual(2000);
    expect(answer.abstained).toBe(false);
    expect(answer.answer).toMatch(/1995/);
  });
});
