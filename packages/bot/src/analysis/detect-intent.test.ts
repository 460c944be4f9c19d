import { describe, expect, it } from "vitest";
import { detectIntent } from "./detect-intent.js";

describe(detectIntent, () => {
  it.each([
    ["how many car makers did china have in 2020", "number"],
    ["How many Chinese automakers were running below 60% capacity?", "number"],
    ["number of car makers in china", "number"],
    ["what is the total number of steps", "number"],
    ["What is BYD's market share in Europe?", "number"],
    ["What is CATL's annual revenue?", "number"],
    ["When did BYD start making lithium-ion batteries?", "date"],
    ["target year for achieving new industrialization", "date"],
    ["who's the source for the stats on small suppliers' digitization?", "who"],
    ["Which company started making batteries in 1995?", "who"],
    ["Why is green tech part of New Industrialization?", "why"],
    ["How does Xi's version compare with Jiang's original?", "comparison"],
    ["what are the four elements of xi's new industrialization", "list"],
    ["What measures did Jin propose?", "list"],
    ["what is the middle-income trap", "definition"],
    ["two-way squeeze meaning?", "definition"],
    ["Was China's lead in clean energy the product of a grand master plan?", "other"],
    ["中国有多少家汽车制造商？", "number"],
    ["金壮龙是谁？", "who"],
  ])("reads %j as %s", (question, intent) => {
    expect(detectIntent(question).intent).toBe(intent);
  });

  it("does not take a 'when' clause for a date question", () => {
    expect(detectIntent("What did the leader say when he spoke to delegates?").intent).toBe("other");
  });

  it("asks for a computation between two events", () => {
    expect(detectIntent("How many years passed between A and B?")).toMatchObject({
      intent: "number",
      compute: "years-between",
    });
  });
});
