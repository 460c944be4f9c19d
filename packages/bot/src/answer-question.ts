import type { Answer, Evidence } from "@newind/core";
import { type BotContext, memo } from "./bot-context.js";
import { CitationRegistry } from "./compose/citations.js";
import { composeAnswer } from "./compose/compose-answer.js";
import type { TurnState } from "./conversation/turn-state.js";
import { analyzeQuestion, type Concept, type QuestionAnalysis } from "./question/analyze-question.js";
import { type Candidate, findCandidates } from "./retrieval/candidates.js";
import { answerFeatures, candidateFeatures, type FeatureInput } from "./scoring/features.js";
import { linearScore, type ScoringModel, type ScoringPart, sigmoid } from "./scoring/scoring-model.js";
import type { SemanticSupport } from "./semantic/semantic-support.js";
import { STRATEGIES } from "./strategies/registry.js";

/** A candidate with its ranking features and the ranking model's score. */
export interface ScoredCandidate extends Candidate {
  features: number[];
  /** The ranking model's score (a logit: only differences between candidates of one question matter). */
  logit: number;
}

/** Everything the bot decided for one question: for the answer, the next turn, and the fitting script. */
export interface Deliberation {
  analysis: QuestionAnalysis;
  /** Concepts inherited from an earlier turn (empty unless the question follows up). */
  inherited: readonly Concept[];
  /** Candidates, best first. */
  candidates: ScoredCandidate[];
  /** The answer features of the best candidate (empty when there is none). */
  answerFeatures: number[];
  /** The answer model's probability that the best candidate answers the question. */
  confidence: number;
  /** The threshold of the part that decided. */
  threshold: number;
  /** The earlier turn followed up, if any. */
  previous: TurnState | undefined;
  /** The first sentence the conversation's last answered turn cited (whether or not this question follows it up). */
  lastEvidence: number | undefined;
  /** What the features were computed from (for the fitting script, which recomputes them). */
  input: FeatureInput;
}

/** How many closest passages an abstention offers. */
const RELATED = 3;
/** A question with at most this many known content words of its own leans on the earlier turn ("When was that?"). */
const ELLIPTIC_CONCEPTS = 1;
const HAN = /\p{Script=Han}/u;
const LATIN = /\p{Script=Latin}/u;
/** How far down the ranking a part of a multi-part question looks for a sentence of its own. */
const PART_POOL = 12;

/** Whether a question refers back to `previous`: it has a word that points back, or says too little alone. */
export function followsUp(analysis: QuestionAnalysis, previous: TurnState | undefined): boolean {
  if (!previous?.answered || analysis.wholeDocument) return false;
  if (analysis.followUpCue) return true;
  const content = analysis.concepts.filter((concept) => concept.role === "content");
  // Without a word pointing back, a name or rare word the documents never use starts a new topic.
  if (content.some((concept) => !concept.known && !concept.common)) return false;
  return content.filter((concept) => concept.known).length <= ELLIPTIC_CONCEPTS;
}

/** What a question brings before any model scores it: its analysis and candidates. */
export interface Gathered {
  analysis: QuestionAnalysis;
  inherited: readonly Concept[];
  previous: TurnState | undefined;
  lastEvidence: number | undefined;
  candidates: readonly Candidate[];
  input: FeatureInput;
}

/** Analyses a question against the conversation so far and gathers its candidate sentences. */
export function gather(context: BotContext, question: string, states: readonly TurnState[]): Gathered {
  const analysis = analyzeQuestion(question, context.index, context.size, context.titleWords);
  const previous = states
    .slice(-2)
    .reverse()
    .find((state) => state.answered);
  const inherited = followsUp(analysis, previous) ? (previous as TurnState).subject : [];
  const previousEvidence = inherited.length > 0 ? (previous as TurnState).evidence : [];
  const named = context.namedDocuments([...analysis.concepts, ...inherited]);
  const candidates = findCandidates(context, analysis, inherited, previousEvidence, named);
  // The passages an earlier answer cited, and the lead-in of any list item among them: the list is what it was about.
  const previousPassages = new Set<string>();
  for (const sentence of previousEvidence) {
    const passageId = context.corpus.sentences[sentence]?.passageId;
    if (passageId === undefined) continue;
    previousPassages.add(passageId);
    const leadIn = context.passages.get(passageId)?.leadIn;
    if (leadIn !== undefined) previousPassages.add(leadIn);
  }
  const input: FeatureInput = {
    analysis,
    inherited,
    previousPassages,
    previousSentences: new Set(previousEvidence),
    lead: context.lead(),
    named,
  };
  return {
    analysis,
    inherited,
    previous: inherited.length > 0 ? previous : undefined,
    lastEvidence: previous?.evidence[0],
    candidates,
    input,
  };
}

