import type { Intent } from "@newind/core";
import type { QueryTerms } from "../analysis/query-terms.js";
import type { Figure, FigureKind } from "../text/numbers.js";
import { tokenize } from "../text/tokens.js";
import type { EvidenceIndex, SentenceRecord } from "./evidence-index.js";

/** What ranking needs to know about the question. */
export interface RankingQuery {
  query: QueryTerms;
  intent: Intent;
  figureKinds?: readonly FigureKind[];
  /** Years the question names: the evidence should name them too. */
  years: readonly number[];
  /** Numbers the question itself gives (they cannot be its answer). */
  givenNumbers: ReadonlySet<number>;
  /** The question asks about the future ("when will …"). */
  future?: boolean;
  /** For "who"/"which country": the entity types that answer (default people, organisations, companies). */
  actorTypes?: readonly string[];
  /** For "how many X": stems of X and its stand-ins; a count must count them. */
  countedStems?: ReadonlySet<string>;
  /** Entity ids the question names (a "who" answer names someone else). */
  entityIds: ReadonlySet<string>;
  /** Sentence ids near which a follow-up's answer is likely (the previous answer's evidence). */
  nearby?: ReadonlyMap<string, number>;
  /** Bonus per sentence id from the search index's ranking. */
  searchBonus?: ReadonlyMap<string, number>;
  /** Bonus per sentence id from curated datasets that fit the question. */
  curatedBonus?: ReadonlyMap<string, number>;
}

/** A sentence with its scores for one question. */
export interface RankedSentence {
  record: SentenceRecord;
  /** Lexical match (idf-weighted), before intent. */
  lexical: number;
  /** Share of the question's content (idf-weighted) the sentence covers, directly or from its context. */
  coverage: number;
  /** Coverage by the sentence's own words only. */
  directCoverage: number;
  /** Has what the intent asks for (a date, a figure of the right kind, an actor, a cause). */
  typed: boolean;
  /** The years the question names all appear in the sentence or its context. */
  yearsMatch: boolean;
  /** Credit per question group (0–1), directly or from context. */
  groupCredit: number[];
  score: number;
}

const CONTEXT_CREDIT = 0.6;
// Half: enough to carry a paraphrase ("caught" near "trap"), too little to cover a topic the corpus lacks.
const WORDNET_COVER = 0.5;

interface Surroundings {
  /** Stems within 80 characters either side. */
  window: ReadonlySet<string>;
  /** The three words after and before. */
  after: string[];
  before: string[];
}

// Per sentence and figure, computed once: ranking asks the same for every question.
const SURROUNDINGS = new WeakMap<SentenceRecord, Map<number, Surroundings>>();

/** The words around a figure of a sentence (memoised). */
function surroundings(record: SentenceRecord, figure: Figure): Surroundings {
  let perFigure = SURROUNDINGS.get(record);
  if (!perFigure) {
    perFigure = new Map();
    SURROUNDINGS.set(record, perFigure);
  }
  let found = perFigure.get(figure.index);
  if (!found) {
    const end = figure.index + figure.text.length;
    const text = record.text;
    found = {
      window: new Set(tokenize(text.slice(Math.max(0, figure.index - 80), end + 80)).map((t) => t.stem)),
      after: tokenize(text.slice(end, end + 40))
        .slice(0, 3)
        .map((t) => t.stem),
      before: tokenize(text.slice(Math.max(0, figure.index - 40), figure.index))
        .slice(-3)
        .map((t) => t.stem),
    };
    perFigure.set(figure.index, found);
  }
  return found;
}
const FUTURE =
  /\b(?:by|for|until|before|through) (?:19|20)\d{2}\b|\bwill\b|\bgoals?\b|\btargets?\b|\bdeadline\b|\bplans? to\b/i;

/** Which figures of a sentence could answer (not years unless asked, not numbers the question gives). */
export function answeringFigures(
  record: SentenceRecord,
  ranking: Pick<RankingQuery, "figureKinds" | "givenNumbers">,
) {
  const kinds = ranking.figureKinds ?? ["count", "percent", "money", "duration"];
  return record.figures.filter(
    (figure) => kinds.includes(figure.kind) && !ranking.givenNumbers.has(figure.value),
  );
}

function hasAnsweringDate(record: SentenceRecord, ranking: RankingQuery): boolean {
  if (!record.hasDate) return false;
  const years = record.figures.filter((figure) => figure.kind === "year").map((figure) => figure.value);
  if (years.length === 0)
    return /\b(january|february|march|april|may|june|july|august|september|october|november|december)\b/i.test(
      record.text,
    );
  return years.some((year) => !ranking.years.includes(year)) || years.length === 0;
}

