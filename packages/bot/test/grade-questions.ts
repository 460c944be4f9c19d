import { readdirSync, readFileSync } from "node:fs";
import type { Bot } from "../src/create-bot.js";

/** A question of the ../shared/eval format (id, kind, question, turns, must_include, evidence). */
export interface Question {
  id: string;
  kind: string;
  question: string;
  turns?: string[];
  must_include: string[][];
  evidence: string[];
}

/** The shares the eval README grades, over one set of questions. */
export interface Grades {
  answerable: number;
  unanswerable: number;
  answer: number;
  cite: number;
  abstain: number;
  falseAbstain: number;
}

const ABSTAIN = new Set(["unanswerable", "offtopic"]);
const FIXTURES = new URL("./fixtures/", import.meta.url);

/** Every question of the fixture files whose names match `pattern`, in file-name order. */
export function readFixtureQuestions(pattern: RegExp): Question[] {
  return readdirSync(FIXTURES)
    .filter((file) => pattern.test(file))
    .sort()
    .flatMap((file) =>
      readFileSync(new URL(file, FIXTURES), "utf8")
        .split("\n")
        .filter((line) => line.trim())
        .map((line) => JSON.parse(line) as Question),
    );
}

/**
 * Grades the bot's answers by the eval README's rules (as ../shared/eval/grade.mjs does):
 * an answer is right when it does not abstain, stays within 600 characters (900 for list and
 * multi questions) and holds an alternative of every `must_include` group; it is cited when
 * a citation of at most 750 characters overlaps an evidence quote.
 */
export function gradeQuestions(bot: Bot, questions: readonly Question[], text: string): Grades {
  const spans = (quote: string) => {
    const out: Array<[number, number]> = [];
    for (let i = text.indexOf(quote); i >= 0; i = text.indexOf(quote, i + 1)) out.push([i, i + quote.length]);
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
      answer.citations.some((c) => c.end - c.start <= 750 && gold.some(([s, e]) => c.start < e && s < c.end))
    ) {
      cited++;
    }
  }
  return {
    answerable,
    unanswerable,
    answer: correct / answerable,
    cite: cited / answerable,
    abstain: abstained / unanswerable,
    falseAbstain: falseAbstain / answerable,
  };
}