/** Whether the semantic part may change a question's decision: an English question the lexical part is unsure of. */
export function wantsSemantic(model: ScoringModel, gathered: Gathered, lexical: Deliberation): boolean {
  return (
    gathered.analysis.language === "en" &&
    gathered.candidates.length > 0 &&
    lexical.confidence >= model.band[0] &&
    lexical.confidence <= model.band[1]
  );
}

/**
 * Scores gathered candidates with one part of the model: ranking features and scores, then the
 * answer model's confidence in the best. With `similarity` (sentence-encoder cosines by sentence
 * number), the semantic features take their values.
 */
export function score(
  context: BotContext,
  part: ScoringPart,
  gathered: Gathered,
  similarity?: ReadonlyMap<number, number>,
): Deliberation {
  const input: FeatureInput = similarity
    ? { ...gathered.input, similarity, bestSimilarity: Math.max(0, ...similarity.values()) }
    : gathered.input;
  const candidates = gathered.candidates
    .map((candidate) => {
      const features = candidateFeatures(context, input, candidate);
      return { ...candidate, features, logit: linearScore(part.ranking, features) };
    })
    .sort((a, b) => b.logit - a.logit || a.rank - b.rank || a.sentence - b.sentence);
  const best = candidates[0];
  const x = best
    ? answerFeatures(context, input, best, best.features, best.logit, candidates[1]?.logit ?? best.logit - 5)
    : [];
  return {
    analysis: gathered.analysis,
    inherited: gathered.inherited,
    candidates,
    answerFeatures: x,
    confidence: best ? sigmoid(linearScore(part.answer, x)) : 0,
    threshold: part.threshold,
    previous: gathered.previous,
    lastEvidence: gathered.lastEvidence,
    input,
  };
}

/** The lexical decision on a question (what the synchronous API answers with). */
export function deliberate(
  context: BotContext,
  model: ScoringModel,
  question: string,
  states: readonly TurnState[],
): Deliberation {
  return score(context, model.lexical, gather(context, question, states));
}

/** The answer to a question and the state it leaves for the next turn. */
export interface AnsweredTurn {
  answer: Answer;
  state: TurnState;
}

/**
 * Answers a question from its words alone: deliberates, then abstains when the answer model's
 * confidence is under the threshold, else composes an answer from exact spans of the chosen sentences.
 */
export function answerQuestion(
  context: BotContext,
  model: ScoringModel,
  question: string,
  states: readonly TurnState[],
): AnsweredTurn {
  return conclude(context, model, deliberate(context, model, question, states));
}

/**
 * Answers a question, consulting the sentence encoder where the lexical decision is unsure (and
 * `semantic` is given): the encoder loads on the first such question only.
 */
export async function answerQuestionAsync(
  context: BotContext,
  model: ScoringModel,
  question: string,
  states: readonly TurnState[],
  semantic: SemanticSupport | undefined,
): Promise<AnsweredTurn> {
  const gathered = gather(context, question, states);
  let deliberation = score(context, model.lexical, gathered);
  if (semantic && wantsSemantic(model, gathered, deliberation)) {
    const similarity = await semantic.similarities(
      gathered.analysis.text,
      gathered.candidates.map((candidate) => candidate.sentence),
    );
    deliberation = score(context, model.semantic, gathered, similarity);
  }
  return conclude(context, model, deliberation);
}

/** Abstains under the threshold, else chooses sentences and composes the answer. */
function conclude(context: BotContext, model: ScoringModel, deliberation: Deliberation): AnsweredTurn {
  const { analysis, candidates, inherited } = deliberation;
  const strategy = STRATEGIES.find(
    (entry) => !context.options.withoutStrategies.includes(entry.name) && entry.applies(context, analysis),
  );
  const previousSentence = deliberation.lastEvidence;
  const previousDocument =
    previousSentence === undefined ? undefined : context.corpus.sentences[previousSentence]?.docId;
  const drafted = strategy?.draft(context, analysis, previousDocument);
  if (!drafted && (candidates.length === 0 || deliberation.confidence < deliberation.threshold)) {
    return {
      answer: abstain(context, analysis),
      state: { question: analysis.text, subject: [], intent: analysis.intent, evidence: [], answered: false },
    };
  }
  const chosen = drafted
    ? drafted.map((sentence, rank) => ({ sentence, rank, score: 0 }))
    : choose(context, deliberation, model);
  // Unsure: in the lower half of the confidences that answer.
  const unsure = !drafted && deliberation.confidence < (deliberation.threshold + 1) / 2;
  const { text, citations, sentences } = composeAnswer(
    context,
    analysis,
    chosen,
    unsure,
    deliberation.input.named,
  );
  const subject = [
    ...analysis.concepts.filter((concept) => concept.role === "content" && concept.known),
    ...inherited,
  ];
  return {
    answer: { question: analysis.text, answer: text, abstained: false, intent: analysis.intent, citations },
    state: { question: analysis.text, subject, intent: analysis.intent, evidence: sentences, answered: true },
  };
}

