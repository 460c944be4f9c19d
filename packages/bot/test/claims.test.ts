import { readdirSync, readFileSync } from "node:fs";
import type { Answer, Corpus } from "@newind/core";
import { analyzeText } from "@newind/search";
import { describe, expect, it } from "vitest";
import { QUESTIONS, testBot } from "./support.js";

interface Question {
  id: string;
  question: string;
  turns?: string[];
}

function readQuestions(folder: string): Question[] {
  return readdirSync(`${QUESTIONS}${folder}`)
    .filter((file) => file.endsWith(".jsonl"))
    .flatMap((file) =>
      readFileSync(`${QUESTIONS}${folder}/${file}`, "utf8")
        .split("\n")
        .filter((line) => line.trim())
        .map((line) => JSON.parse(line) as Question),
    );
}

/** Text the bot writes that is not a claim of a quote: a count computed from the cited items, an item's position. */
const NOTES =
  /Counting the items listed: \w+ \(\d+\)\.\s*|^Item \d+ of \d+:\s*|^The passages that fit best do not mention .*?: /gmu;

/**
 * The claims of an answer: each run of text before a group of markers "[n]…", with the
 * citations those markers name.
 */
function claimsOf(answer: Answer): Array<{ text: string; numbers: number[] }> {
  const claims: Array<{ text: string; numbers: number[] }> = [];
  const pattern = /((?:\[\d+\])+)/g;
  let last = 0;
  for (const match of answer.answer.matchAll(pattern)) {
    const text = answer.answer.slice(last, match.index).replace(NOTES, "");
    const numbers = [...(match[1] ?? "").matchAll(/\d+/g)].map((m) => Number(m[0]));
    claims.push({ text, numbers });
    last = (match.index ?? 0) + match[0].length;
  }
  return claims;
}

/** Every content word of every claim appears in the quotes it cites (or names the quote's speaker). */
function unsupportedWords(answer: Answer, corpus: Corpus): string[] {
  const missing: string[] = [];
  for (const claim of claimsOf(answer)) {
    const cited = answer.citations.filter((citation) => claim.numbers.includes(citation.n));
    const allowed = new Set<string>();
    for (const citation of cited) {
      for (const term of analyzeText(citation.quote)) allowed.add(term);
      const speaker = corpus.passages.find((passage) => passage.id === citation.passageId)?.speaker;
      for (const term of analyzeText(speaker ?? "")) allowed.add(term);
    }
    for (const term of analyzeText(claim.text)) if (!allowed.has(term)) missing.push(term);
  }
  return missing;
}

describe("every claim in its quote", () => {
  for (const [name, folder] of [
    ["the built-in document", "builtin"],
    ["the built-in document's earlier question sets", "training"],
    ["documents with no curated data", "docs"],
  ] as const) {
    it(`holds on every answer to the questions about ${name}`, async () => {
      const { bot, corpus } = await testBot(folder === "docs" ? "other-docs" : "builtin");
      const texts = new Map(corpus.documents.map((document) => [document.id, document.text]));
      const questions = readQuestions(folder);
      expect(questions.length).toBeGreaterThan(70);
      let answered = 0;
      for (const question of questions) {
        const answer = bot.answer(question.question, { history: question.turns ?? [] });
        for (const citation of [...answer.citations, ...(answer.related ?? [])]) {
          expect(texts.get(citation.docId)?.slice(citation.start, citation.end), question.id).toBe(
            citation.quote,
          );
        }
        if (answer.abstained) continue;
        answered++;
        expect(answer.citations.length, question.id).toBeGreaterThan(0);
        expect(unsupportedWords(answer, corpus), `${question.id}: ${answer.answer}`).toEqual([]);
        // Markers are numbered by first appearance: [1] comes first.
        const order = [...answer.answer.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
        expect(order[0], question.id).toBe(1);
      }
      expect(answered).toBeGreaterThan(questions.length / 2);
    });
  }
});
