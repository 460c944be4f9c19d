import type { Answer, Entity, Evidence, Intent } from "@newind/core";
import {
  type AnalysisContext,
  analyzeQuestion,
  type QuestionAnalysis,
} from "../analysis/analyze-question.js";
import { addEntityGroups, addHistoryTerms } from "../analysis/query-terms.js";
import type { BotContext } from "../bot-context.js";
import { tokenize } from "../text/tokens.js";
import { abstainReason, abstentionText, asksUnknownAttribute } from "./abstain.js";
import { answerComplement, answerRatio, answerShare, answerYearsBetween } from "./answer-computation.js";
import { answerDocumentTopic } from "./answer-document.js";
import { answerAboutEntity } from "./answer-entity.js";
import { answerFromSentences } from "./answer-generic.js";
import { answerItemPosition, answerOrdinalItem, answerWithList } from "./answer-list.js";
import { answerFromMetric } from "./answer-metric.js";
import { assertCitations, CitationRegistry } from "./citations.js";
import { AnswerComposer, MAX_ANSWER_LENGTH, MAX_LIST_ANSWER_LENGTH, shorten } from "./compose.js";
import type { Draft, StrategyInput } from "./draft.js";
import type { SentenceRecord } from "./evidence-index.js";
import { type PreparedText, textCoverage } from "./match-records.js";
import { type RankedSentence, type RankingQuery, rankSentences } from "./rank-sentences.js";

/** An answer with what the bot learnt on the way (used to resolve the next turn). */
export interface AnswerResult {
  answer: Answer;
  analysis: QuestionAnalysis;
  sentences: SentenceRecord[];
}

const RELATED_COUNT = 3;
const PLURAL_WHICH =
  /^\s*(?:(?:and|but|so|also|then) )?(?:in |of |from )?which (?:\w+ )?(?:countries|nations|companies|firms|cities|provinces|regions|organi[sz]ations|officials|people|leaders|ministries|agencies)\b/i;

function analysisContext(context: BotContext): AnalysisContext {
  const analysis: AnalysisContext = {
    vocabulary: context.vocabulary,
    entities: context.matcher,
    translator: context.translator,
    phrases: context.phrases,
  };
  const search = context.search;
  if (search?.analyze) {
    analysis.corrections = (question) => {
      try {
        const corrections = search.analyze?.(question).corrections ?? [];
        return new Map(corrections.map((c) => [c.from.toLowerCase(), c.to.toLowerCase()]));
      } catch {
        return undefined;
      }
    };
  }
  return analysis;
}

function rankingFor(context: BotContext, analysis: QuestionAnalysis, previous?: AnswerResult): RankingQuery {
  let query = analysis.query;
  const entityIds = new Set(analysis.entities.map((e) => e.id));
  const nearby = new Map<string, number>();
  if (previous) {
    const words = [
      ...previous.analysis.query.groups.map((group) => group.word),
      ...previous.analysis.entities.map((entity) => entity.name),
    ];
    // Entities named in the previous answer are what "he", "they" and "it" point at.
    for (const sentence of previous.sentences) {
      for (const id of sentence.entityIds) {
        const entity = context.index.entities.get(id);
        if (entity && entity.type !== "place" && entity.type !== "concept") words.push(entity.name);
      }
    }
    query = addHistoryTerms(query, words, 0.5);
    // The answer to a follow-up is usually next to the previous answer, rarely the same sentence again.
    for (const sentence of previous.sentences) {
      for (const neighbour of [sentence.previous, sentence.next]) {
        if (neighbour) nearby.set(neighbour.id, Math.max(nearby.get(neighbour.id) ?? 0, 0.5));
      }
    }
    for (const sentence of previous.sentences) nearby.set(sentence.id, -0.25);
  }
  const ranking: RankingQuery = {
    query,
    intent: analysis.intent,
    years: analysis.years,
    givenNumbers: analysis.givenNumbers,
    entityIds,
    nearby,
    curatedBonus: curatedBonus(context, analysis),
  };
  if (analysis.figureKinds) ranking.figureKinds = analysis.figureKinds;
  if (analysis.countedStems) ranking.countedStems = analysis.countedStems;
  if (analysis.actorTypes) ranking.actorTypes = analysis.actorTypes;
  if (
    /\b(?:when|how soon|by when|what year) (?:will|would|is .* expected to|are .* expected to)\b/i.test(
      analysis.english,
    )
  ) {
    ranking.future = true;
  }
  const searchBonus = searchBonusFor(context, analysis);
  if (searchBonus) ranking.searchBonus = searchBonus;
  return ranking;
}