/** The content concepts (by index) a sentence's own words cover. */
function covered(context: BotContext, concepts: readonly Concept[], sentence: number): Set<number> {
  const terms = context.sentence(sentence).terms;
  const out = new Set<number>();
  concepts.forEach((concept, i) => {
    if (concept.role === "content" && concept.known && concept.terms.some((term) => terms.has(term)))
      out.add(i);
  });
  return out;
}

/**
 * The sentences to quote: the best candidate; for a question of several parts, the best-ranked
 * sentence covering each part the chosen ones leave out; then further candidates in rank order
 * whose softmax share is at least the model's companion share of the best's and that cover
 * something new, up to the model's number of sentences.
 */
function choose(context: BotContext, deliberation: Deliberation, model: ScoringModel): Candidate[] {
  const { analysis, candidates } = deliberation;
  const concepts = analysis.concepts;
  // What a sentence adds: the concepts that named a document are how the question found it, not
  // something a sentence answers ("我代表国务院，向大会作政府工作报告" adds nothing to
  // "1988年的政府工作报告怎么评价…").
  const says = (sentence: number) => {
    const out = covered(context, concepts, sentence);
    const docId = context.corpus.sentences[sentence]?.docId ?? "";
    for (const i of [...out])
      if (context.namesDocument(concepts[i] as Concept, docId, deliberation.input.named)) out.delete(i);
    return out;
  };
  const best = candidates[0] as ScoredCandidate;
  const chosen: Candidate[] = [best];
  const have = says(best.sentence);
  const weightOf = (indexes: Iterable<number>) => {
    let sum = 0;
    for (const i of indexes) sum += concepts[i]?.weight ?? 0;
    return sum;
  };
  for (const part of analysis.parts) {
    const missing = part.filter((i) => !have.has(i) && concepts[i]?.known);
    if (weightOf(missing) < 0.5 * weightOf(part)) continue;
    let pick: { candidate: ScoredCandidate; gain: number } | undefined;
    for (const candidate of candidates.slice(1, PART_POOL)) {
      if (chosen.includes(candidate)) continue;
      const gain = weightOf([...says(candidate.sentence)].filter((i) => missing.includes(i)));
      if (gain > 0 && (!pick || gain > pick.gain)) pick = { candidate, gain };
    }
    if (!pick) continue;
    chosen.push(pick.candidate);
    for (const i of says(pick.candidate.sentence)) have.add(i);
  }
  for (const candidate of candidates.slice(1)) {
    if (chosen.length >= model.sentences) break;
    // The softmax share of a candidate relative to the best's is exp(score difference).
    if (Math.exp(candidate.logit - best.logit) < model.companion) break;
    if (chosen.includes(candidate)) continue;
    // A note, a reference or a bare web address adds nothing beside an answer from the text.
    if (context.sentence(candidate.sentence).apparatus && !context.sentence(best.sentence).apparatus)
      continue;
    const adds = [...says(candidate.sentence)].filter((i) => !have.has(i));
    if (adds.length === 0) continue;
    for (const i of adds) have.add(i);
    chosen.push(candidate);
  }
  // The question's language leads: a Chinese question over Chinese sources is answered with
  // their words first, an English one with the English sentence first.
  const counterpart = otherLanguage(context, deliberation);
  if (counterpart) {
    const leads = (analysis.language === "zh") === context.sentence(counterpart.sentence).chinese;
    if (chosen.includes(counterpart)) chosen.splice(chosen.indexOf(counterpart), 1);
    chosen.splice(leads ? 0 : 1, 0, counterpart);
  }
  return chosen;
}

/**
 * For a question over documents in both languages: the candidate in the other language than
 * the best's that makes the same point most fully. It covers every concept of the question with
 * terms in both languages (a glossary or entity translation) that the best covers — in the
 * sentence or in its document's title ("十六大" in the title of the Sixteenth Congress's report)
 * — and says at least one of them itself; of those, the one with most of their terms. A Chinese
 * primary source and the English sentence that reports on it are quoted side by side.
 */
