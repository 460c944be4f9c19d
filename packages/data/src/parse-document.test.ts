import { Footnote, Passage, Sentence, type SourceDocument } from "@newind/core";
import fc from "fast-check";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { DEFAULT_CORPUS_DIR } from "./default-corpus.js";
import { loadCorpusFromManifest } from "./load-corpus.js";
import { MAX_SENTENCE_LENGTH } from "./long-sentences.js";
import { type ParsedDocument, parseDocument } from "./parse-document.js";

let document: SourceDocument;
let parsed: ParsedDocument;

beforeAll(async () => {
  const corpus = await loadCorpusFromManifest(DEFAULT_CORPUS_DIR);
  const [first] = corpus.documents;
  if (!first) throw new Error("the default corpus has no document");
  document = first;
  parsed = parseDocument(document);
});

const passageWith = (text: string) => {
  const passage = parsed.passages.find((candidate) => candidate.text.includes(text));
  if (!passage) throw new Error(`no passage contains ${JSON.stringify(text)}`);
  return passage;
};
const itemsOf = (leadIn: Passage) => parsed.passages.filter((passage) => passage.leadIn === leadIn.id);

function makeDocument(text: string, overrides: Partial<SourceDocument> = {}): SourceDocument {
  return { id: "doc", title: "A document", authors: [], sha256: "0".repeat(64), text, ...overrides };
}

