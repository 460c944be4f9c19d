import { isStopWord, segmentChinese, stemWord, surfaceWords, tokenizeWords } from "./analyzer.js";
import type { ExpansionRule, ExpansionTable } from "./expansions.js";
import { CHINESE_STOP_WORDS } from "./stop-words.js";
import type { Correction, Vocabulary } from "./vocabulary.js";

/** Where a query term comes from. */
export type QueryTermSource = "query" | "correction" | "completion" | "expansion" | "chinese";

/** One term to search for, with its weight and the concept it belongs to. */
export interface QueryTerm {
  /** The index term (folded, stemmed). */
  term: string;
  /** Relative weight: 1 for the user's own words, less for corrections, expansions and completions. */
  weight: number;
  /**
   * The concept the term stands for: a word of the query and the terms that expand it share
   * a group; ranking rewards sentences covering many groups. -1 for terms that only add recall.
   */
  group: number;
  source: QueryTermSource;
  /** The query's own word (folded, corrected) the term comes from; absent for expansions. */
  word?: string;
}

/** An expansion applied to a query. */
export interface AppliedExpansion {
  /** The query words (analysed) or Chinese form that triggered it. */
  from: string;
  /** The terms added. */
  to: string[];
  source: ExpansionRule["source"] | "initials";
}

/** The analysis of a query: what {@link SearchIndex.searchCitations} searches for. */
export interface AnalyzedQuery {
  /** The query as given (cut to {@link MAX_QUERY_LENGTH} characters). */
  query: string;
  /** "zh" when the query is mostly Chinese, "en" when it has Latin letters or digits, "none" when neither. */
  language: "en" | "zh" | "none";
  /** The user's own content words, folded and spelling-corrected, before stemming. */
  words: string[];
  /** Distinct index terms with their weights. */
  terms: QueryTerm[];
  /** Number of concept groups (see {@link QueryTerm.group}). */
  groups: number;
  corrections: Correction[];
  expansions: AppliedExpansion[];
}

/** What {@link analyzeQuery} may use beyond the query: an index's vocabulary and expansions. */
export interface AnalyzeQueryContext {
  vocabulary?: Vocabulary;
  expansions?: ExpansionTable;
}

/** Queries are cut to this many characters: nobody types more, and a pasted book must not stall search. */
export const MAX_QUERY_LENGTH = 1000;

const WEIGHT = {
  query: 1,
  correction: 0.9,
  completion: 0.6,
  expansion: 0.6,
  initials: 0.7,
  chinese: 0.8,
} as const;
const HAN = /\p{Script=Han}/gu;
const HAN_ANY = /\p{Script=Han}/u;
const TRANSLATED_HAN_WEIGHT = 0.4;
const LATIN_OR_DIGIT = /[\p{Script=Latin}\p{N}]/gu;
const ACRONYM = /^[A-Z]{2,6}s?$/;
const ENDS_MID_WORD = /[\p{L}\p{N}]$/u;

/**
 * Analyses a query into weighted index terms: the tokenizer's terms, spelling corrected
 * against the vocabulary (when given), the last word completed when it is unfinished,
 * and expanded with entity aliases, glossary terms and acronyms (when given).
 * Never throws; an empty, whitespace or punctuation-only query gives no terms.
 *
 * @example
 * analyzeQuery("60% of car makers").terms.map((term) => term.term); // ["60", "percent", "car", "maker"]
 * // With an index's vocabulary and expansions (what index.analyze does): corrections and synonyms.
 * index.analyze("premeir li quiang").corrections; // premeir → premier, quiang → qiang
 */
