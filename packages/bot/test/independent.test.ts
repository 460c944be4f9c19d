import { readdirSync, readFileSync } from "node:fs";
import type { Corpus } from "@newind/core";
import { loadDefaultCorpus } from "@newind/data";
import { createSearchIndex } from "@newind/search";
import { beforeAll, describe, expect, it } from "vitest";
import { type Bot, createBot } from "../src/create-bot.js";

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
  .filter((file) => /^independent-questions.*\.jsonl$/.test(file))
  .sort()
  .flatMap((file) =>
    readFileSync(new URL(file, fixtures), "utf8")
      .split("\n")
      .filter((line) => line.trim())
      .map((line) => JSON.parse(line) as Question),
  );

const FLOORS = { answer: 0.935, cite: 0.89, abstain: 0.97, falseAbstain: 0.042 };

let corpus: Corpus;
let bot: Bot;
beforeAll(async () => {
  corpus = await loadDefaultCorpus();
  bot = createBot({ corpus, index: await createSearchIndex(corpus) });
});

describe("independently written questions", () => {
  it(`answers ≥ ${FLOORS.answer}, cites ≥ ${FLOORS.cite}, abstains ≥ ${FLOORS.abstain}, false-abstains ≤ ${FLOORS.falseAbstain}`, () => {
    const text = corpus.documents[0]?.text ?? "";
    const spans = (quote: string) => {
      const out: Array<[number, number]> = [];
      for (let i = text.indexOf(quote); i >= 0; i = text.indexOf(quote, i + 1))
        out.push([i, i + quote.length]);
      return out;
    };
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
      const max = q.kind === "list" || q.kind === "multi" ? 900 : 600;
      if (
        !answer.abstained &&
        lower.length <= max &&
        q.must_include.every((group) => group.some((alt) => lower.includes(alt.toLowerCase())))
      ) {
        correct++;
      }
      const gold = q.evidence.flatMap(spans);
      if (
        answer.citations.some(
          (c) => c.end - c.start <= 750 && gold.some(([s, e]) => c.start < e && s < c.end),
        )
      )
        cited++;
    }
    expect(answerable).toBeGreaterThanOrEqual(100);
    expect(correct / answerable).toBeGreaterThanOrEqual(FLOORS.answer);
    expect(cited / answerable).toBeGreaterThanOrEqual(FLOORS.cite);
    expect(abstained / unanswerable).toBeGreaterThanOrEqual(FLOORS.abstain);
    expect(falseAbstain / answerable).toBeLessThanOrEqual(FLOORS.falseAbstain);
  });
});