/** True when the sentence holds the kind of thing the intent asks for. */
export function isTyped(
  record: SentenceRecord,
  ranking: RankingQuery,
  index: EvidenceIndex,
  topicStems: ReadonlySet<string> = new Set(),
): boolean {
  switch (ranking.intent) {
    case "number": {
      const figures = answeringFigures(record, ranking);
      if (figures.length === 0) return false;
      if (!ranking.countedStems || ranking.countedStems.size === 0) {
        // A figure answers only if it stands near what was asked ("$650 billion" near "cleantech market").
        if (topicStems.size === 0) return true;
        // …or illustrates what the sentences before it name ("…overcapacity. … In 2020, there were 122…").
        if ([...topicStems].some((s) => record.contextStems.has(s))) return true;
        return figures.some((figure) =>
          [...surroundings(record, figure).window].some((s) => topicStems.has(s)),
        );
      }
      // "How many X": a count must count X ("122 auto manufacturers", "Of those 122 manufacturers, 101").
      return figures.some((figure) => {
        if (figure.kind !== "count") return true;
        const { after, before } = surroundings(record, figure);
        if ([...after, ...before].some((s) => ranking.countedStems?.has(s))) return true;
        // "Of those 122 manufacturers, 101 were…": the count refers back to the noun counted before it.
        return record.figures.some(
          (other) =>
            other !== figure &&
            other.kind === "count" &&
            surroundings(record, other)
              .after.slice(0, 2)
              .some((s) => ranking.countedStems?.has(s)),
        );
      });
    }
    case "date":
      // "When will …?" asks about the future: only a sentence that looks ahead answers it.
      if (ranking.future && !FUTURE.test(record.text)) return false;
      // The date must be of what was asked: the sentence speaks of it ("founded", "began making batteries").
      // A year, or an event that dates it ("until the EV revolution, when…"), unless a year was asked.
      return (
        (hasAnsweringDate(record, ranking) || (record.eventDated && ranking.years.length === 0)) &&
        (topicStems.size === 0 ||
          [...topicStems].some((s) => record.stems.has(s) || record.contextStems.has(s)))
      );
    case "who": {
      for (const id of record.entityIds) {
        const entity = index.entities.get(id);
        if (
          entity &&
          !ranking.entityIds.has(id) &&
          ["person", "organization", "company", "place"].includes(entity.type)
        ) {
          return true;
        }
      }
      return record.namesActor && record.entityIds.size === 0;
    }
    case "why":
      return record.causal;
    case "definition":
      return record.definitional;
    case "comparison":
      return record.comparative;
    case "list":
      return (
        record.introducesList ||
        record.passage.kind === "list-item" ||
        (record.text.match(/,/g)?.length ?? 0) >= 2
      );
    default:
      return true;
  }
}

const INTENT_BOOST: Record<Intent, number> = {
  number: 1.6,
  date: 1.6,
  who: 1.35,
  why: 1.25,
  definition: 1.3,
  comparison: 1.25,
  list: 1.2,
  other: 1,
};

/**
 * Scores every sentence for a question: idf-weighted term matches (one per question word,
 * best stand-in wins), coverage of the question's content, and boosts for what the intent
 * asks for, for curated records that fit, for the search index's own ranking and, in a
 * follow-up, for sentences near the previous answer.
 */