function curatedBonus(context: BotContext, analysis: QuestionAnalysis): Map<string, number> {
  const bonus = new Map<string, number>();
  const add = (sentence: SentenceRecord | undefined, text: PreparedText, weight: number) => {
    if (!sentence) return;
    const coverage = textCoverage(text, analysis.query, context.matcher);
    if (coverage < 0.5) return;
    bonus.set(sentence.id, Math.max(bonus.get(sentence.id) ?? 0, weight * coverage));
  };
  if (analysis.intent === "number")
    for (const metric of context.metrics) add(metric.sentence, metric.prepared, 0.6);
  if (analysis.intent === "date")
    for (const event of context.timeline) add(event.sentence, event.prepared, 0.6);
  return bonus;
}

function searchBonusFor(context: BotContext, analysis: QuestionAnalysis): Map<string, number> | undefined {
  if (!context.search || context.options.searchLimit <= 0) return undefined;
  let hits: ReturnType<NonNullable<BotContext["search"]>["searchCitations"]> = [];
  try {
    hits = context.search.searchCitations(analysis.language === "zh" ? analysis.question : analysis.english, {
      limit: context.options.searchLimit,
    });
  } catch {
    return undefined;
  }
  const bonus = new Map<string, number>();
  hits.forEach((hit, rank) => {
    const sentence = context.sentenceAt(hit.docId, hit.start, hit.end);
    if (sentence && !bonus.has(sentence.id)) bonus.set(sentence.id, 0.3 / (1 + rank));
  });
  return bonus;
}

/** "when?" after "Who first proposed New Industrialization?": ask the new question about the old subject. */
function inheritSubject(analysis: QuestionAnalysis, previous: AnswerResult): void {
  analysis.query = {
    terms: [...previous.analysis.query.terms],
    groups: previous.analysis.query.groups.map((group) => ({ ...group })),
    corrections: [],
  };
  if (analysis.entities.length === 0) analysis.entities = [...previous.analysis.entities];
  if (analysis.years.length === 0) analysis.years = [...previous.analysis.years];
}

const WHICH_NOUN = /\b(?:which|what) ([a-z-]+(?:ies|[^s]s))\b/i;
const ELIDED_WHICH = /\b(which|what) (?:ones|of them|of those|of these)\b/i;

const PERSON_PRONOUN = /\b(he|she|him|his|her|hers)\b/i;
const THING_PRONOUN = /\b(it|its|they|them|their|theirs|this|that)\b/i;

/**
 * "what did he call for?" after "who is Li Qiang?": the pronoun stands for the previous
 * turn's subject — an entity of the previous question of a fitting type, else one its
 * answer named — which becomes part of what the evidence must cover.
 */
