import type { AnalyzedQuery, QueryTerm } from "@newind/search";
import type { BotContext, Naming } from "../bot-context.js";
import type { Concept, QuestionAnalysis } from "../question/analyze-question.js";

/** A sentence the bot considers, with what retrieval said of it. */
export interface Candidate {
  /** Index into corpus.sentences. */
  sentence: number;
  /**
   * 0 for the search's best hit; candidates added for context come after the hits. In a
   * document the question names, its rank in that document's own search.
   */
  rank: number;
  /**
   * The search score relative to the best hit (0 for sentences added for context); in a
   * document the question names, relative to the best hit of that document's own search.
   */
  score: number;
  /** Its rank in a search of the document the question names, when it is among that search's best. */
  inDocument?: number;
}

/** How many of the search's best sentences are re-ranked. */
const CANDIDATES = 40;
/** How many of the best sentences of each document the question names are re-ranked too. */
const IN_DOCUMENT = 10;
/** How many named documents are searched on their own. */
const NAMED_SEARCHED = 4;
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
 * answer cited, the best sentences of each document the question names, and the items of any
 * list whose lead-in is a candidate.
 */
export function findCandidates(
  context: BotContext,
  analysis: QuestionAnalysis,
  inherited: readonly Concept[],
  previousEvidence: readonly number[],
  named: Naming = { documents: new Set(), by: new Set() },
): Candidate[] {
  const query = searchQuery(analysis, inherited);
  const hits = context.index.candidates(query, { limit: CANDIDATES });
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
  // "What did the 1988 report say about …": the named document's own best sentences, which a
  // search of the whole collection may rank below other documents'. The concepts that named it
  // and the words of its title found the document; its sentences are searched for the rest of
  // the question (its concepts' terms: character pairs that straddle a word, "年的", "告怎", are
  // left out).
  const namingTerms = new Set([...named.by].flatMap((concept) => concept.terms));
  for (const docId of [...named.documents].slice(0, NAMED_SEARCHED)) {
    const title = context.titleTerms(docId);
    const rest = query.terms.filter(
      (term) => term.group >= 0 && !namingTerms.has(term.term) && !title.has(term.term),
    );
    const asked = rest.length > 0 ? { ...query, terms: rest } : query;
    const found = context.index.candidates(asked, { limit: IN_DOCUMENT, docIds: [docId] });
    // Its sentences' search scores and ranks are this search's: a sentence that only repeats the
    // naming words ("我代表国务院，向大会作政府工作报告") scores nothing.
    const best = found[0]?.score ?? 0;
    for (const candidate of out) {
      if (context.corpus.sentences[candidate.sentence]?.docId !== docId) continue;
      candidate.score = 0;
      candidate.rank = CANDIDATES;
    }
    found.forEach((hit, rank) => {
      add(hit.sentence);
      const candidate = out.find((c) => c.sentence === hit.sentence);
      if (!candidate) return;
      candidate.inDocument = rank;
      candidate.rank = rank;
      candidate.score = best > 0 ? hit.score / best : 0;
    });
  }
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
