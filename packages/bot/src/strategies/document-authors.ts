import type { BotContext } from "../bot-context.js";
import type { QuestionAnalysis } from "../question/analyze-question.js";
import { documentOf } from "./document-lead.js";
import type { Strategy } from "./strategy.js";

/** The most sentences naming a document's authors that are quoted when it has no byline. */
const AUTHOR_SENTENCES = 2;

/**
 * Whether the question's words pick out the document rather than ask about something else: at
 * least half of its known topic words are in the document's title or lead, and at most one word
 * is one the documents never use ("who wrote the CRS insight on copper tariffs?" picks the
 * copper report; "who wrote Harry Potter?" picks nothing).
 */
function identifies(context: BotContext, analysis: QuestionAnalysis, docId: string): boolean {
  const content = analysis.concepts.filter((concept) => concept.role === "content" && !concept.figure);
  const unknown = content.filter((concept) => !concept.known && !concept.common);
  if (unknown.length > 1) return false;
  const known = content.filter((concept) => concept.known);
  const terms = context.documentTerms(docId);
  const inTitle = known.filter((concept) => concept.terms.some((term) => terms.has(term)));
  return inTitle.length * 2 >= known.length;
}

/**
 * "Who wrote this report?", "who are the authors of the copper insight?": answered, for any
 * document, from its bylines and the sentence presenting its authors — else from the sentences
 * that name them (an "Author Information" note) — never from the body sentences that share the
 * question's topic words.
 */
export const documentAuthors: Strategy = {
  name: "document-authors",
  applies(_context, analysis) {
    return analysis.authorship && analysis.intent === "who";
  },
  draft(context, analysis, previousDocument) {
    const docId = documentOf(context, analysis) ?? previousDocument;
    if (docId === undefined || !identifies(context, analysis, docId)) return undefined;
    const bylines = context.corpus.passages
      .filter((passage) => passage.docId === docId && passage.role === "byline")
      .flatMap((passage) => context.sentencesOf.get(passage.id) ?? []);
    const naming = [...context.authorSentences()]
      .filter((i) => context.corpus.sentences[i]?.docId === docId && !bylines.includes(i))
      .sort((a, b) => a - b);
    // The bylines, and the first sentence of the text that presents the authors ("In this
    // analysis, experts Kendra Schaefer and Cory Combs from Trivium China…").
    if (bylines.length > 0) return naming[0] === undefined ? bylines : [...bylines, naming[0]];
    return naming.length > 0 ? naming.slice(0, AUTHOR_SENTENCES) : undefined;
  },
};
