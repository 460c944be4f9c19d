import type { Answer, Corpus } from "@newind/core";
import { describe, expect, it } from "vitest";
import { formatAnswer } from "./commands/ask.js";
import { documentLabel } from "./document-label.js";

const corpus = {
  documents: [
    { id: "notes", title: "My \u001b[31mnotes\u001b[0m on clusters", text: "" },
    { id: "long", title: "A".repeat(80), text: "" },
  ],
} as unknown as Corpus;

describe(documentLabel, () => {
  it("names a document by its title, without escape sequences, shortened to 60 characters", () => {
    const label = documentLabel(corpus);
    expect(label("notes")).toBe("My notes on clusters");
    expect(label("long")).toHaveLength(60);
    expect(label("long").endsWith("…")).toBe(true);
    expect(label("missing")).toBe("missing");
  });

  it("lets newind ask say which document each source is from", () => {
    const answer: Answer = {
      question: "q",
      answer: "Clusters compete [1].",
      abstained: false,
      intent: "other",
      citations: [
        { n: 1, docId: "notes", passageId: "notes:p0", paragraph: 2, start: 0, end: 8, quote: "Clusters" },
      ],
    };
    expect(formatAnswer(answer, documentLabel(corpus))).toContain("[1] My notes on clusters ¶2 “Clusters”");
    expect(formatAnswer(answer)).toContain("[1] ¶2 “Clusters”");
  });
});
