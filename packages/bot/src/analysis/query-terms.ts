import type { Entity } from "@newind/core";
import { stem } from "../text/stem.js";
import { GENERIC_WORDS, QUESTION_WORDS, STOPWORDS } from "../text/stopwords.js";
import { PARAPHRASES } from "../text/synonyms.js";
import { tokenize } from "../text/tokens.js";
import { isEnglishWord, wordnetParaphrases } from "../text/wordnet.js";
import type { Vocabulary } from "./vocabulary.js";

/** Where a query term came from; decides its weight and whether it counts for coverage. */
export type TermOrigin = "question" | "correction" | "synonym" | "wordnet" | "entity" | "history";

/** A stem to look for in the evidence. */
export interface QueryTerm {
  stem: string;
  word: string;
  weight: number;
  origin: TermOrigin;
  /** The question word this term stands for (an index into {@link QueryTerms.groups}); -1 for history terms. */
  group: number;
  /** For a phrase: every stem it needs (`stem` is the first); it matches only when all are there. */
  allOf?: string[];
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
  /** What the question is about ("what did Li Qiang say about exports"): the evidence must cover it. */
  focus?: boolean;
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

/** Weight of a WordNet stand-in (a question word's own weight is 1, a curated paraphrase's 0.6). */
const WORDNET_WEIGHT = 0.3;

const QUESTION_WORD_FORMS = ["what", "when", "who", "why", "how", "which", "where", "whose", "percent"];

/** Spelling corrections decided elsewhere (the search index's), by misspelt word. */
export type Corrections = ReadonlyMap<string, string>;

/**
 * Corrects a word typed with a slip: question words first ("wat" → "what"), then the given
 * corrections when there are some (the search index's, which know common English), else the
 * corpus vocabulary.
 */
export function correctWord(
  word: string,
  vocabulary: Vocabulary,
  corrections?: Corrections,
): string | undefined {
  if (STOPWORDS.has(word) || QUESTION_WORDS.has(word) || /\d/.test(word)) return undefined;
  // A word with a known paraphrase is a real word ("neglect" is not a slip for "reflect").
  if (PARAPHRASES[word] !== undefined || GENERIC_WORDS.has(word)) return undefined;
  if (vocabulary.hasStem(stem(word))) return undefined;
  if (word.length >= 3 && word.length <= 4) {
    for (const form of QUESTION_WORD_FORMS) {
      if (Math.abs(form.length - word.length) <= 1 && word[0] === form[0] && oneEditApart(word, form))
        return form;
    }
  }
  // A common English word is not a slip ("leaned" is not "learned"): it is a paraphrase or a
  // topic the corpus does not cover, and either way correcting it changes the question.
  if (word.length >= 4 && isEnglishWord(word)) return undefined;
  if (corrections) {
    const given = corrections.get(word);
    if (given !== undefined) return given;
    // Long words the given corrections leave alone may still be slips for a glossary or entity
    // word ("automakrs" → "automakers"); short ones are too often real words to touch.
    return word.length >= 6 ? vocabulary.correct(word) : undefined;
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
  givenCorrections?: Corrections,
): QueryTerms {
  const terms: QueryTerm[] = [];
  const groups: TermGroup[] = [];
  const corrections: Array<[string, string]> = [];
  // Question words that are part of an entity's mention ("Jin Zhuanglong", "industry ministry"):
  // the entity's group stands for them. Only whole mentions count, so "people" in "how many
  // people…" is not swallowed by "People's Republic of China".
  const questionTokens = tokenize(english).map((t) => t.stem);
  const mentioned = new Set<number>();
  for (const entity of entities) {
    for (const name of [entity.name, ...entity.aliases]) {
      const run = tokenize(name).map((t) => t.stem);
      if (run.length === 0) continue;
      for (let i = 0; i + run.length <= questionTokens.length; i++) {
        if (run.every((s, j) => questionTokens[i + j] === s))
          for (let j = 0; j < run.length; j++) mentioned.add(i + j);
      }
    }
  }
  for (const entity of entities) {
    const group = groups.length;
    groups.push({ word: entity.name, weight: 0, known: true, entityId: entity.id });
    let weight = 0;
    const names = [entity.name, ...entity.aliases];
    for (const name of names) {
      for (const token of tokenize(name)) {
        if (STOPWORDS.has(token.word)) continue;
        // Retrieval only: an entity is covered by a mention of it (any alias), never by one of its words.
        terms.push({ stem: token.stem, word: token.word, weight: 0.3, origin: "entity", group: -1 });
        weight = Math.max(weight, vocabulary.idf(token.stem));
      }
    }
    const entityGroup = groups[group];
    // An entity weighs as rare as its mentions are: "China" little, "Jiangsu" much.
    if (entityGroup) entityGroup.weight = vocabulary.entityIdf(entity.id) ?? weight;
  }
  const seen = new Set<string>();
  // "Does the report give…", "what does the article say": the source itself, not a topic.
  const selfReference = new Set<string>();
  for (const match of english.matchAll(
    /\b(?:the|this) (report|analysis|article|paper|piece|document|text|author|authors|writers?)\b(?=\s+(?:does|do|did|say|says|said|give|gives|mention|mentions|argue|argues|claim|claims|describe|describes|tell|tells|list|lists|offer|offers|cite|cites|provide|provides)\b)/gi,
  )) {
    selfReference.add((match[1] ?? "").toLowerCase());
  }
  for (const [position, token] of tokenize(english).entries()) {
    if (mentioned.has(position)) continue; // part of an entity's mention: its group stands for it
    let word = ORDINALS[token.word] ?? token.word;
    if (STOPWORDS.has(word) || QUESTION_WORDS.has(word)) continue;
    if (/^\d{4}s?$/.test(word)) {
      // A year is a constraint (checked apart) and a topic: "what happened in the 1980s?"
      const base = Number(word.slice(0, 4));
      const decade = word.endsWith("s") ? Array.from({ length: 10 }, (_, k) => String(base + k)) : [];
      const forms = word.endsWith("s") ? [word, ...decade] : [word, `${word}s`];
      if (seen.has(forms[0] ?? word)) continue;
      seen.add(forms[0] ?? word);
      const group = groups.length;
      // Half weight: a year narrows a question more than it makes its topic.
      groups.push({
        word,
        weight: 0.5 * vocabulary.idf(word),
        known: forms.some((f) => vocabulary.hasStem(f)),
      });
      for (const form of forms) terms.push({ stem: form, word: form, weight: 1, origin: "question", group });
      continue;
    }
    let stemmed = stem(word);
    let origin: TermOrigin = "question";
    if (!vocabulary.hasStem(stemmed)) {
      const corrected = correctWord(word, vocabulary, givenCorrections);
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
    // Unknown adverbs ("strategically", "eventually") colour a question; they do not make its topic.
    const unknownAdverb = /ly$/.test(word) && word.length > 5 && !vocabulary.hasStem(stemmed);
    if (GENERIC_WORDS.has(word) || selfReference.has(word) || unknownAdverb) {
      // Frames the question: helps retrieval a little, never counts for coverage.
      terms.push({ stem: stemmed, word, weight: 0.3, origin: "history", group: -1 });
      continue;
    }
    const group = groups.length;
    const synonyms = PARAPHRASES[word] ?? PARAPHRASES[token.word] ?? paraphrasesByStem().get(stemmed) ?? [];
    const synonymStems = synonyms.flatMap((synonym) => tokenize(synonym).map((t) => t.stem));
    const direct = vocabulary.hasStem(stemmed);
    const known = direct || synonymStems.some((s) => vocabulary.hasStem(s));
    // A common word the corpus never uses: WordNet's related words that the corpus does use,
    // as weak stand-ins (they retrieve and cover a little; the word stays unknown).
    const related =
      synonyms.length === 0 && !direct
        ? wordnetParaphrases(word).filter((w) => vocabulary.hasStem(stem(w)))
        : [];
    // A closed compound the corpus writes open or hyphenated ("payoff" → "pay off", "upmarket").
    const parts = synonyms.length === 0 && !direct ? compoundParts(word, vocabulary) : undefined;
    // Stand-ins from WordNet do not make the word known: marking it so lets through questions
    // about what the corpus lacks ("chairman" → "president"), measured on the self-check sets.
    groups.push({ word, weight: vocabulary.idf(stemmed), known: known || parts !== undefined });
    terms.push({ stem: stemmed, word, weight: origin === "correction" ? 0.85 : 1, origin, group });
    for (const synonym of synonyms) {
      for (const part of tokenize(synonym)) {
        if (part.stem === stemmed || STOPWORDS.has(part.word)) continue;
        terms.push({ stem: part.stem, word: part.word, weight: 0.6, origin: "synonym", group });
      }
    }
    if (parts) {
      const stems = parts.map((part) => stem(part));
      terms.push({
        stem: stems[0] ?? stemmed,
        word: parts.join(" "),
        weight: 0.85,
        origin: "synonym",
        group,
        allOf: stems,
      });
    }
    for (const synonym of related)
      terms.push({ stem: stem(synonym), word: synonym, weight: WORDNET_WEIGHT, origin: "wordnet", group });
  }
  markFocus(english, groups);
  return { terms, groups, corrections };
}

/** Particles that close a compound ("payoff", "buildup", "takeover"). */
const PARTICLES = new Set(["off", "up", "out", "down", "over", "back"]);

/** "payoff" → ["pay", "off"]: a word the corpus uses and another (or a particle) it also uses. */
function compoundParts(word: string, vocabulary: Vocabulary): [string, string] | undefined {
  if (word.length < 6 || /[^a-z]/.test(word)) return undefined;
  for (let i = 3; i <= word.length - 2; i++) {
    const left = word.slice(0, i);
    const right = word.slice(i);
    if (STOPWORDS.has(left) || !vocabulary.hasStem(stem(left))) continue;
    const rightOk =
      PARTICLES.has(right) || (right.length >= 3 && !STOPWORDS.has(right) && vocabulary.hasStem(stem(right)));
    if (rightOk) return [left, right];
  }
  return undefined;
}

/**
 * Marks the groups of the words after "say/think/write … about" (or "regarding",
 * "concerning") as the question's focus.
 */
const SAYING =
  /\b(?:what|how) (?:did|does|do|has|have|would) (.+?) (?:say|said|tell|told|think|call|called|describe|described|stress|stressed|argue|propose|proposed|mention|write|wrote|claim|announce|urge|urged)\b/i;

function markFocus(english: string, groups: TermGroup[]): void {
  // "What did Cory Combs say about 6G?": the words must be Combs's, so the evidence must name him.
  const speaker = SAYING.exec(english);
  if (speaker?.[1]) {
    const words = new Set(tokenize(speaker[1]).map((t) => t.stem));
    for (const group of groups) {
      if (group.entityId && tokenize(group.word).some((t) => words.has(t.stem))) group.focus = true;
    }
  }
  // "Which province has…": the answer must be a province, so the evidence must speak of one.
  // "Which two officials…": the kind is the noun after the count.
  const which =
    /^\s*(?:in |of |for |from )?which (?:other )?(?:(?:two|three|four|five|six|\d+) )?([a-z]+)/i.exec(
      english,
    );
  if (which?.[1]) {
    // Kinds the entities' types already tell apart are met by naming one ("which countries" by
    // "Germany, Japan…"); finer kinds (province, city) must be named in the evidence.
    const coarse =
      /^(countr|nation|compan|firm|organi|person|people|official|leader|institut|agenc|bod)/i.test(which[1]);
    const typeStem = stem(which[1].toLowerCase());
    for (const group of groups) {
      if (!coarse && !group.entityId && group.known && stem(group.word.toLowerCase()) === typeStem)
        group.focus = true;
    }
  }
  const match =
    // "state" is more often "state firms" than a verb; "on" only after "comment".
    /\b(?:say|said|says|think|thinks|thought|write|wrote|mention|mentioned|claim|claimed|argue|argued|believe|stated|tell|told|talk|talked|announce|announced|report|reported)\b[^?]*?\b(?:about|regarding|concerning)\s+([^?,.;]+)|\b(?:comment|commented|comments)\s+(?:about|on|regarding)\s+([^?,.;]+)/i.exec(
      english,
    ) ?? /\b(?:regarding|concerning)\s+([^?,.;]+)/i.exec(english);
  const about = match?.[1] ?? match?.[2];
  if (!about) return;
  const words = new Set(tokenize(about).map((t) => t.stem));
  for (const group of groups) {
    if (tokenize(group.word).some((t) => words.has(t.stem))) group.focus = true;
  }
}

let byStem: Map<string, readonly string[]> | undefined;

/** {@link PARAPHRASES} by the stem of each key, so "planning" finds what "plan" has. */
function paraphrasesByStem(): Map<string, readonly string[]> {
  if (!byStem) {
    byStem = new Map();
    for (const [key, words] of Object.entries(PARAPHRASES)) {
      const stemmed = stem(key);
      byStem.set(stemmed, [...(byStem.get(stemmed) ?? []), ...words]);
    }
  }
  return byStem;
}

/** A phrase people type and the document's words for it (from the glossary: synonyms → term). */
export interface PhraseExpansion {
  /** Stems of the phrase, in order. */
  phrase: string[];
  /** Words to add for it. */
  words: string[];
}

/** Builds phrase expansions from glossary terms: every synonym (and the term) expands to the term and its synonyms. */
export function glossaryExpansions(
  glossary: ReadonlyArray<{ en: string; synonyms: readonly string[] }>,
): PhraseExpansion[] {
  const out: PhraseExpansion[] = [];
  for (const term of glossary) {
    const english = term.en.replace(/\([^)]*\)/g, " ");
    for (const phrase of [english, ...term.synonyms]) {
      const stems = tokenize(phrase)
        .filter((t) => !STOPWORDS.has(t.word))
        .map((t) => t.stem);
      if (stems.length === 0) continue;
      out.push({ phrase: stems, words: [english] });
    }
  }
  return out;
}

/**
 * Adds the document's words for phrases of the question ("old-school factories" →
 * "traditional industries"), as stand-ins for the question words of the phrase.
 */
export function expandPhrases(
  query: QueryTerms,
  expansions: readonly PhraseExpansion[],
  weight = 0.8,
): QueryTerms {
  const groupOfStem = new Map<string, number>();
  for (const term of query.terms) {
    if (term.origin === "question" || term.origin === "correction") groupOfStem.set(term.stem, term.group);
  }
  const ordered = query.terms
    .filter((t) => t.origin === "question" || t.origin === "correction")
    .map((t) => t.stem);
  const added: QueryTerm[] = [];
  const have = new Set(query.terms.map((t) => `${t.group}:${t.stem}`));
  for (const expansion of expansions) {
    const at = indexOfRun(ordered, expansion.phrase);
    if (at < 0) continue;
    const groups = expansion.phrase
      .map((s) => groupOfStem.get(s))
      .filter((g): g is number => g !== undefined);
    for (const word of expansion.words) {
      const stems = tokenize(word)
        .filter((token) => !STOPWORDS.has(token.word))
        .map((token) => token.stem);
      const first = stems[0];
      // The question already says it in the document's words: nothing to add.
      if (!first || stems.every((s) => expansion.phrase.includes(s))) continue;
      for (const group of groups) {
        const key = `${group}:${stems.join(" ")}`;
        if (have.has(key)) continue;
        have.add(key);
        // A phrase stands in only whole: "old-school factories" is met by "traditional industries", not by "industries".
        const term: QueryTerm = { stem: first, word, weight, origin: "synonym", group };
        if (stems.length > 1) term.allOf = stems;
        added.push(term);
      }
    }
    for (const group of groups) {
      const g = query.groups[group];
      if (g) g.known = true;
    }
  }
  return added.length > 0 ? { ...query, terms: [...query.terms, ...added] } : query;
}

function indexOfRun(haystack: readonly string[], needle: readonly string[]): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** Adds entities as coverage groups (a pronoun resolved to the previous turn's subject). */
export function addEntityGroups(
  query: QueryTerms,
  entities: readonly Entity[],
  vocabulary: Vocabulary,
): QueryTerms {
  const groups = [...query.groups];
  const terms = [...query.terms];
  for (const entity of entities) {
    if (groups.some((group) => group.entityId === entity.id)) continue;
    const stems = [entity.name, ...entity.aliases].flatMap((name) => tokenize(name).map((t) => t.stem));
    groups.push({
      word: entity.name,
      weight: vocabulary.entityIdf(entity.id) ?? Math.max(0, ...stems.map((s) => vocabulary.idf(s))),
      known: true,
      entityId: entity.id,
    });
    for (const stemmed of new Set(stems))
      terms.push({ stem: stemmed, word: stemmed, weight: 0.3, origin: "entity", group: -1 });
  }
  return { ...query, groups, terms };
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
