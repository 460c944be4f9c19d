import type { Entity } from "@newind/core";
import { describe, expect, it } from "vitest";
import { acronymAsked } from "../analysis/analyze-question.js";
import { asksDocumentTopic } from "./answer-document.js";

const ict = {
  id: "ict",
  name: "Information and communications technology",
  aliases: ["ICT"],
  type: "concept",
} as unknown as Entity;

describe(acronymAsked, () => {
  it("reads a question that names only an acronym as asking what it stands for", () => {
    for (const q of ["ICT = ?", "ICT stands for what", "what is ICT short for?", "what does ICT mean"])
      expect(acronymAsked(q, [ict])).toBe(ict);
  });
  it("leaves questions that ask more about it alone", () => {
    expect(acronymAsked("what did MIIT say about ICT investment?", [ict])).toBeUndefined();
    expect(acronymAsked("what does ICT infrastructure include", [ict])).toBeUndefined();
    expect(acronymAsked("what does XYZ stand for", [ict])).toBeUndefined();
  });
});

describe(asksDocumentTopic, () => {
  it("recognises a question about the document as a whole", () => {
    for (const q of [
      "What is the article about?",
      "summarize the report",
      "tl;dr?",
      "the main point of the analysis",
    ])
      expect(asksDocumentTopic(q)).toBe(true);
  });
  it("does not take a question about a topic for one about the document", () => {
    for (const q of [
      "Summarize the plot of Hamlet",
      "what is the article's view of overcapacity?",
      "what's the gist",
    ])
      expect(asksDocumentTopic(q)).toBe(false);
  });
});
