import { Answer } from "@newind/core";
import { describe, expect, it } from "vitest";
import { testBot } from "../test/support.js";
import { createBot, MAX_HISTORY_READ } from "./index.js";

/** Every citation's quote is exactly its document's text at its span. */
function expectExact(answer: Answer, texts: ReadonlyMap<string, string>): void {
  for (const citation of [...answer.citations, ...(answer.related ?? [])]) {
    expect(texts.get(citation.docId)?.slice(citation.start, citation.end)).toBe(citation.quote);
  }
}

describe(createBot, () => {
  it("answers from an exact span of the document, with numbered citations", async () => {
    const { bot, corpus } = await testBot("builtin");
    const answer = await bot.ask("When did BYD start making batteries?");
    expect(Answer.parse(answer)).toEqual(answer);
    expect(answer.abstained).toBe(false);
    expect(answer.intent).toBe("date");
    expect(answer.answer).toContain("1995");
    expect(answer.answer).toMatch(/\[1\]/);
    expect(answer.citations[0]?.n).toBe(1);
    expectExact(answer, new Map(corpus.documents.map((d) => [d.id, d.text])));
  });

  it("refuses a question the documents do not cover, naming them by title, with the closest passages", async () => {
    const { bot, corpus } = await testBot("builtin");
    const answer = await bot.ask("How do I center a div in CSS?");
    expect(answer.abstained).toBe(true);
    expect(answer.citations).toEqual([]);
    expect(answer.answer).toContain(corpus.documents[0]?.title);
    expect(answer.answer).not.toMatch(/New Industrialization policy/i);
    expectExact(answer, new Map(corpus.documents.map((d) => [d.id, d.text])));
  });

  it("follows up on the subject of the previous turn, and answers 'what did he call it' with his words", async () => {
    const { bot } = await testBot("builtin");
    const conversation = bot.conversation();
    const first = await conversation.ask("who is Jin Zhuanglong?");
    expect(first.abstained).toBe(false);
    const second = await conversation.ask("what did he call New Industrialization?");
    expect(second.abstained).toBe(false);
    expect(second.answer).toMatch(/inevitable requirement/);
    // The same conversation, given as history strings, is answered the same way.
    const replayed = await bot.ask("what did he call New Industrialization?", {
      history: ["who is Jin Zhuanglong?"],
    });
    expect(replayed.answer).toBe(second.answer);
  });

  it("does not carry a refused question's subject into the next turn", async () => {
    const { bot } = await testBot("builtin");
    const alone = await bot.ask("and what about it?");
    const afterRefusal = await bot.ask("and what about it?", {
      history: ["When did BYD start making batteries?", "what is the recipe for sourdough bread?"],
    });
    const afterAnswer = await bot.ask("and what about it?", {
      history: ["When did BYD start making batteries?"],
    });
    // A refused turn is skipped: the earlier answered one is followed up, as without the refusal.
    expect(afterRefusal.answer).toBe(afterAnswer.answer);
    expect(alone.answer).not.toBe(afterAnswer.answer);
  });

  it("gives the closest passages of a refused question from the question alone, not the earlier topic", async () => {
    const { bot } = await testBot("builtin");
    const fresh = await bot.ask("what is the capital of Australia?");
    const afterTopic = await bot.ask("what is the capital of Australia?", {
      history: ["When did BYD start making batteries?"],
    });
    expect(afterTopic.abstained).toBe(true);
    expect(afterTopic.related).toEqual(fresh.related);
  });

  it("is deterministic: the same question and history give the same answer", async () => {
    const { bot } = await testBot("builtin");
    const question = "how many car makers did china have in 2020";
    expect(await bot.ask(question)).toEqual(await bot.ask(question));
    expect(bot.answer(question)).toEqual(bot.answer(question));
  });

  it("takes any input without throwing or rejecting: null options, non-strings, a throwing toString, prototype words", async () => {
    const { bot } = await testBot("builtin");
    await expect(bot.ask("What is BYD?", null as never)).resolves.toMatchObject({ question: "What is BYD?" });
    const hostile = {
      toString() {
        throw new Error("no");
      },
    };
    await expect(bot.ask(hostile as never)).resolves.toMatchObject({ abstained: true, question: "" });
    expect(bot.answer(undefined as never)).toMatchObject({ abstained: true });
    for (const word of ["constructor", "__proto__", "toString", "hasOwnProperty", "prototype"]) {
      const answer = await bot.ask(`what is the ${word} of BYD`, { history: [word, `${word}?`] });
      expect(Answer.parse(answer)).toEqual(answer);
    }
    const history = [42, null, { x: 1 }, "When did BYD start making batteries?"] as never;
    await expect(bot.ask("and then?", { history })).resolves.toMatchObject({ question: "and then?" });
  });

  it("reads only the last turns of a very long history", async () => {
    const { bot } = await testBot("builtin");
    const history = Array.from({ length: 100_000 }, (_, i) => `question number ${i} about BYD`);
    const answer = await bot.ask("and when was that?", { history });
    expect(answer.question).toBe("and when was that?");
    expect(MAX_HISTORY_READ).toBeLessThanOrEqual(20);
  });

  it("needs a corpus and its search index, and says so", async () => {
    const { corpus } = await testBot("builtin");
    expect(() => createBot({ corpus } as never)).toThrow(/search index/);
    expect(() => createBot(null as never)).toThrow(TypeError);
  });

  it("reports an error under test through onError instead of hiding it", async () => {
    const { corpus, index } = await testBot("builtin");
    const errors: unknown[] = [];
    const broken = {
      ...index,
      candidates: () => {
        throw new Error("boom");
      },
      analyze: index.analyze.bind(index),
      documentFrequency: index.documentFrequency.bind(index),
    };
    const bot = createBot({
      corpus,
      index: broken as never,
      semantic: false,
      options: { onError: (error) => errors.push(error) },
    });
    const answer = await bot.ask("When did BYD start making batteries?");
    expect(answer.abstained).toBe(true);
    expect(errors).toHaveLength(1);
    expect(String(errors[0])).toMatch(/boom/);
  });
});