function otherLanguage(context: BotContext, deliberation: Deliberation): Candidate | undefined {
  const { analysis, candidates } = deliberation;
  const best = candidates[0];
  if (!best) return undefined;
  const bilingual = new Set<number>();
  analysis.concepts.forEach((concept, i) => {
    if (concept.role !== "content" || !concept.known) return;
    const han = concept.terms.some((term) => HAN.test(term));
    if (han && concept.terms.some((term) => LATIN.test(term))) bilingual.add(i);
  });
  if (bilingual.size === 0) return undefined;
  const aboutOf = new Map<number, Set<number>>();
  const about = (sentence: number) =>
    memo(aboutOf, sentence, () => {
      const title = context.titleTerms(context.corpus.sentences[sentence]?.docId ?? "");
      const out = covered(context, analysis.concepts, sentence);
      analysis.concepts.forEach((concept, i) => {
        if (bilingual.has(i) && concept.terms.some((term) => title.has(term))) out.add(i);
      });
      return out;
    });
  const shared = [...about(best.sentence)].filter((i) => bilingual.has(i));
  if (shared.length === 0) return undefined;
  const chinese = context.sentence(best.sentence).chinese;
  // The one that says most of it: the most terms of those concepts (in the sentence or its
  // title), then rank; it must say one of them itself, not only through its title. Any
  // candidate may stand beside the best: the other language's sentences can rank low.
  const terms = new Set(shared.flatMap((i) => analysis.concepts[i]?.terms ?? []));
  const pickFrom = (pool: readonly Candidate[]) => {
    let pick: { candidate: Candidate; met: number } | undefined;
    for (const candidate of pool) {
      if (context.sentence(candidate.sentence).chinese === chinese) continue;
      if (!shared.every((i) => about(candidate.sentence).has(i))) continue;
      const own = covered(context, analysis.concepts, candidate.sentence);
      if (!shared.some((i) => own.has(i))) continue;
      const sentenceTerms = context.sentence(candidate.sentence).terms;
      const title = context.titleTerms(context.corpus.sentences[candidate.sentence]?.docId ?? "");
      let met = 0;
      for (const term of terms) if (sentenceTerms.has(term) || title.has(term)) met++;
      if (!pick || met > pick.met) pick = { candidate, met };
    }
    return pick?.candidate;
  };
  return pickFrom(candidates.slice(1)) ?? searchOtherLanguage(context, deliberation, terms, pickFrom);
}

/** How many sentences the search for the other language's counterpart looks at. */
const COUNTERPART_SEARCHED = 20;

/**
 * When no candidate in the other language makes the best's point (an English question's search
 * rarely reaches the Chinese texts), the translated concepts' terms are searched on their own —
 * in the documents whose titles carry one of them ("二十大" for "the 20th Party Congress"), else
 * everywhere.
 */
function searchOtherLanguage(
  context: BotContext,
  deliberation: Deliberation,
  terms: ReadonlySet<string>,
  pickFrom: (pool: readonly Candidate[]) => Candidate | undefined,
): Candidate | undefined {
  const query = deliberation.analysis.analyzed;
  const best = deliberation.candidates[0];
  const script = best && context.sentence(best.sentence).chinese ? LATIN : HAN;
  const other = new Set([...terms].filter((term) => script.test(term)));
  const asked = { ...query, terms: query.terms.filter((term) => other.has(term.term)) };
  if (asked.terms.length === 0) return undefined;
  const titled = context.corpus.documents
    .filter((document) => [...other].some((term) => context.titleTerms(document.id).has(term)))
    .map((document) => document.id);
  const hits = context.index.candidates(asked, {
    limit: COUNTERPART_SEARCHED,
    ...(titled.length > 0 ? { docIds: titled } : {}),
  });
  return pickFrom(
    hits.map((hit, rank) => ({
      sentence: hit.sentence,
      rank: deliberation.candidates.length + rank,
      score: 0,
    })),
  );
}

/** The titles of the loaded documents, for a refusal ("“A”, “B” and 3 more"). */
function documentNames(context: BotContext): string {
  // A title that opens with a quotation mark of its own is not wrapped in another.
  const titles = context.corpus.documents.map((document) =>
    /^[“"‘']/.test(document.title) ? document.title : `“${document.title}”`,
  );
  if (titles.length <= 2) return titles.join(" and ");
  return `${titles.slice(0, 2).join(", ")} and ${titles.length - 2} more`;
}

/** A refusal that names the loaded documents, with the passages closest to the question alone. */
function abstain(context: BotContext, analysis: QuestionAnalysis): Answer {
  const related: Evidence[] = [];
  const registry = new CitationRegistry(context.documents, context.corpus.footnotes);
  for (const hit of context.index.searchCitations(analysis.text, { limit: RELATED })) {
    const evidence = registry.evidence(hit);
    if (evidence) related.push(evidence);
  }
  const one = context.corpus.documents.length === 1;
  const subject = `${one ? "The loaded document" : "The loaded documents"} (${documentNames(context)})`;
  const answer = `${subject} ${one ? "does" : "do"} not answer that.${related.length > 0 ? " The closest passages are listed below." : ""}`;
  return {
    question: analysis.text,
    answer,
    abstained: true,
    intent: analysis.intent,
    citations: [],
    ...(related.length > 0 ? { related } : {}),
  };
}
