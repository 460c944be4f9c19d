import type { Footnote, SourceDocument } from "@newind/core";
import { describe, expect, it } from "vitest";
import { assertCitations, CitationRegistry, CitationSpanError, MAX_CITATION_LENGTH } from "./citations.js";

const text = "Xi’s report listed goals for 2035.7 In March 2023, Jin spoke. ".concat("word ".repeat(300));
const document: SourceDocument = { id: "d", title: "T", authors: [], sha256: "0".repeat(64), text };
const documents = new Map([["d", document]]);
const footnotes: Footnote[] = [{ n: 7, docId: "d", passageId: "p", span: { start: 34, end: 35 } }];
const span = (start: number, end: number) => ({ docId: "d", passageId: "p", paragraph: 1, start, end });

describe(CitationRegistry, () => {
  it("numbers citations by first appearance and deduplicates the same span", () => {
    const registry = new CitationRegistry(documents, footnotes);
    expect(registry.cite(span(36, 61))).toBe(1);
    expect(registry.cite(span(0, 34))).toBe(2);
    expect(registry.cite(span(36, 61))).toBe(1);
    expect(registry.list().map((c) => c.n)).toEqual([1, 2]);
  });

  it("cuts a span before a footnote marker ('goals for 2035.7' cites 'goals for 2035.')", () => {
    const registry = new CitationRegistry(documents, footnotes);
    registry.cite(span(0, 60));
    const [citation] = registry.list();
    expect(citation?.quote).toBe("Xi’s report listed goals for 2035.");
    expect(citation?.quote).toBe(text.slice(citation?.start, citation?.end));
  });

  it(`keeps every citation within ${MAX_CITATION_LENGTH} characters, at a word boundary`, () => {
    const registry = new CitationRegistry(documents, []);
    registry.cite(span(62, text.length));
    const [citation] = registry.list();
    expect((citation?.end ?? 0) - (citation?.start ?? 0)).toBeLessThanOrEqual(MAX_CITATION_LENGTH);
    expect(citation?.quote.endsWith("word")).toBe(true);
  });

  it("refuses spans of unknown documents", () => {
    expect(new CitationRegistry(documents).cite({ ...span(0, 5), docId: "nope" })).toBeUndefined();
  });
});

describe(assertCitations, () => {
  it("throws when a quote is not the document's text at its span", () => {
    expect(() => assertCitations([{ ...span(0, 4), quote: "Xi’X" }], documents)).toThrow(CitationSpanError);
  });

  it("throws when a citation includes a footnote marker", () => {
    expect(() =>
      assertCitations([{ ...span(30, 36), quote: text.slice(30, 36) }], documents, footnotes),
    ).toThrow(/footnote/);
  });

  it("accepts exact citations", () => {
    expect(() =>
      assertCitations([{ ...span(0, 34), quote: text.slice(0, 34) }], documents, footnotes),
    ).not.toThrow();
  });
});
