import type { Corpus } from "@newind/core";
import { loadDefaultCorpus } from "@newind/data";
import { createSearchIndex } from "@newind/search";
import { beforeAll, describe, expect, it } from "vitest";
import { type Bot, createBot } from "../src/create-bot.js";
import { gradeQuestions, readFixtureQuestions } from "./grade-questions.js";

// Questions written independently of the bot, its dev set and its self-check sets
// (fixtures/independent-questions*.jsonl, the format and kinds of ../shared/eval): the first set
// by someone else, the second in everyday words after the thresholds were re-set, the third
// (50 fresh questions) used to find which general mechanisms were missing. They are for
// measuring whether mechanisms generalise; their phrasings are never copied into word lists. Graded by
// the README's rules, including the answer length limits. The floors are the levels reached
// (0.943 answer, 0.896 citation, 1.000 abstention, 0.036 false abstention on 192 + 36 questions)
// less one question's worth. The first two sets alone reach at least what they did (0.953 answer,
// 0.905 citation, 0.027 false abstention; abstention rose 0.967 -> 1.000); the third is harder (0.91 answer), which is why the
// false-abstention floor (0.035 -> 0.042) is the only one that loosened when it joined. Raise them, never lower them.
const questions = readFixtureQuestions(/^independent-questions.*\.jsonl$/);

const FLOORS = { answer: 0.935, cite: 0.89, abstain: 0.97, falseAbstain: 0.042 };

let corpus: Corpus;
let bot: Bot;
beforeAll(async () => {
  corpus = await loadDefaultCorpus();
  bot = createBot({ corpus, index: await createSearchIndex(corpus) });
});

describe("independently written questions", () => {
  it(`answers ≥ ${FLOORS.answer}, cites ≥ ${FLOORS.cite}, abstains ≥ ${FLOORS.abstain}, false-abstains ≤ ${FLOORS.falseAbstain}`, () => {
    const grades = gradeQuestions(bot, questions, corpus.documents[0]?.text ?? "");
    expect(grades.answerable).toBeGreaterThanOrEqual(100);
    expect(grades.answer).toBeGreaterThanOrEqual(FLOORS.answer);
    expect(grades.cite).toBeGreaterThanOrEqual(FLOORS.cite);
    expect(grades.abstain).toBeGreaterThanOrEqual(FLOORS.abstain);
    expect(grades.falseAbstain).toBeLessThanOrEqual(FLOORS.falseAbstain);
  });
});