// biome-ignore-start lint/complexity/noExcessiveLinesPerFunction: the query's pipeline (tokens, corrections, completion, expansions, weights) is one pass over shared term state; each step is a short block of it
export function analyzeQuery(query: string, context?: AnalyzeQueryContext | null): AnalyzedQuery {
  // Never throws: a query that is not a string (a caller's mistake) analyses as empty.
  const raw = typeof query === "string" ? query : "";
  const text = raw.length > MAX_QUERY_LENGTH ? raw.slice(0, MAX_QUERY_LENGTH) : raw;
  const { vocabulary, expansions } = context ?? {};
  const byTerm = new Map<string, QueryTerm>();
  const corrections: Correction[] = [];
  const applied: AppliedExpansion[] = [];
  const words: string[] = [];
  // The query's own terms in order, with their groups, for phrase matching of expansions.
  const sequence: Array<{ term: string; group: number }> = [];
  let groups = 0;
  const add = (term: string, weight: number, group: number, source: QueryTermSource, word?: string) => {
    const existing = byTerm.get(term);
    if (!existing)
      byTerm.set(
        term,
        word === undefined ? { term, weight, group, source } : { term, weight, group, source, word },
      );
    else if (weight > existing.weight) Object.assign(existing, { weight, source });
  };

  const patternTerms = expansions ? ruleIndex(expansions).terms : EMPTY;
  const tokens = tokenizeWords(text);
  const unfinished = ENDS_MID_WORD.test(text);
  tokens.forEach((token, index) => {
    if (token.han) {
      // Segmenter words are the concepts; bigrams only add recall where segmentation differs.
      const { words: hanWords, bigrams } = segmentChinese(token.raw);
      for (const word of hanWords)
        if (!CHINESE_STOP_WORDS.has(word)) add(word, WEIGHT.query, groups++, "query", word);
      for (const bigram of bigrams) add(bigram, 0.4, -1, "query");
      return;
    }
    const surfaces = surfaceWords(token.raw);
    const group = groups;
    let used = false;
    const initials = ACRONYM.test(token.raw)
      ? expansions?.initials.find(([key]) => key === token.raw.toLowerCase().replace(/s$/, ""))
      : undefined;
    for (const surface of surfaces) {
      if (isStopWord(surface)) continue;
      let word = surface;
      let source: QueryTermSource = "query";
      // Words the expansions know ("NEVs", "automakers") are not typos even when the text never uses them.
      if (vocabulary && !vocabulary.knows(surface) && !initials && !patternTerms.has(stemWord(surface))) {
        const isLast = index === tokens.length - 1 && unfinished && surfaces.length === 1;
        const completions = isLast && surface.length >= 3 ? vocabulary.complete(surface, 3) : [];
        if (completions.length > 0) {
          for (const completion of completions)
            add(stemWord(completion), WEIGHT.completion, group, "completion", completion);
          used = true;
          continue;
        }
        const correction = vocabulary.correct(surface);
        if (correction) {
          corrections.push(correction);
          if (isStopWord(correction.to)) continue;
          word = correction.to;
          source = "correction";
        }
      }
      const term = stemWord(word);
      words.push(word);
      add(term, source === "query" ? WEIGHT.query : WEIGHT.correction, group, source, word);
      sequence.push({ term, group });
      used = true;
    }
    if (initials) {
      applied.push({ from: token.raw, to: initials[1], source: "initials" });
      for (const term of initials[1]) add(term, WEIGHT.initials, group, "expansion");
      used = true;
    }
    if (used) groups++;
  });

  if (expansions) {
    const folded = text.normalize("NFKC");
    const rulesByFirstTerm = ruleIndex(expansions).byFirstTerm;
    // The longest form wins: a form whose every occurrence lies inside a longer one that also
    // matched ("十六大" in "党的十六大", "中国" in "中国式现代化") is part of that one, not a
    // concept of its own. Rules with the same form (an entity and a glossary entry) share a group.
    const matchedChinese = (HAN_ANY.test(folded) ? expansions.chinese : []).filter((rule) =>
      folded.includes(rule.form),
    );
    const spansOf = (form: string) => {
      const out: number[] = [];
      for (let at = folded.indexOf(form); at >= 0; at = folded.indexOf(form, at + 1)) out.push(at);
      return out;
    };
    const inside = (form: string) =>
      spansOf(form).every((at) =>
        matchedChinese.some(
          (other) =>
            other.form.length > form.length &&
            spansOf(other.form).some((start) => start <= at && at + form.length <= start + other.form.length),
        ),
      );
    const groupOfForm = new Map<string, number>();
    for (const rule of matchedChinese) {
      if (inside(rule.form)) continue;
      let group = groupOfForm.get(rule.form);
      if (group === undefined) {
        group = groups++;
        groupOfForm.set(rule.form, group);
      }
      // The Chinese words the form covers are now carried by their translation: they join
      // its concept, and count for less, since the document's few Chinese words would
      // otherwise outweigh the English sentences that answer.
      for (const queryTerm of byTerm.values()) {
        if (
          queryTerm.source === "query" &&
          HAN_ANY.test(queryTerm.term) &&
          rule.form.includes(queryTerm.term)
        ) {
          queryTerm.weight = Math.min(queryTerm.weight, TRANSLATED_HAN_WEIGHT);
          if (queryTerm.group !== -1) queryTerm.group = group;
        }
      }
      applied.push({ from: rule.form, to: rule.targets.flat(), source: rule.source });
      for (const target of rule.targets)
        for (const term of target) add(term, WEIGHT.chinese, group, "chinese");
    }
    const candidates = new Set(sequence.flatMap((entry) => rulesByFirstTerm.get(entry.term) ?? []));
    for (const rule of candidates) {
      const at = findSequence(sequence, rule.pattern);
      if (at < 0) continue;
      const group = sequence[at]?.group ?? groups++;
      // The pattern's words now stand for one concept: covering it once is enough.
      for (let i = at; i < at + rule.pattern.length; i++) {
        const entry = sequence[i];
        const queryTerm = entry ? byTerm.get(entry.term) : undefined;
        if (queryTerm && queryTerm.group !== -1) queryTerm.group = group;
      }
      applied.push({ from: rule.pattern.join(" "), to: rule.targets.flat(), source: rule.source });
      for (const target of rule.targets)
        for (const term of target) add(term, WEIGHT.expansion, group, "expansion");
    }
  }

  const han = text.match(HAN)?.length ?? 0;
  const latin = text.match(LATIN_OR_DIGIT)?.length ?? 0;
  const terms = [...byTerm.values()];
  return {
    query: text,
    language: han === 0 && latin === 0 ? "none" : han > latin ? "zh" : "en",
    words,
    terms,
    groups: new Set(terms.map((term) => term.group).filter((group) => group >= 0)).size,
    corrections,
    expansions: applied,
  };
}
// biome-ignore-end lint/complexity/noExcessiveLinesPerFunction: see above