describe(parseDocument, () => {
  describe("on the default corpus", () => {
    it("strips the footnote marker from 'goals for 2035.7' and records footnote 7", () => {
      const passage = passageWith("development goals for 2035.");
      expect(passage.text).toContain("top development goals for 2035. In March 2023");
      expect(passage.footnotes).toContain(7);
      const footnote = parsed.footnotes.find((candidate) => candidate.n === 7);
      expect(footnote && document.text.slice(footnote.span.start - 5, footnote.span.end)).toBe("2035.7");
    });

    it("finds exactly footnotes 1..15, in order, each removed from clean text", () => {
      expect(parsed.footnotes.map((footnote) => footnote.n)).toEqual(
        Array.from({ length: 15 }, (_, i) => i + 1),
      );
      expect(parsed.passages.flatMap((passage) => passage.footnotes)).toEqual(
        Array.from({ length: 15 }, (_, i) => i + 1),
      );
      expect(passageWith("middle-income trap.").text.endsWith("middle-income trap.")).toBe(true);
      expect(passageWith("two-way squeeze").text.endsWith("international competitiveness.")).toBe(true);
      expect(passageWith("by doing the following:").text.endsWith("by doing the following:")).toBe(true);
      expect(passageWith("to less expensive shores.").text).toContain(
        "to less expensive shores. Chinese economists",
      );
    });

    it("recognises the title, standfirst, accompanying documents and bylines with roles", () => {
      const [title, standfirst] = parsed.passages;
      expect(title).toMatchObject({ kind: "heading", role: "title", paragraph: 0, text: document.title });
      expect(standfirst).toMatchObject({ kind: "paragraph", role: "standfirst" });
      expect(standfirst?.text).toMatch(/^As China faces geopolitical pressure/);

      const accompanying = parsed.passages.filter((passage) => passage.role === "accompanying-document");
      expect(accompanying.map((passage) => [passage.kind, passage.itemNumber])).toEqual([
        ["paragraph", undefined],
        ["list-item", 1],
        ["list-item", 2],
      ]);
      expect(accompanying[0]?.text).toBe("Accompanying documents for this analysis include:");
      expect(accompanying[2]?.text).toMatch(/^Constructing a Modern Industrial System/);
      expect(accompanying[2]?.leadIn).toBe(accompanying[0]?.id);

      const bylines = parsed.passages.filter((passage) => passage.role === "byline");
      expect(bylines.map((passage) => passage.text)).toEqual([
        "Kendra Schaefer\n\nPartner, Trivium China",
        "Cory Combs\n\nAssociate Director, Trivium China",
      ]);
    });

    it("numbers body paragraphs ¶1… in order, starting with 'For the past three decades'", () => {
      const paragraphs = parsed.passages.filter(
        (passage) => passage.role === "body" && passage.kind !== "list-item",
      );
      expect(paragraphs.map((passage) => passage.paragraph)).toEqual(paragraphs.map((_, i) => i + 1));
      expect(paragraphs[0]?.text).toMatch(/^For the past three decades/);
      expect(paragraphs.at(-1)?.text).toMatch(/^The accompanying documents, translated by CSIS/);
    });

    it("makes the four elements list items of the paragraph that introduces them", () => {
      const leadIn = passageWith("encompasses support for the following activities:");
      const items = itemsOf(leadIn);
      expect(items.map((item) => item.itemNumber)).toEqual([1, 2, 3, 4]);
      expect(items.every((item) => item.kind === "list-item" && item.paragraph === leadIn.paragraph)).toBe(
        true,
      );
      expect(items[0]?.text).toMatch(/^Building leading-edge manufacturing capabilities/);
      expect(items[3]?.text).toMatch(/^Limiting local protectionism/);
      expect(document.text.slice(items[1]?.span.start, items[1]?.span.end)).toBe(
        "Availability of fundamental telecommunications infrastructure, such as 5G and optical fiber networks",
      );
    });

    it("attaches the 5 telecom bullets and the 4 unified-market bullets to their lead-ins", () => {
      const telecom = itemsOf(passageWith("by doing the following:"));
      expect(telecom.map((item) => item.text)).toEqual([
        "ensuring widespread availability of optical fiber and 5G",
        "providing policy support for 5G-enabled factories",
        "getting out ahead of the development of 6G technology",
        "supporting the rollout of industrial internet networks",
        "optimizing the layout of internet architecture and geographic distribution of data centers",
      ]);
      expect(telecom.map((item) => item.itemNumber)).toEqual([1, 2, 3, 4, 5]);
      const market = itemsOf(passageWith("this policy entails the following actions:"));
      expect(market).toHaveLength(4);
      expect(market[0]?.text).toMatch(/^only allowing the national government/);
      expect(market.every((item) => item.paragraph === market[0]?.paragraph && item.paragraph > 0)).toBe(
        true,
      );
    });

    it("marks Jin Zhuanglong's block quote as a quote with its speaker", () => {
      const quote = passageWith("Traditional industries are the basis of the modern industrial system");
      expect(quote).toMatchObject({
        kind: "quote",
        role: "body",
        speaker: "Jin Zhuanglong",
        footnotes: [11],
      });
      expect(parsed.passages.filter((passage) => passage.kind === "quote")).toHaveLength(1);
    });

    it("keeps page chrome out of every passage and sentence", () => {
      const chrome = ["More Analysis", "FacebookTwitterLinkedInEmailPrintCopy Link", "To top"];
      for (const passage of parsed.passages) {
        for (const line of chrome) expect(passage.text).not.toContain(line);
      }
      expect(parsed.passages.filter((passage) => passage.text === document.title)).toHaveLength(1);
    });

    it("gives stable ids: docId:p<index> for passages and passageId.s<k> for sentences", () => {
      parsed.passages.forEach((passage, index) => {
        expect(passage.id).toBe(`new-industrialization:p${index}`);
      });
      const first = parsed.sentences[0];
      expect(first?.id).toBe("new-industrialization:p0.s0");
      expect(new Set(parsed.sentences.map((sentence) => sentence.id)).size).toBe(parsed.sentences.length);
    });

    it("gives every span exact bounds; sentence text is the raw slice and never holds a marker", () => {
      const raw = document.text;
      for (const passage of parsed.passages) {
        expect(passage.span.start).toBeGreaterThanOrEqual(0);
        expect(passage.span.end).toBeLessThanOrEqual(raw.length);
        const markers = parsed.footnotes.filter((footnote) => footnote.passageId === passage.id);
        let clean = raw.slice(passage.span.start, passage.span.end);
        for (const marker of [...markers].reverse()) {
          clean =
            clean.slice(0, marker.span.start - passage.span.start) +
            clean.slice(marker.span.end - passage.span.start);
        }
        expect(passage.text).toBe(clean);
      }
      for (const sentence of parsed.sentences) {
        expect(raw.slice(sentence.span.start, sentence.span.end)).toBe(sentence.text);
        for (const footnote of parsed.footnotes) {
          expect(footnote.span.end <= sentence.span.start || footnote.span.start >= sentence.span.end).toBe(
            true,
          );
        }
      }
    });

    it("splits '2035.7 In March' into two sentences and keeps 'U.S.' inside one", () => {
      const texts = parsed.sentences.map((sentence) => sentence.text);
      expect(texts).toContain(
        "Xi’s report at the Twentieth Party Congress in October 2022 listed achieving New Industrialization among China’s top development goals for 2035.",
      );
      expect(texts.some((text) => text.startsWith("In March 2023, Chinese minister of industry"))).toBe(true);
      expect(texts).toContain(
        "Of those 122 manufacturers, 101 were running at less than 60 percent capacity.",
      );
    });

    it("keeps spans exact on any excerpt of the corpus (a property)", () => {
      const lines = document.text.split("\n");
      fc.assert(
        fc.property(fc.nat(lines.length), fc.nat(lines.length), (a, b) => {
          const text = lines.slice(Math.min(a, b), Math.max(a, b)).join("\n");
          const result = parseDocument({ ...document, text });
          for (const passage of result.passages) {
            expect(passage.span.end).toBeLessThanOrEqual(text.length);
            const rawSlice = text.slice(passage.span.start, passage.span.end);
            expect(rawSlice.startsWith(passage.text.slice(0, 1))).toBe(true);
          }
          for (const sentence of result.sentences) {
            expect(text.slice(sentence.span.start, sentence.span.end)).toBe(sentence.text);
          }
          for (const footnote of result.footnotes) {
            expect(text.slice(footnote.span.start, footnote.span.end).trim()).toBe(String(footnote.n));
          }
        }),
        { numRuns: 200 },
      );
    });

    it("round-trips every passage, sentence and footnote through its zod schema", () => {
      for (const passage of parsed.passages) expect(Passage.parse(passage)).toEqual(passage);
      for (const sentence of parsed.sentences) expect(Sentence.parse(sentence)).toEqual(sentence);
      for (const footnote of parsed.footnotes) expect(Footnote.parse(footnote)).toEqual(footnote);
    });
  });

  describe("on other documents", () => {
    it("reads a Markdown file: headings, hard-wrapped paragraphs, '-' lists and '>' quotes", () => {
      const text = [
        "# Notes on industry",
        "",
        "The ministry set three goals",
        "for the coming year. They are:",
        "",
        "- faster 5G",
        "- greener plants",
        "",
        "## What they said",
        "",
        "In a speech, Li Qiang said:",
        "",
        "> We will go all out.",
        "",
        "More Analysis stays when it is part of a sentence.",
      ].join("\n");
      const { passages, sentences } = parseDocument(makeDocument(text));
      expect(passages.map((passage) => [passage.kind, passage.role, passage.paragraph])).toEqual([
        ["heading", "title", 0],
        ["paragraph", "body", 1],
        ["list-item", "body", 1],
        ["list-item", "body", 1],
        ["heading", "body", 1],
        ["paragraph", "body", 2],
        ["quote", "body", 3],
        ["paragraph", "body", 4],
      ]);
      expect(passages[0]?.text).toBe("Notes on industry");
      expect(passages[3]).toMatchObject({ text: "greener plants", itemNumber: 2, leadIn: passages[1]?.id });
      expect(passages[6]).toMatchObject({ text: "We will go all out.", speaker: "Li Qiang" });
      expect(
        sentences.filter((sentence) => sentence.passageId === passages[1]?.id).map((s) => s.text),
      ).toEqual(["The ministry set three goals\nfor the coming year.", "They are:"]);
    });

    it("reads a pipe table's rows as items under its header row, each row one exact span", () => {
      const text = [
        "Timelines",
        "",
        "Table 1 compares the two.",
        "",
        "| Action | Steel | Copper |",
        "|---|---|---|",
        "| Public hearing held | May 24, 2017 | No hearing held |",
        "| Tariffs first go into effect | March 23, 2018 | August 1, 2025 |",
        "",
        "After the table.",
      ].join("\n");
      const document = makeDocument(text);
      const { passages, sentences } = parseDocument(document);
      expect(passages.map((passage) => [passage.kind, passage.text, passage.itemNumber])).toEqual([
        ["heading", "Timelines", undefined],
        ["paragraph", "Table 1 compares the two.", undefined],
        ["paragraph", "Action | Steel | Copper", undefined],
        ["list-item", "Public hearing held | May 24, 2017 | No hearing held", 1],
        ["list-item", "Tariffs first go into effect | March 23, 2018 | August 1, 2025", 2],
        ["paragraph", "After the table.", undefined],
      ]);
      expect(passages[3]?.leadIn).toBe(passages[2]?.id);
      expect(passages[4]?.leadIn).toBe(passages[2]?.id);
      const row = sentences.filter((sentence) => sentence.passageId === passages[4]?.id);
      expect(row.map((sentence) => sentence.text)).toEqual([
        "Tariffs first go into effect | March 23, 2018 | August 1, 2025",
      ]);
      for (const sentence of sentences)
        expect(document.text.slice(sentence.span.start, sentence.span.end)).toBe(sentence.text);
    });

    it("goes on with a list after a table inside it", () => {
      const text = [
        "Quotas apply to:",
        "",
        "- Item one has a table:",
        "  | Partner | Quota |",
        "  |---|---|",
        "  | Brazil | 10 |",
        "- Item two is plain.",
      ].join("\n");
      const { passages } = parseDocument(makeDocument(text));
      const items = passages.filter((passage) => passage.leadIn === passages[0]?.id);
      expect(items.map((passage) => passage.text)).toEqual(["Item one has a table:", "Item two is plain."]);
      expect(passages.find((passage) => passage.text === "Brazil | 10")?.leadIn).toBe(
        passages.find((passage) => passage.text === "Partner | Quota")?.id,
      );
    });

    it("makes the subheadings a paragraph announces with a colon its items, until a heading unlike them", () => {
      const text = [
        "# Supply chains",
        "",
        "Examples of what the office could support include:",
        "",
        "### Mapping supply chains:",
        "",
        "The office surveys firms.",
        "",
        "### Growing clean energy supply chains:",
        "",
        "It lends to new factories.",
        "",
        "### Conclusion",
        "",
        "Congress should act.",
      ].join("\n");
      const { passages } = parseDocument(makeDocument(text));
      expect(passages.map((passage) => [passage.kind, passage.text, passage.itemNumber])).toEqual([
        ["heading", "Supply chains", undefined],
        ["paragraph", "Examples of what the office could support include:", undefined],
        ["list-item", "Mapping supply chains:", 1],
        ["paragraph", "The office surveys firms.", undefined],
        ["list-item", "Growing clean energy supply chains:", 2],
        ["paragraph", "It lends to new factories.", undefined],
        ["heading", "Conclusion", undefined],
        ["paragraph", "Congress should act.", undefined],
      ]);
      expect(passages[2]?.leadIn).toBe(passages[1]?.id);
      expect(passages[4]?.leadIn).toBe(passages[1]?.id);
    });

    it("does not invent a title, bylines or footnotes in plain prose", () => {
      const text = "It grew 3.5 percent in 2023. Prices rose.\n\nThe index stood at 2035.7\n";
      const { passages, footnotes } = parseDocument(makeDocument(text));
      expect(passages.map((passage) => passage.role)).toEqual(["body", "body"]);
      expect(footnotes).toEqual([]);
      expect(passages[1]?.text).toBe("The index stood at 2035.7");
    });

    it("completes a quoted speaker's short name from earlier in the document", () => {
      const text = "Report\n\nJohn Smith chairs the board.\n\nIn an interview, Smith said:\n\nWe grow.\n";
      const quote = parseDocument(makeDocument(text)).passages.find((passage) => passage.kind === "quote");
      expect(quote?.speaker).toBe("John Smith");
    });

    describe("a long document on one line", () => {
      afterEach(() => {
        vi.restoreAllMocks();
      });

      it("is segmented a window at a time, never handing the whole line to Intl.Segmenter", () => {
        const text = `Title\n\n${"The ministry said output grew. ".repeat(40_000)}`;
        const segment = vi.spyOn(Intl.Segmenter.prototype, "segment");
        const { sentences } = parseDocument(makeDocument(text));
        expect(sentences).toHaveLength(40_001); // the title, then the line's sentences
        expect(Math.max(...segment.mock.calls.map(([input]) => input.length))).toBeLessThanOrEqual(4096);
      });

      it("is cut into sentences a search hit can quote whole, when it has no full stop", () => {
        const text = `Title\n\n${"widgets and batteries, ".repeat(20_000)}`;
        const { sentences } = parseDocument(makeDocument(text));
        expect(sentences.length).toBeGreaterThan(600);
        for (const sentence of sentences) {
          expect(sentence.span.end - sentence.span.start).toBeLessThanOrEqual(MAX_SENTENCE_LENGTH);
          expect(text.slice(sentence.span.start, sentence.span.end)).toBe(sentence.text);
        }
      });
    });

    it("never throws on arbitrary text, and every span is within bounds and exact", () => {
      const pieces = fc.constantFrom(
        "Word",
        " ",
        "\n",
        "\n\n",
        "  1. ",
        "  • ",
        "# ",
        "> ",
        ".",
        ":",
        "”",
        "7",
        "12",
        "U.S.",
        "said",
        "More Analysis",
        "To top",
        "\r\n",
        "\ud83d",
        "新型工业化",
        "constructor",
        "__proto__",
        "toString",
        "hasOwnProperty",
      );
      fc.assert(
        fc.property(
          fc.array(pieces, { maxLength: 60 }).map((parts) => parts.join("")),
          (text) => {
            const result = parseDocument(makeDocument(text));
            for (const passage of result.passages) {
              expect(passage.span.start).toBeGreaterThanOrEqual(0);
              expect(passage.span.end).toBeLessThanOrEqual(text.length);
              expect(passage.span.end).toBeGreaterThan(passage.span.start);
            }
            for (const sentence of result.sentences) {
              expect(text.slice(sentence.span.start, sentence.span.end)).toBe(sentence.text);
              const passage = result.passages.find((candidate) => candidate.id === sentence.passageId);
              expect(
                passage && sentence.span.start >= passage.span.start && sentence.span.end <= passage.span.end,
              ).toBe(true);
            }
            for (const footnote of result.footnotes) {
              expect(text.slice(footnote.span.start, footnote.span.end).trim()).toBe(String(footnote.n));
            }
          },
        ),
      );
    });
  });
});