function resolvePronouns(context: BotContext, analysis: QuestionAnalysis, previous: AnswerResult): void {
  const wantsPerson = PERSON_PRONOUN.test(analysis.english);
  const wantsThing = THING_PRONOUN.test(analysis.english);
  if (!wantsPerson && !wantsThing) return;
  const fits = (entity: Entity) =>
    wantsPerson ? entity.type === "person" : entity.type !== "person" && entity.type !== "place";
  let subject = previous.analysis.entities.filter(fits);
  if (subject.length === 0) {
    const named = previous.sentences.slice(0, 1).flatMap((sentence) => [...sentence.entityIds]);
    subject = named
      .map((id) => context.index.entities.get(id))
      .filter(
        (entity): entity is Entity => entity !== undefined && fits(entity) && entity.type !== "concept",
      );
  }
  if (subject.length === 0) return;
  analysis.entities = [...analysis.entities, ...subject.slice(0, 1)];
  analysis.query = addEntityGroups(analysis.query, subject.slice(0, 1), context.vocabulary);
  // "what did he say…": the pronoun is the speaker, so the evidence must be his.
  if (
    /\b(?:what|how) (?:did|does|do|has|have|would) (?:he|she|they) (?:say|said|tell|think|call|describe|stress|argue|propose|mention|write|claim|urge)\b/i.test(
      analysis.english,
    )
  ) {
    const added = analysis.query.groups.find((group) => group.entityId === subject[0]?.id);
    if (added) added.focus = true;
  }
}

function related(context: BotContext, ranked: readonly RankedSentence[]): Evidence[] {
  const registry = new CitationRegistry(context.index.documents, context.corpus.footnotes);
  const out: Evidence[] = [];
  for (const candidate of ranked) {
    if (out.length >= RELATED_COUNT) break;
    const record = candidate.record;
    const evidence = registry.evidence(record);
    if (evidence) out.push(evidence);
  }
  return out;
}

function abstention(
  context: BotContext,
  analysis: QuestionAnalysis,
  ranked: readonly RankedSentence[],
  text: string,
  intent: Intent,
): AnswerResult {
  const answer: Answer = {
    question: analysis.question,
    answer: text,
    abstained: true,
    intent,
    citations: [],
  };
  const closest = related(context, ranked);
  // Only promise related passages when there are some.
  if (closest.length === 0)
    answer.answer = text.replace(
      /: the closest passages are listed as related, but none answers the question\./,
      ".",
    );
  if (closest.length > 0) answer.related = closest;
  return { answer, analysis, sentences: ranked.slice(0, 1).map((r) => r.record) };
}

function strategyInput(
  context: BotContext,
  analysis: QuestionAnalysis,
  ranked: RankedSentence[],
  registry: CitationRegistry,
): StrategyInput {
  return { context, analysis, ranked, newComposer: () => new AnswerComposer(registry) };
}

function draftFor(input: StrategyInput): Draft | undefined {
  const { analysis } = input;
  // "What's this piece about?": the document's own summary.
  const topic = answerDocumentTopic(input);
  if (topic) return topic;
  if (analysis.compute === "years-between") {
    const computed = answerYearsBetween(input);
    if (computed) return computed;
  }
  if (analysis.compute === "share") {
    const computed = answerShare(input);
    if (computed) return computed;
  }
  if (analysis.compute === "ratio") {
    const computed = answerRatio(input);
    if (computed) return computed;
  }
  if (analysis.compute === "complement") {
    const computed = answerComplement(input);
    if (computed) return computed;
  }
  // "kendra schaefer title at trivium" has no question word, but asks what "who is" asks.
  if (analysis.intent === "who" || analysis.intent === "definition" || analysis.intent === "other") {
    const about = answerAboutEntity(input);
    if (about) return about;
  }
  const item = answerOrdinalItem(input) ?? answerItemPosition(input);
  if (item) return item;
  if (analysis.intent === "list") {
    const list = answerWithList(input);
    if (list) return list;
  }
  // "Which countries…", "which companies…": several answers, as a curated list gives them.
  if (analysis.intent === "who" && PLURAL_WHICH.test(analysis.english)) {
    const list = answerWithList(input, true);
    if (list?.confident) return list;
  }
  const generic = answerFromSentences(input);
  // No sentence holds the figure asked for, but a curated metric does ("how many countries…").
  if (analysis.intent === "number" && generic?.best && !generic.best.typed) {
    const metric = answerFromMetric(input);
    if (metric) return metric;
  }
  // A lead that introduces a list ("…by doing the following:") is answered with the list.
  if (generic?.best?.record.introducesList && !["number", "date", "who", "why"].includes(analysis.intent)) {
    const list = answerWithList(input);
    if (list) return list;
  }
  return generic;
}

