import type { Entity } from "@newind/core";
import { stem } from "../text/stem.js";
import { QUESTION_WORDS, STOPWORDS } from "../text/stopwords.js";
import { PARAPHRASES } from "../text/synonyms.js";
import { tokenize } from "../text/tokens.js";
import type { Vocabulary } from "./vocabulary.js";

/** Where a query term came from; decides its weight and whether it counts for coverage. */
export type TermOrigin = "question" | "correction" | "synonym" | "entity" | "history";

/** A stem to look for in the evidence. */
export interface QueryTerm {
  stem: string;
  word: string;
  weight: number;
  origin: TermOrigin;
  /** The question word this term stands for (an index into {@link QueryTerms.groups}); -1 for history terms. */
  group: number;
}

/** One content word of the question: coverage asks whether the evidence has it (or a stand-in). */
export interface TermGroup {
  word: string;
  /** Importance: inverse document frequency of the word (highest for words the corpus never uses). */
  weight: number;
  /** Known to the corpus (directly, corrected, or through a synonym or entity alias). */
  known: boolean;
  /** When the group stands for an entity of the question. */
  entityId?: string;
}

/** Query terms and the coverage groups they belong to. */
export interface QueryTerms {
  terms: QueryTerm[];
  groups: TermGroup[];
  /** Corrections made ("premeir" → "premier"). */
  corrections: Array<[string, string]>;
}

const ORDINALS: Readonly<Record<string, string>> = {
  "1st": "first",
  "2nd": "second",
  "3rd": "third",
  "4th": "fourth",
  "5th": "fifth",
  "10th": "tenth",
  "14th": "fourteenth",
  "15th": "fifteenth",
  "16th": "sixteenth",
  "17th": "seventeenth",
  "18th": "eighteenth",
  "19th": "nineteenth",
  "20th": "twentieth",
  "21st": "twenty-first",
};

const QUESTION_WORD_FORMS = ["what", "when", "who", "why", "how", "which", "where", "whose", "percent"];

/** Corrects a word typed with a slip against question words first, then the corpus vocabulary. */
export function correctWord(word: string, vocabulary: Vocabulary): string | undefined {
  if (STOPWORDS.has(word) || QUESTION_WORDS.has(word) || /\d/.test(word)) return undefined;
  if (vocabulary.hasStem(stem(word))) return undefined;
  if (word.length >= 3 && word.length <= 4) {
    for (const form of QUESTION_WORD_FORMS) {
      if (Math.abs(form.length - word.length) <= 1 && word[0] === form[0] && oneEditApart(word, form))
        return form;
    }
  }
  return vocabulary.correct(word);
}

function oneEditApart(a: string, b: string): boolean {
  if (a === b) return false;
  if (a.length === b.length) {
    let differences = 0;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) differences++;
    return differences === 1;
  }
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  for (let i = 0; i < long.length; i++) {
    if (long.slice(0, i) + long.slice(i + 1) === short) return true;
  }
  return false;
}

/**
 * Turns an (English) question into weighted query terms grouped by the question word they
 * stand for: the word itself, its spelling correction, everyday-English paraphrases, and
 * the names and aliases of entities it mentions.
 */
export function buildQueryTerms(
  english: string,
  entities: readonly Entity[],
  vocabulary: Vocabulary,
): QueryTerms {
  const terms: QueryTerm[] = [];
  const groups: TermGroup[] = [];
  const corrections: Array<[string, string]> = [];
  const entityWordStems = new Map<string, number>();
  for (const entity of entities) {
    const group = groups.length;
    groups.push({ word: entity.name, weight: 0, known: true, entityId: entity.id });
    let weight = 0;
    const names = [entity.name, ...entity.aliases];
    for (const name of names) {
      for (const token of tokenize(name)) {
        if (STOPWORDS.has(token.word)) continue;
        if (!entityWordStems.has(token.stem)) entityWordStems.set(token.stem, group);
        terms.push({ stem: token.stem, word: token.word, weight: 0.8, origin: "entity", group });
        weight = Math.max(weight, vocabulary.idf(token.stem));
      }
    }
    const entityGroup = groups[group];
    if (entityGroup) entityGroup.weight = weight;
  }
  const seen = new Set<string>();
  for (const token of tokenize(english)) {
    let word = ORDINALS[token.word] ?? token.word;
    if (STOPWORDS.has(word) || QUESTION_WORDS.has(word)) continue;
    if (/^\d{4}s?$/.test(word)) continue; // years are constraints, handled apart
    let stemmed = stem(word);
    const entityGroup = entityWordStems.get(stemmed);
    if (entityGroup !== undefined) {
      terms.push({ stem: stemmed, word, weight: 1, origin: "question", group: entityGroup });
      continue;
    }
    let origin: TermOrigin = "question";
    if (!vocabulary.hasStem(stemmed)) {
      const corrected = correctWord(word, vocabulary);
      if (corrected !== undefined) {
        corrections.push([word, corrected]);
        if (STOPWORDS.has(corrected) || QUESTION_WORDS.has(corrected)) continue;
        word = corrected;
        stemmed = stem(corrected);
        origin = "correction";
      }
    }
    if (seen.has(stemmed)) continue;
    seen.add(stemmed);
    const group = groups.length;
    const synonyms = PARAPHRASES[word] ?? PARAPHRASES[token.word] ?? [];
    const synonymStems = synonyms.flatMap((synonym) => tokenize(synonym).map((t) => t.stem));
    const known = vocabulary.hasStem(stemmed) || synonymStems.some((s) => vocabulary.hasStem(s));
    groups.push({ word, weight: vocabulary.idf(stemmed), known });
    terms.push({ stem: stemmed, word, weight: origin === "correction" ? 0.85 : 1, origin, group });
    for (const synonym of synonyms) {
      for (const part of tokenize(synonym)) {
        if (part.stem === stemmed || STOPWORDS.has(part.word)) continue;
        terms.push({ stem: part.stem, word: part.word, weight: 0.6, origin: "synonym", group });
      }
    }
  }
  return { terms, groups, corrections };
}

/** Adds terms from earlier turns (lower weight, no coverage group). */
export function addHistoryTerms(query: QueryTerms, words: readonly string[], weight: number): QueryTerms {
  const have = new Set(query.terms.map((t) => t.stem));
  const extra: QueryTerm[] = [];
  for (const word of words) {
    for (const token of tokenize(word)) {
      if (STOPWORDS.has(token.word) || QUESTION_WORDS.has(token.word) || have.has(token.stem)) continue;
      have.add(token.stem);
      extra.push({ stem: token.stem, word: token.word, weight, origin: "history", group: -1 });
    }
  }
  return { ...query, terms: [...query.terms, ...extra] };
}
