import type { AnalyzedQuery, QueryTerm } from "@newind/search";
import type { BotContext } from "../bot-context.js";
import type { Concept, QuestionAnalysis } from "../question/analyze-question.js";

/** A sentence the bot considers, with what retrieval said of it. */
export interface Candidate {
  /** Index into corpus.sentences. */
  sentence: number;
  /** 0 for the search's best hit; candidates added for context come after the hits. */
  rank: number;
  /** The search score relative to the best hit (0 for sentences added for context). */
  score: number;
}

/** How many of the search's best sentences are re-ranked. */
const CANDIDATES = 40;
/** The weight of an earlier turn's words in a follow-up's search. */
const CONTEXT_WEIGHT = 0.5;

/** The search query of a question, with an earlier turn's concepts added at a lower weight when it follows up. */
function searchQuery(analysis: QuestionAnalysis, context: readonly Concept[]): AnalyzedQuery {
  if (context.length === 0) return analysis.analyzed;
  const terms: QueryTerm[] = [...analysis.analyzed.terms];
  const seen = new Set(terms.map((term) => term.term));
  let group = Math.max(-1, ...terms.map((term) => term.group)) + 1;
  for (const concept of context) {
    const fresh = concept.terms.filter((term) => !seen.has(term));
    if (fresh.length === 0) continue;
    for (const term of fresh) {
      seen.add(term);
      terms.push({ term, weight: CONTEXT_WEIGHT, group, source: "expansion" });
    }
    group++;
  }
  return { ...analysis.analyzed, terms, groups: group };
}

/**
 * The sentences to re-rank: the search index's best {@link CANDIDATES} for the question (and an
 * earlier turn's concepts, for a follow-up), then the sentences of the passages an earlier
 * answer cited, and the items of any list whose lead-in is a candidate.
 */
export function findCandidates(
  context: BotContext,
  analysis: QuestionAnalysis,
  inherited: readonly Concept[],
  previousEvidence: readonly number[],
): Candidate[] {
  const hits = context.index.candidates(searchQuery(analysis, inherited), { limit: CANDIDATES });
  const top = hits[0]?.score ?? 1;
  const out: Candidate[] = hits.map((hit, rank) => ({
    sentence: hit.sentence,
    rank,
    score: top > 0 ? hit.score / top : 0,
  }));
  const seen = new Set(out.map((candidate) => candidate.sentence));
  const add = (sentence: number) => {
    if (seen.has(sentence)) return;
    seen.add(sentence);
    out.push({ sentence, rank: CANDIDATES, score: 0 });
  };
  for (const sentence of previousEvidence) {
    const passageId = context.corpus.sentences[sentence]?.passageId;
    for (const other of passageId ? (context.sentencesOf.get(passageId) ?? []) : []) add(other);
    const leadIn = passageId ? context.passages.get(passageId)?.leadIn : undefined;
    for (const other of leadIn ? (context.sentencesOf.get(leadIn) ?? []) : []) add(other);
    for (const next of [sentence - 1, sentence + 1]) {
      if (context.corpus.sentences[next]?.docId === context.corpus.sentences[sentence]?.docId) add(next);
    }
  }
  if (analysis.wholeDocument || analysis.aboutDocument) {
    for (const sentence of context.lead()) add(sentence);
    for (const sentence of context.authorSentences()) add(sentence);
  }
  for (const candidate of [...out]) {
    const passageId = context.corpus.sentences[candidate.sentence]?.passageId;
    for (const item of passageId ? (context.itemsOf.get(passageId) ?? []) : []) {
      for (const sentence of context.sentencesOf.get(item) ?? []) add(sentence);
    }
    // A block quote is introduced by the sentence before it ("Jin discussed the issue in a … interview:").
    if (passageId && context.passages.get(passageId)?.kind === "quote") {
      const first = context.sentencesOf.get(passageId)?.[0];
      if (first !== undefined && first > 0) add(first - 1);
    }
  }
  return out;
}
