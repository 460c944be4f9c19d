import type { BotContext } from "../bot-context.js";
import type { QuestionAnalysis } from "../question/analyze-question.js";
import type { Strategy } from "./strategy.js";

/** The most sentences a gist quotes. */
const GIST_SENTENCES = 3;
/** A question about the gist that names more topic words than this is a question about the topic. */
const GIST_TOPIC_CONCEPTS = 2;

/** The document a question about "the document" means: the one whose title and lead share most of its words. */
function documentOf(context: BotContext, analysis: QuestionAnalysis): string | undefined {
  const documents = context.corpus.documents;
  if (documents.length <= 1) return documents[0]?.id;
  const concepts = analysis.concepts.filter((concept) => concept.role === "content" && concept.known);
  let best: { id: string; score: number } | undefined;
  for (const document of documents) {
    const terms = context.documentTerms(document.id);
    const score = concepts.filter((concept) => concept.terms.some((term) => terms.has(term))).length;
    if (!best || score > best.score) best = { id: document.id, score };
  }
  return best?.id;
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
  draft(context, analysis) {
    const docId = documentOf(context, analysis);
    if (docId === undefined) return undefined;
    const lead = [...context.lead()].filter((i) => context.corpus.sentences[i]?.docId === docId);
    const standfirst = lead.filter(
      (i) => context.passages.get(context.corpus.sentences[i]?.passageId ?? "")?.role === "standfirst",
    );
    const body = lead.filter(
      (i) => context.passages.get(context.corpus.sentences[i]?.passageId ?? "")?.role === "body",
    );
    const opening = (standfirst.length > 0 ? standfirst : body).slice(0, 2);
    const central = context.centralSentence(docId);
    const sentences = [...opening];
    if (central !== undefined && !sentences.includes(central)) sentences.push(central);
    return sentences.length > 0 ? sentences.slice(0, GIST_SENTENCES) : undefined;
  },
};
