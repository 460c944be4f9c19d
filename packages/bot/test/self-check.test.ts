import { readdirSync, readFileSync } from "node:fs";
import type { Corpus } from "@newind/core";
import { loadDefaultCorpus } from "@newind/data";
import { createSearchIndex } from "@newind/search";
import { beforeAll, describe, expect, it } from "vitest";
import { type Bot, createBot } from "../src/create-bot.js";

// Questions written apart from ../shared/eval (fixtures/extra-questions-*.jsonl, same format
// and kinds) to check that what the bot does on dev generalises. Graded like the README:
// must_include groups, overlap with an evidence quote, abstention on unanswerable/offtopic.
interface Question {
  id: string;
  kind: string;
  question: string;
  turns?: string[];
  must_include: string[][];
  evidence: string[];
}

const ABSTAIN = new Set(["unanswerable", "offtopic"]);
const fixtures = new URL("./fixtures/", import.meta.url);
const questions: Question[] = readdirSync(fixtures)
  .filter((file) => /^extra-questions.*\.jsonl$/.test(file))
  .sort()
  .flatMap((file) =>
    readFileSync(new URL(file, fixtures), "utf8")
      .split("\n")
      .filter((line) => line.trim())
      .map((line) => JSON.parse(line) as Question),
  );

let corpus: Corpus;
let bot: Bot;
beforeAll(async () => {
  corpus = await loadDefaultCorpus();
  bot = createBot({ corpus, index: await createSearchIndex(corpus) });
});

describe("self-check questions beside the dev set", () => {
  it("answers ≥ 0.95 of the answerable ones with a cited span, abstains on ≥ 0.91 of the rest, false-abstains on ≤ 0.03", () => {
    const text = corpus.documents[0]?.text ?? "";
    let answerable = 0;
    let correct = 0;
    let cited = 0;
    let falseAbstain = 0;
    let unanswerable = 0;
    let abstained = 0;
    for (const q of questions) {
      const answer = bot.answer(q.question, { history: q.turns ?? [] });
      if (ABSTAIN.has(q.kind)) {
        unanswerable++;
        if (answer.abstained) abstained++;
        continue;
      }
      answerable++;
      if (answer.abstained) falseAbstain++;
      const lower = answer.answer.toLowerCase();
      if (
        !answer.abstained &&
        q.must_include.every((group) => group.some((alt) => lower.includes(alt.toLowerCase())))
      ) {
        correct++;
      }
      const gold = q.evidence.flatMap((quote) => {
        const start = text.indexOf(quote);
        return start < 0 ? [] : [[start, start + quote.length] as const];
      });
      if (answer.citations.some((c) => gold.some(([s, e]) => c.start < e && s < c.end))) cited++;
    }
    expect(answerable).toBeGreaterThanOrEqual(100);
    expect(correct / answerable).toBeGreaterThanOrEqual(0.95);
    expect(cited / answerable).toBeGreaterThanOrEqual(0.93);
    // 0.93 was reached with coverage thresholds that over-fitted these questions and punished
    // paraphrase on independent ones (test/independent.test.ts); abstention now rests more on
    // what the corpus lacks (an asked-for attribute, year, figure or date) than on coverage.
    expect(abstained / unanswerable).toBeGreaterThanOrEqual(0.91);
    expect(falseAbstain / answerable).toBeLessThanOrEqual(0.03);
  });
});
