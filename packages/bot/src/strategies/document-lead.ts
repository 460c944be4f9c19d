import type { BotContext } from "../bot-context.js";
import type { QuestionAnalysis } from "../question/analyze-question.js";
import type { Strategy } from "./strategy.js";

/** The most sentences a gist quotes. */
const GIST_SENTENCES = 3;
/** The most documents whose openings answer a gist question that does not say which document it means. */
const MAX_DOCUMENTS = 4;
/** A question about the gist that names more topic words than this is a question about the topic. */
const GIST_TOPIC_CONCEPTS = 2;

/**
 * The document a question about "the document" means: the one whose title and lead share most of
 * its words; undefined when several share as many (the question does not say which).
 */
export function documentOf(context: BotContext, analysis: QuestionAnalysis): string | undefined {
  const documents = context.corpus.documents;
  if (documents.length <= 1) return documents[0]?.id;
  // "二十大报告讲了什么？": the one document the question names.
  const named = context.namedDocuments(analysis.concepts).documents;
  if (named.size === 1) return [...named][0];
  const concepts = analysis.concepts.filter((concept) => concept.role === "content" && concept.known);
  // "this briefing", "the report": a document that calls itself so is meant (half a topic word).
  const selfWords = analysis.concepts
    .filter((concept) => concept.role === "document")
    .map((concept) => concept.word);
  const scored = documents
    .map((document) => {
      const terms = context.documentTerms(document.id);
      const text = document.text.toLowerCase();
      const topic = concepts.filter((concept) => concept.terms.some((term) => terms.has(term))).length;
      const self = selfWords.some((word) => new RegExp(`\\b(?:this|the|our) ${word}\\b`, "u").test(text));
      return { id: document.id, score: topic + (self ? 0.5 : 0) };
    })
    .sort((a, b) => b.score - a.score);
  const [first, second] = scored;
  return first && (!second || first.score > second.score) ? first.id : undefined;
}

/** The opening sentences of a document's lead: its standfirst, else its first paragraph of prose. */
function openingOf(context: BotContext, docId: string, count: number): number[] {
  const lead = [...context.lead()].filter((i) => context.corpus.sentences[i]?.docId === docId);
  const roleOf = (i: number) => context.passages.get(context.corpus.sentences[i]?.passageId ?? "")?.role;
  const standfirst = lead.filter((i) => roleOf(i) === "standfirst");
  const body = lead.filter((i) => roleOf(i) === "body");
  return (standfirst.length > 0 ? standfirst : body).slice(0, count);
}

/**
 * "What's the gist?", "tl;dr", "main argument of this piece": answered, for any document, from
 * its lead — the standfirst, else its first paragraph of prose — and its most central sentence
 * (the one sharing most words with the rest of the document).
 */
export const documentLead: Strategy = {
  name: "document-lead",
  applies(_context, analysis) {
    const content = analysis.concepts.filter((concept) => concept.role === "content" && !concept.figure);
    // Words the documents never use say the question is about something else ("summarize the history of Rome").
    if (content.some((concept) => !concept.known && !concept.common)) return false;
    return analysis.wholeDocument && content.filter((concept) => concept.known).length <= GIST_TOPIC_CONCEPTS;
  },
  draft(context, analysis, previousDocument) {
    const docId = documentOf(context, analysis) ?? previousDocument;
    if (docId === undefined) {
      // Several documents, and the question does not say which: the opening of each.
      const openings = context.corpus.documents
        .slice(0, MAX_DOCUMENTS)
        .flatMap((document) => openingOf(context, document.id, 1));
      return openings.length > 0 ? openings : undefined;
    }
    const sentences = openingOf(context, docId, 2);
    const central = context.centralSentence(docId);
    if (central !== undefined && !sentences.includes(central)) sentences.push(central);
    return sentences.length > 0 ? sentences.slice(0, GIST_SENTENCES) : undefined;
  },
};
