import { describe, expect, it } from "vitest";
import { analyzeText } from "./analyzer.js";
import { highlightQuote } from "./highlight.js";

const QUOTE = "“New Industrialization” (新型工业化) is the theory.";

describe(highlightQuote, () => {
  it("highlights English words of a quote with Chinese in it, at absolute offsets", () => {
    const { highlights, matchedTerms } = highlightQuote(
      QUOTE,
      100,
      new Set(analyzeText("industrialization")),
    );
    expect(highlights.map((span) => QUOTE.slice(span.start - 100, span.end - 100))).toEqual([
      "Industrialization",
    ]);
    expect(matchedTerms).toEqual(["Industrialization"]);
  });

  it("highlights the Chinese word that matched, not the whole run", () => {
    const terms = new Set(analyzeText("工业化"));
    const { highlights } = highlightQuote(QUOTE, 0, terms);
    const shown = highlights.map((span) => QUOTE.slice(span.start, span.end));
    expect(shown.length).toBeGreaterThan(0);
    for (const text of shown) expect("新型工业化").toContain(text);
  });
});
