import type { Answer, Citation, Corpus, Metric, Passage, TimelineEvent } from "@newind/core";
import type { ChatBackend, SearchHit } from "../backend.js";

/** Paragraphs of the fake document (the real corpus is too big to reason about in a test). */
export const FAKE_PARAGRAPHS = [
  "For the past three decades, China has entertained ambitions of moving its industry up the value chain.",
  "New Industrialization was first tabled at the 2002 Sixteenth Party Congress, where then president Jiang Zemin called on the state to take “the road toward new industrialization” (新型工业化).",
  "In 2020, China had 122 auto manufacturers, compared with four in the United States, and 101 of them ran at under 60 percent capacity.",
  "BYD began to make lithium-ion batteries in 1995, drawing on abundant mineral resources.",
];

const TITLE = "“New Industrialization”: The Industrial Upgrading Theory";

function build(): Corpus {
  const header = `${TITLE}\n\n`;
  let text = header;
  const passages: Passage[] = [];
  FAKE_PARAGRAPHS.forEach((paragraph, index) => {
    const start = text.length;
    text += paragraph;
    passages.push({
      id: `doc:p${index + 1}`,
      docId: "doc",
      kind: "paragraph",
      role: "body",
      paragraph: index + 1,
      span: { start, end: start + paragraph.length },
      text: paragraph,
      footnotes: [],
    });
    text += "\n\n";
  });
  const evidence = (passage: number, quote: string) => {
    const p = passages[passage - 1] as Passage;
    const start = text.indexOf(quote, p.span.start);
    return { docId: "doc", passageId: p.id, paragraph: p.paragraph, start, end: start + quote.length, quote };
  };
  const metrics: Metric[] = [
    {
      id: "cn",
      label: "Auto manufacturers in China",
      value: 122,
      unit: "manufacturers",
      year: 2020,
      scope: "China",
      evidence: evidence(3, "122 auto manufacturers"),
    },
    {
      id: "us",
      label: "Auto manufacturers in the United States",
      value: 4,
      unit: "manufacturers",
      year: 2020,
      scope: "US",
      evidence: evidence(3, "four in the United States"),
    },
    {
      id: "low",
      label: "Chinese auto manufacturers below 60 percent capacity",
      value: 101,
      unit: "manufacturers",
      year: 2020,
      scope: "China",
      evidence: evidence(3, "101 of them ran at under 60 percent capacity"),
    },
    {
      id: "byd",
      label: "Year BYD began to make batteries",
      value: 1995,
      unit: "year",
      year: 1995,
      scope: "BYD",
      evidence: evidence(4, "BYD began to make lithium-ion batteries in 1995"),
    },
  ];
  const timeline: TimelineEvent[] = [
    {
      id: "2002",
      date: "2002",
      actor: "Jiang Zemin",
      summary: "New Industrialization first tabled at the Sixteenth Party Congress.",
      evidence: evidence(2, "New Industrialization was first tabled at the 2002 Sixteenth Party Congress"),
    },
    {
      id: "1995",
      date: "1995",
      actor: "BYD",
      summary: "BYD began to make lithium-ion batteries.",
      evidence: evidence(4, "BYD began to make lithium-ion batteries in 1995"),
    },
    {
      id: "2020",
      date: "2020",
      summary: "China had 122 auto manufacturers.",
      evidence: evidence(3, "China had 122 auto manufacturers"),
    },
  ];
  return {
    documents: [
      {
        id: "doc",
        title: TITLE,
        authors: [{ name: "Kendra Schaefer", role: "Partner, Trivium China" }],
        publisher: "CSIS Interpret: China",
        url: "https://interpret.csis.org/example/",
        sha256: "0".repeat(64),
        text,
      },
    ],
    passages,
    sentences: [],
    footnotes: [],
    datasets: { metrics, timeline, entities: [], lists: [], glossary: [] },
    hash: "fake",
  };
}

/** A one-document corpus with four paragraphs, three metrics that compare and a short timeline. */
export const fakeCorpus: Corpus = build();

function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) ?? [];
}

/** The passages sharing the most words with `query`, as search hits. */
export function fakeSearch(corpus: Corpus, query: string, limit: number): SearchHit[] {
  const terms = new Set(words(query));
  const document = corpus.documents[0] as { text: string };
  return corpus.passages
    .map((passage) => {
      const matched = words(passage.text).filter((word) => terms.has(word));
      return {
        docId: passage.docId,
        passageId: passage.id,
        paragraph: passage.paragraph,
        start: passage.span.start,
        end: passage.span.end,
        quote: document.text.slice(passage.span.start, passage.span.end),
        score: new Set(matched).size,
        matchedTerms: [...new Set(matched)],
      };
    })
    .filter((hit) => hit.score > 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
}

/**
 * A backend that answers with the best-matching paragraph, cited as [1] (and the runner-up
 * as [2]); when nothing matches it abstains, offering the first paragraph as the closest
 * passage. Records every question it was asked.
 */
export function fakeBackend(corpus: Corpus = fakeCorpus): ChatBackend & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    async ask(question): Promise<Answer> {
      asked.push(question);
      const hits = fakeSearch(corpus, question, 2);
      if (hits.length === 0) {
        const first = corpus.passages[0];
        const related = first
          ? [
              {
                docId: first.docId,
                passageId: first.id,
                paragraph: first.paragraph,
                start: first.span.start,
                end: first.span.end,
                quote: first.text,
              },
            ]
          : [];
        return {
          question,
          answer: "The sources don’t cover that.",
          abstained: true,
          intent: "other",
          citations: [],
          related,
        };
      }
      const citations: Citation[] = hits.map((hit, index) => ({
        n: index + 1,
        docId: hit.docId,
        passageId: hit.passageId,
        paragraph: hit.paragraph,
        start: hit.start,
        end: hit.end,
        quote: hit.quote,
      }));
      const answer = citations
        .map((citation) => `${citation.quote.split(",")[0]} [${citation.n}].`)
        .join(" ");
      return { question, answer, abstained: false, intent: "other", citations };
    },
    async search(query, limit) {
      return fakeSearch(corpus, query, limit);
    },
  };
}
