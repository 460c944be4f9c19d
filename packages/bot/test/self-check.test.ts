import type { Corpus } from "@newind/core";
import { loadDefaultCorpus } from "@newind/data";
import { createSearchIndex } from "@newind/search";
import { beforeAll, describe, expect, it } from "vitest";
import { type Bot, createBot } from "../src/create-bot.js";
import { gradeQuestions, readFixtureQuestions } from "./grade-questions.js";

// Questions written apart from ../shared/eval (fixtures/extra-questions-*.jsonl, same format
// and kinds) to check that what the bot does on dev generalises. Graded by the README's rules
// (grade-questions.ts), length limits included.
const questions = readFixtureQuestions(/^extra-questions.*\.jsonl$/);

let corpus: Corpus;
let bot: Bot;
beforeAll(async () => {
  corpus = await loadDefaultCorpus();
  bot = createBot({ corpus, index: await createSearchIndex(corpus) });
});

describe("self-check questions beside the dev set", () => {
  it("answers ≥ 0.95 of the answerable ones with a cited span, abstains on ≥ 0.91 of the rest, false-abstains on ≤ 0.03", () => {
    const grades = gradeQuestions(bot, questions, corpus.documents[0]?.text ?? "");
    expect(grades.answerable).toBeGreaterThanOrEqual(100);
    expect(grades.answer).toBeGreaterThanOrEqual(0.95);
    expect(grades.cite).toBeGreaterThanOrEqual(0.93);
    // 0.93 was reached with coverage thresholds that over-fitted these questions and punished
    // paraphrase on independent ones (test/independent.test.ts); abstention now rests more on
    // what the corpus lacks (an asked-for attribute, year, figure or date) than on coverage.
    expect(grades.abstain).toBeGreaterThanOrEqual(0.91);
    expect(grades.falseAbstain).toBeLessThanOrEqual(0.03);
  });
});
