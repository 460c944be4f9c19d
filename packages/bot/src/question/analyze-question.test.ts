import { describe, expect, it } from "vitest";
import { loadTestCorpus } from "../../test/support.js";
import { analyzeQuestion, focusOf, splitParts } from "./analyze-question.js";
import { cueWords } from "./cues.js";

describe(analyzeQuestion, () => {
  const analyze = async (question: string) => {
    const { corpus, index } = await loadTestCorpus("builtin");
    return analyzeQuestion(question, index, corpus.sentences.length);
  };

  it("reads what kind of answer is wanted from the question's cue words", async () => {
    expect((await analyze("When did BYD start making batteries?")).intent).toBe("date");
    expect((await analyze("how many car makers ran under 60% capacity?")).intent).toBe("number");
    expect((await analyze("who heads the ministry")).intent).toBe("who");
    expect((await analyze("why is it urgent")).intent).toBe("why");
    expect((await analyze("list the four elements")).intent).toBe("list");
    expect((await analyze("比亚迪是哪一年开始生产电池的？")).intent).toBe("date");
  });

  it("takes the cue that comes first, a bare 'what is' only when nothing else is asked for", async () => {
    expect((await analyze("who said that, and when?")).intent).toBe("who");
    expect((await analyze("how many cars did china export last year?")).intent).toBe("number");
    expect((await analyze("What is the current tariff rate on steel?")).intent).toBe("number");
    expect((await analyze("What's the difference between the two plans?")).intent).toBe("comparison");
    expect((await analyze("What is the middle-income trap?")).intent).toBe("definition");
  });

  it("does not read a quoted document title's words as the question's cues", async () => {
    const { corpus, index } = await loadTestCorpus("builtin");
    const question = "what did the post When the Chips Are Down argue?";
    const title = [cueWords("When the Chips Are Down: Preventing and Addressing Supply Chain Disruptions")];
    expect(analyzeQuestion(question, index, corpus.sentences.length).intent).toBe("date");
    expect(analyzeQuestion(question, index, corpus.sentences.length, title).intent).not.toBe("date");
  });

  it("marks cue words, document words and unknown words, and weighs rare words more", async () => {
    const analysis = await analyze("In what year did the article say BYD began making batteries?");
    const byWord = new Map(analysis.concepts.map((concept) => [concept.word, concept]));
    expect(byWord.get("year")?.role).toBe("cue");
    expect(byWord.get("article")?.role).toBe("document");
    expect(byWord.get("byd")?.role).toBe("content");
    expect((byWord.get("byd")?.weight ?? 0) > (byWord.get("batteries")?.weight ?? 0)).toBe(true);
    const unknown = await analyze("what did the zorblax committee decide");
    expect(unknown.concepts.find((concept) => concept.word === "zorblax")?.known).toBe(false);
  });

  it("takes words that say how to answer for no topic ('in a sentence', 'like I'm five'), and only in those phrases", async () => {
    const roleOf = async (question: string, word: string) =>
      (await analyze(question)).concepts.find((concept) => concept.word === word)?.role;
    expect(await roleOf("In a sentence, what's the middle-income trap?", "sentence")).toBe("cue");
    expect(await roleOf("Explain the upgrading cycle like I'm five.", "five")).toBe("cue");
    expect(await roleOf("what is the sentence for fraud?", "sentence")).toBe("content");
    expect(await roleOf("which five industries are named?", "five")).not.toBe("cue");
  });

  it("sees follow-up words, gist questions, speech verbs, ordinals and years", async () => {
    expect((await analyze("and when was that?")).followUpCue).toBe(true);
    expect((await analyze("tl;dr of this document?")).wholeDocument).toBe(true);
    expect((await analyze("what did Jin call it?")).speech).toBe(true);
    expect((await analyze("what was the third one?")).ordinal).toBe(3);
    expect((await analyze("and the last one?")).ordinal).toBe(-1);
    expect((await analyze("auto makers in 2020 vs 2023")).years).toEqual(["2020", "2023"]);
  });

  it("splits a question of several parts and gives each its concepts", async () => {
    const analysis = await analyze(
      "What share of suppliers were digitized, and what did the minister promise traditional firms?",
    );
    expect(analysis.parts).toHaveLength(2);
    expect(analysis.parts.every((part) => part.length > 0)).toBe(true);
  });
});

describe(splitParts, () => {
  it("splits at question marks and at a joiner before a question word, not inside one question", () => {
    expect(splitParts("In what year, and at which meeting?")).toEqual(["In what year", "at which meeting?"]);
    expect(splitParts("Who is MIIT's minister？他扮演什么角色？")).toHaveLength(2);
    expect(splitParts("How did China and the US compare in car makers?")).toHaveLength(1);
  });
});

describe(focusOf, () => {
  it("keeps the question sentences of a message of several sentences", () => {
    expect(focusOf("I need this for class. What did the U.S. do? Thanks.")).toBe("What did the U.S. do?");
    expect(focusOf("no question mark here. just words")).toBe("no question mark here. just words");
  });
});