/** The strategies that suit one part of a multi-part question, within its share of the length. */
function partDraft(input: StrategyInput, budget: number): Draft | undefined {
  const { analysis } = input;
  if (analysis.compute === "years-between") {
    const computed = answerYearsBetween(input);
    if (computed) return computed;
  }
  if (analysis.intent === "who" || analysis.intent === "definition") {
    const about = answerAboutEntity(input);
    if (about) return about;
  }
  if (analysis.intent === "list") {
    const list = answerWithList(input);
    if (list) return list;
  }
  const generic = answerFromSentences(input, budget, 1);
  if (analysis.intent === "number" && generic?.best && !generic.best.typed)
    return answerFromMetric(input) ?? generic;
  return generic;
}

function multiPart(
  context: BotContext,
  analysis: QuestionAnalysis,
  previous: AnswerResult | undefined,
): AnswerResult | undefined {
  if (analysis.parts.length < 2) return undefined;
  const registry = new CitationRegistry(context.index.documents, context.corpus.footnotes);
  const texts: string[] = [];
  const sentences: SentenceRecord[] = [];
  const intents: Intent[] = [];
  // Within 600 characters: a question the splitter reads as two parts may be graded as one.
  const budget = Math.floor(MAX_ANSWER_LENGTH / analysis.parts.length) - 10;
  let before = previous;
  for (const part of analysis.parts) {
    const partAnalysis = analyzeQuestion(part, analysisContext(context));
    // "Who is Li Qiang and what did he call for?": a later part's pronoun is the earlier part's subject.
    if (before) resolvePronouns(context, partAnalysis, before);
    // A later part asks something else: the sentences an earlier part answered with are not its answer.
    const used = new Set(sentences.map((sentence) => sentence.id));
    const ranked = rankSentences(context.index, rankingFor(context, partAnalysis, previous)).filter(
      (candidate) => !used.has(candidate.record.id),
    );
    // Each part composes apart (sharing the citation numbers), so a part that turns out
    // unanswered leaves nothing behind.
    const composer = new AnswerComposer(registry);
    const input: StrategyInput = { context, analysis: partAnalysis, ranked, newComposer: () => composer };
    const draft = partDraft(input, budget);
    const reason =
      draft?.confident && !asksUnknownAttribute(partAnalysis)
        ? undefined
        : abstainReason(partAnalysis, draft?.best, context.options);
    intents.push(partAnalysis.intent);
    if (!draft || reason || composer.empty) continue;
    texts.push(composer.text());
    sentences.push(...draft.sentences);
    before = {
      answer: { question: part, answer: "", abstained: false, intent: partAnalysis.intent, citations: [] },
      analysis: partAnalysis,
      sentences: draft.sentences,
    };
  }
  if (texts.length === 0) return undefined;
  const answer: Answer = {
    question: analysis.question,
    answer: shorten(
      texts.map((text) => text.trim()).join(texts.some((t) => t.includes("\n")) ? "\n" : " "),
      MAX_LIST_ANSWER_LENGTH,
    ),
    abstained: false,
    intent: intents[0] ?? analysis.intent,
    citations: registry.list(),
  };
  return { answer, analysis, sentences };
}

/**
 * Answers one question: analyse, resolve a follow-up against earlier turns, rank
 * sentences, try the strategies that fit (computation, entity, list, sentences), check
 * the evidence really answers, and cite every claim with exact spans.
 */
