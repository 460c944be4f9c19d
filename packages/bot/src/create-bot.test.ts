import type { Answer, Corpus } from "@newind/core";
import { Answer as AnswerSchema } from "@newind/core";
import { loadDefaultCorpus } from "@newind/data";
import { createSearchIndex } from "@newind/search";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { normalizeQuestion } from "./analysis/normalize-question.js";
import { answerQuestion } from "./answering/answer-question.js";
import { MAX_ANSWER_LENGTH, MAX_LIST_ANSWER_LENGTH } from "./answering/compose.js";
import { createBotContext } from "./bot-context.js";
import { type Bot, createBot } from "./create-bot.js";

let corpus: Corpus;
let bot: Bot;
let plainBot: Bot;
beforeAll(async () => {
  corpus = await loadDefaultCorpus();
  bot = createBot({ corpus, index: await createSearchIndex(corpus) });
  plainBot = createBot({ corpus });
});

function expectGrounded(answer: Answer) {
  expect(AnswerSchema.safeParse(answer).success).toBe(true);
  const text = corpus.documents[0]?.text ?? "";
  for (const citation of answer.citations) {
    expect(citation.quote).toBe(text.slice(citation.start, citation.end));
    expect(citation.end - citation.start).toBeLessThanOrEqual(750);
    for (const footnote of corpus.footnotes) {
      expect(footnote.span.start < citation.end && citation.start < footnote.span.end).toBe(false);
    }
  }
  // Citations are numbered 1..n in order of first appearance in the text.
  const order = [...answer.answer.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
  const firsts = order.filter((n, i) => order.indexOf(n) === i);
  expect(firsts).toEqual(answer.citations.map((c) => c.n));
  expect(answer.answer.length).toBeLessThanOrEqual(MAX_LIST_ANSWER_LENGTH);
}

describe("createBot on the default corpus", () => {
  it("answers a date question with the date and an exact citation", async () => {
    const answer = await bot.ask("When did BYD start making lithium-ion batteries?");
    expect(answer.abstained).toBe(false);
    expect(answer.intent).toBe("date");
    expect(answer.answer).toContain("1995");
    expect(answer.answer).toMatch(/\[1\]/);
    expectGrounded(answer);
  });

  it("keeps a plain answer within 600 characters and a list within 900", async () => {
    const plain = await bot.ask(
      "How is the development model China is moving toward different from the old one?",
    );
    expect(plain.answer.length).toBeLessThanOrEqual(MAX_ANSWER_LENGTH);
    const list = await bot.ask("what are the four elements of xi's new industrialization");
    expect(list.answer.split("\n").length).toBeGreaterThanOrEqual(5);
    expect(list.answer.length).toBeLessThanOrEqual(MAX_LIST_ANSWER_LENGTH);
    expectGrounded(list);
  });

  it("never puts a footnote marker in an answer ('goals for 2035.7')", async () => {
    const answer = await bot.ask(
      "target year for achieving new industrialization in xi's 20th party congress report",
    );
    expect(answer.answer).toContain("2035");
    expect(answer.answer).not.toMatch(/2035\.7/);
  });

  it("computes the years between two events and cites both", async () => {
    const answer = await bot.ask(
      "How many years passed between New Industrialization first being proposed and Xi's party congress report making it a top goal?",
    );
    expect(answer.answer).toMatch(/20 years/);
    expect(answer.answer).toMatch(/2022 − 2002/);
    expect(answer.citations.length).toBeGreaterThanOrEqual(2);
    expectGrounded(answer);
  });

  it("translates a Chinese question and answers in English", async () => {
    const answer = await bot.ask("中国在哪些清洁技术制造领域占据全球主导地位？");
    expect(answer.abstained).toBe(false);
    expect(answer.answer.toLowerCase()).toContain("solar");
  });

  it("resolves a follow-up against the previous turn", async () => {
    const answer = await bot.ask("what did he call for?", { history: ["who is Li Qiang?"] });
    expect(answer.abstained).toBe(false);
    expect(answer.answer).toContain("all out");
    const elliptical = await bot.ask("and in the US?", {
      history: ["how many car makers did china have in 2020"],
    });
    expect(elliptical.answer).toContain("four");
  });

  it.each([
    "what's the best way to learn guitar as an adult?",
    "How much money has Beijing budgeted for New Industrialization subsidies?",
    "How many auto manufacturers will China have in 2030?",
    "What is the name of MIIT's vice minister?",
    // The attribute asked for is a word the corpus never uses.
    "Who is the CEO of CATL?",
    "How many employees does CATL have?",
  ])("abstains with related passages on %j", async (question) => {
    const answer = await bot.ask(question);
    expect(answer.abstained).toBe(true);
    expect(answer.citations).toEqual([]);
    expect(answer.answer).toMatch(/sources don't cover/);
  });

  it("computes 'how many times as many' from the two counts of one sentence, showing the arithmetic", async () => {
    const answer = await bot.ask(
      "How many times more car manufacturers did China have than the United States in 2020?",
    );
    expect(answer.abstained).toBe(false);
    expect(answer.answer).toContain("122 ÷ 4 = 30.5");
    expectGrounded(answer);
  });

  it("answers 'what is X's position' and 'what do the authors mean by X' about an entity", async () => {
    const position = await bot.ask("What is Kendra Schaefer's position?");
    expect(position.answer).toContain("Partner");
    const meaning = await bot.ask("What do the authors mean by the two-way squeeze?");
    expect(meaning.abstained).toBe(false);
    expect(meaning.answer).toMatch(/squeeze/i);
    expectGrounded(meaning);
  });

  it("reads a closed compound the corpus writes open ('payoff' as 'pay off')", async () => {
    const answer = await bot.ask("How long was it from the 1950s mineral investments to their payoff?");
    expect(answer.abstained).toBe(false);
    expect(answer.answer).toContain("30 years");
  });

  it("answers 'the third element' with that item of the curated list, in full", async () => {
    const answer = await bot.ask("What does the third element of Xi's New Industrialization involve?");
    expect(answer.abstained).toBe(false);
    expect(answer.answer).toMatch(/greening/);
    expectGrounded(answer);
  });

  it("offers the closest passages when the topic is near", async () => {
    const answer = await bot.ask("How many auto manufacturers will China have in 2030?");
    expect(answer.related?.length).toBeGreaterThan(0);
    expect(answer.related?.[0]?.quote).toBe(
      corpus.documents[0]?.text.slice(answer.related?.[0]?.start, answer.related?.[0]?.end),
    );
  });

  it("gives a gentle prompt for an empty question", async () => {
    const answer = await bot.ask("   ");
    expect(answer.abstained).toBe(true);
    expect(answer.answer).toMatch(/ask a question/i);
  });

  it("is deterministic: the same question and history give the same answer", async () => {
    const first = await bot.ask(
      "why does local protectionism keep chinese manufacturing stuck at the low end?",
    );
    const again = await bot.ask(
      "why does local protectionism keep chinese manufacturing stuck at the low end?",
    );
    expect(again).toEqual(first);
  });

  it.each([
    "when did byd start making lithium-ion batteries",
    "Can you tell me when BYD started making lithium-ion batteries?",
    "According to the article, when did BYD start making lithium-ion batteries?",
    "wen did byd startt making batterys",
  ])("reads %j like the plain question", async (question) => {
    const answer = await bot.ask(question);
    expect(answer.abstained).toBe(false);
    expect(answer.answer).toContain("1995");
  });

  it("works without a search index", async () => {
    const answer = await plainBot.ask("how many car makers did china have in 2020");
    expect(answer.answer).toContain("122");
    expectGrounded(answer);
  });
});

describe("createBot with arbitrary input", () => {
  it("never throws and always returns a grounded, schema-valid answer", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 300 }),
          fc.string({ unit: "binary", maxLength: 300 }),
          fc.constantFrom(
            "and in the US?",
            "why?",
            "who is he",
            "什么是新型工业化？",
            "\u001b[2J how many?",
            "2035.7",
          ),
        ),
        fc.array(fc.oneof(fc.string({ maxLength: 80 }), fc.constantFrom("who is Jin Zhuanglong?", "")), {
          maxLength: 4,
        }),
        (question, history) => {
          const answer = bot.answer(question, { history });
          expectGrounded(answer);
          expect(typeof answer.abstained).toBe("boolean");
        },
      ),
      { numRuns: 150 },
    );
  });

  it("does not lean on its safety net: the answering pipeline itself never throws", () => {
    const context = createBotContext(corpus, undefined);
    fc.assert(
      fc.property(
        fc.string({ maxLength: 200 }),
        fc.array(fc.string({ maxLength: 60 }), { maxLength: 3 }),
        (q, history) => {
          const question = normalizeQuestion(q).text;
          expect(() => answerQuestion(context, question, history)).not.toThrow();
        },
      ),
      { numRuns: 150 },
    );
  });

  it("survives histories that are not arrays of strings", () => {
    const history = [42, null, { turn: 1 }, "who is Li Qiang?"] as unknown as string[];
    expect(() => bot.answer("what did he call for?", { history })).not.toThrow();
  });
});