const EMPTY: ReadonlySet<string> = new Set();
const ruleIndexes = new WeakMap<ExpansionTable, RuleIndex>();

interface RuleIndex {
  byFirstTerm: Map<string, ExpansionRule[]>;
  /** Every term of every pattern. */
  terms: Set<string>;
}

/** The table's rules by the first term of their pattern, and all pattern terms; built once per table. */
function ruleIndex(table: ExpansionTable): RuleIndex {
  let index = ruleIndexes.get(table);
  if (!index) {
    index = { byFirstTerm: new Map(), terms: new Set() };
    for (const rule of table.rules) {
      const first = rule.pattern[0];
      if (first === undefined) continue;
      const list = index.byFirstTerm.get(first) ?? [];
      list.push(rule);
      index.byFirstTerm.set(first, list);
      for (const term of rule.pattern) index.terms.add(term);
    }
    ruleIndexes.set(table, index);
  }
  return index;
}

function findSequence(sequence: Array<{ term: string }>, pattern: string[]): number {
  if (pattern.length === 0 || pattern.length > sequence.length) return -1;
  outer: for (let i = 0; i + pattern.length <= sequence.length; i++) {
    for (let j = 0; j < pattern.length; j++) if (sequence[i + j]?.term !== pattern[j]) continue outer;
    return i;
  }
  return -1;
}