export function rankSentences(index: EvidenceIndex, ranking: RankingQuery): RankedSentence[] {
  const { query } = ranking;
  const totalWeight = query.groups.reduce((sum, group) => sum + group.weight, 0);
  // The words a figure must stand near to answer: the question's own content, not its entities or years.
  // Concepts ("overcapacity") are topics; people, organisations and places are not.
  const topicGroups = new Set(
    query.groups.flatMap((group, g) => (group.entityId || /^\d{4}s?$/.test(group.word) ? [] : [g])),
  );
  // WordNet's stand-ins are too loose to say what a figure or a date must stand near.
  const topicStems = new Set(
    query.terms
      .filter((term) => topicGroups.has(term.group) && term.origin !== "wordnet")
      .map((term) => term.stem),
  );
  for (const group of query.groups) {
    const entity = group.entityId ? index.entities.get(group.entityId) : undefined;
    if (!entity || !["concept", "event", "document"].includes(entity.type)) continue;
    for (const name of [entity.name, ...entity.aliases])
      for (const t of tokenize(name)) topicStems.add(t.stem);
  }
  const ranked: RankedSentence[] = [];
  for (const record of index.sentences) {
    const groupCredit = new Array<number>(query.groups.length).fill(0);
    const contextCredit = new Array<number>(query.groups.length).fill(0);
    const wordnetCredit = new Array<number>(query.groups.length).fill(0);
    let historyScore = 0;
    for (const term of query.terms) {
      const direct = term.allOf ? term.allOf.every((s) => record.stems.has(s)) : record.stems.has(term.stem);
      const inContext =
        !direct &&
        (term.allOf
          ? term.allOf.every((s) => record.stems.has(s) || record.contextStems.has(s))
          : record.contextStems.has(term.stem));
      if (!direct && !inContext) continue;
      if (term.group < 0) {
        historyScore += term.weight * (direct ? 1 : CONTEXT_CREDIT);
        continue;
      }
      const credit = term.weight;
      if (term.origin === "wordnet") {
        // WordNet's stand-ins retrieve; they cover the question word only weakly.
        const value = direct ? credit : credit * CONTEXT_CREDIT;
        wordnetCredit[term.group] = Math.max(wordnetCredit[term.group] ?? 0, value);
        continue;
      }
      if (direct) groupCredit[term.group] = Math.max(groupCredit[term.group] ?? 0, credit);
      else contextCredit[term.group] = Math.max(contextCredit[term.group] ?? 0, credit * CONTEXT_CREDIT);
    }
    for (let g = 0; g < query.groups.length; g++) {
      const group = query.groups[g];
      if (group?.entityId && record.entityIds.has(group.entityId)) groupCredit[g] = 1;
      else if (group?.entityId && record.contextEntityIds.has(group.entityId)) {
        contextCredit[g] = Math.max(contextCredit[g] ?? 0, CONTEXT_CREDIT);
      }
    }
    let lexical = 0;
    let covered = 0;
    let directCovered = 0;
    for (let g = 0; g < query.groups.length; g++) {
      const weight = query.groups[g]?.weight ?? 0;
      const direct = groupCredit[g] ?? 0;
      const best = Math.max(direct, contextCredit[g] ?? 0);
      const stand = wordnetCredit[g] ?? 0;
      lexical += weight * Math.max(direct + 0.5 * Math.max(0, best - direct), stand);
      covered += weight * Math.max(best, stand * WORDNET_COVER);
      directCovered += weight * direct;
    }
    lexical += historyScore;
    if (lexical <= 0 && !ranking.nearby?.has(record.id)) continue;
    const coverage = totalWeight > 0 ? covered / totalWeight : 0;
    const directCoverage = totalWeight > 0 ? directCovered / totalWeight : 0;
    const lengthNorm = Math.sqrt(0.6 + (0.4 * record.tokenCount) / Math.max(index.averageLength, 1));
    const typed = isTyped(record, ranking, index, topicStems);
    const contextYears = new Set(record.figures.filter((f) => f.kind === "year").map((f) => f.value));
    for (const year of yearsOfContext(record)) contextYears.add(year);
    const yearsMatch = ranking.years.every((year) => contextYears.has(year) || decadeHas(contextYears, year));
    let score = (lexical / lengthNorm) * (0.5 + coverage);
    if (typed) score *= INTENT_BOOST[ranking.intent];
    if (ranking.years.length > 0) score *= yearsMatch ? 1.3 : 0.6;
    score *= 1 + (ranking.curatedBonus?.get(record.id) ?? 0);
    score *= 1 + (ranking.searchBonus?.get(record.id) ?? 0);
    score *= 1 + (ranking.nearby?.get(record.id) ?? 0);
    if (record.passage.role !== "body" && record.passage.role !== "standfirst") score *= 0.8;
    // Items of a list name things; they rarely explain or compare.
    if (record.passage.kind === "list-item" && ["why", "comparison", "definition"].includes(ranking.intent))
      score *= 0.7;
    const credits = groupCredit.map((direct, g) => Math.max(direct, contextCredit[g] ?? 0));
    ranked.push({
      record,
      lexical,
      coverage,
      directCoverage,
      typed,
      yearsMatch,
      groupCredit: credits,
      score,
    });
  }
  ranked.sort((a, b) => b.score - a.score || a.record.order - b.record.order);
  return ranked;
}

function yearsOfContext(record: SentenceRecord): number[] {
  const years: number[] = [];
  if (record.previous) for (const f of record.previous.figures) if (f.kind === "year") years.push(f.value);
  return years;
}

function decadeHas(years: ReadonlySet<number>, year: number): boolean {
  // "the 1950s" in the question is met by "1950s" (stored as 1950) in the text, and vice versa.
  return year % 10 === 0 ? [...years].some((y) => y >= year && y < year + 10) : false;
}