export function answerQuestion(
  context: BotContext,
  question: string,
  history: readonly string[],
  depth = 0,
): AnswerResult {
  let analysis = analyzeQuestion(question, analysisContext(context));
  let previous: AnswerResult | undefined;
  if (history.length > 0 && analysis.followUpCues && depth < context.options.maxHistory) {
    const earlier = history.slice(0, -1);
    const last = history[history.length - 1] ?? "";
    if (tokenize(last).length > 0) previous = answerQuestion(context, last, earlier, depth + 1);
    // "and in the US?" asks the previous question again about something else: same intent.
    if (
      previous &&
      analysis.intent === "other" &&
      /^\s*(and|what about|how about|and what about|same for)\b/i.test(analysis.english)
    ) {
      analysis.intent = previous.analysis.intent;
      if (previous.analysis.figureKinds) analysis.figureKinds = previous.analysis.figureKinds;
    }
  }
  // "and which ones is China trying to copy?" after "which countries compete with China?": the
  // elided noun is the one the previous question asked for.
  if (previous) {
    const asked = WHICH_NOUN.exec(previous.analysis.english)?.[1];
    if (asked && ELIDED_WHICH.test(analysis.english)) {
      const rewritten = analysis.english.replace(ELIDED_WHICH, `$1 ${asked}`);
      const reread = analyzeQuestion(rewritten, analysisContext(context));
      reread.question = analysis.question;
      analysis = reread;
    }
  }
  if (previous && analysis.query.groups.length === 0) inheritSubject(analysis, previous);
  if (previous) resolvePronouns(context, analysis, previous);
  const ranking = rankingFor(context, analysis, previous);
  const ranked = rankSentences(context.index, ranking);
  if (analysis.query.groups.length === 0 && !previous) {
    return abstention(context, analysis, ranked, abstentionText("empty"), analysis.intent);
  }
  const multi = multiPart(context, analysis, previous);
  if (multi) return finish(context, multi);
  const registry = new CitationRegistry(context.index.documents, context.corpus.footnotes);
  const draft = draftFor(strategyInput(context, analysis, ranked, registry));
  // A follow-up leans on the earlier turn for its subject, so it needs less of its own words covered.
  const slack = previous ? 0.2 : 0;
  const reason =
    draft?.confident && !asksUnknownAttribute(analysis)
      ? undefined
      : abstainReason(analysis, draft?.best ?? ranked[0], context.options, slack);
  if (!draft || reason || draft.composer.empty) {
    return abstention(context, analysis, ranked, abstentionText(reason ?? "not-covered"), analysis.intent);
  }
  const limit = draft.long ? MAX_LIST_ANSWER_LENGTH : MAX_ANSWER_LENGTH;
  const answer: Answer = {
    question: analysis.question,
    answer: shorten(draft.composer.text(), limit),
    abstained: false,
    intent: draft.intent,
    citations: registry.list(),
  };
  return finish(context, { answer, analysis, sentences: draft.sentences });
}

function finish(context: BotContext, result: AnswerResult): AnswerResult {
  // Citations are numbered by first appearance in the text: those a shortened answer no
  // longer mentions are dropped, and a part of a multi-part answer that reuses an earlier
  // part's citation after new ones does not break the order.
  const { answer } = result;
  const order: number[] = [];
  for (const match of answer.answer.matchAll(/\[(\d+)\]/g)) {
    const n = Number(match[1]);
    if (!order.includes(n) && answer.citations.some((citation) => citation.n === n)) order.push(n);
  }
  const inOrder = order.length === answer.citations.length && order.every((n, i) => n === i + 1);
  if (!inOrder) {
    const renumber = new Map(order.map((n, i) => [n, i + 1]));
    answer.answer = answer.answer.replace(/\[(\d+)\]/g, (_all, n: string) => {
      const to = renumber.get(Number(n));
      return to === undefined ? "" : `[${to}]`;
    });
    const byNumber = new Map(answer.citations.map((citation) => [citation.n, citation]));
    answer.citations = order.flatMap((n, i) => {
      const citation = byNumber.get(n);
      return citation ? [{ ...citation, n: i + 1 }] : [];
    });
  }
  assertCitations(answer.citations, context.index.documents, context.corpus.footnotes);
  return result;
}
