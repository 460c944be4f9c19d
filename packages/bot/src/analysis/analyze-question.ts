import type { Entity, EntityType, Intent } from "@newind/core";
import type { FigureKind } from "../text/numbers.js";
import { findFigures, yearsIn } from "../text/numbers.js";
import { hasHan, tokenize } from "../text/tokens.js";
import { detectIntent } from "./detect-intent.js";
import type { EntityMatcher } from "./find-entities.js";
import { buildQueryTerms, expandPhrases, type PhraseExpansion, type QueryTerms } from "./query-terms.js";
import type { ChineseTranslator } from "./translate-chinese.js";
import type { Vocabulary } from "./vocabulary.js";

/** Everything the bot reads from a question before looking for evidence. */
export interface QuestionAnalysis {
  /** The question as asked (cleaned). */
  question: string;
  /** English form: translated from Chinese and spelling-corrected where needed. */
  english: string;
  language: "en" | "zh";
  intent: Intent;
  figureKinds?: FigureKind[];
  compute?: "years-between" | "share" | "ratio" | "complement";
  /** Years named ("1950s" → 1950). */
  years: number[];
  /** Numbers given in the question (never its answer). */
  givenNumbers: Set<number>;
  entities: Entity[];
  query: QueryTerms;
  /** Looks like it leans on an earlier turn (pronoun, "and in …?", very short). */
  followUpCues: boolean;
  /** Separate questions joined in one ("…, and what …?"). */
  parts: string[];
  /** For "how many X": the stems of X and its stand-ins. */
  countedStems?: Set<string>;
  /** For "who"/"which country…": the entity types that would answer. */
  actorTypes?: EntityType[];
}

/** The kinds of entity a "who" or "which X" question asks for. */
export function actorTypesFor(english: string): EntityType[] {
  const q = english.toLowerCase();
  if (
    /\bwhich (\w+ )?(countries|country|nations|nation|cities|city|provinces|province|regions|region|places|place)\b|\bwhere\b/.test(
      q,
    )
  ) {
    return ["place"];
  }
  if (
    /\bwhich (\w+ )?(company|companies|firm|firms|carmakers?|automakers?|makers?|manufacturers?)\b/.test(q)
  ) {
    return ["company", "organization"];
  }
  return ["person", "organization", "company"];
}

/** The words of X in "how many X did/were/…". */
export function countedWords(english: string): string[] {
  const match =
    /(?:\bhow many|^\s*(?:(?:what|which)(?:'s| is| was| are| were) )?(?:the |a |total |overall )*(?:number|count) of)\s+(.+?)(?:\s+(?:did|does|do|were|was|are|is|have|has|had|will|would|can|could|in|of|ran|run|running|are|there|that|which|who|with|between)\b|[?,.]|$)/i.exec(
      english,
    );
  // "how many were running…": the counted noun is elided (said before), nothing to require.
  if (!match?.[1] || /^(were|was|are|is|did|do|does|have|has|had|will|would|can|could)\b/i.test(match[1]))
    return [];
  return tokenize(match[1]).map((t) => t.word);
}

/** What question analysis needs from the corpus. */
export interface AnalysisContext {
  vocabulary: Vocabulary;
  entities: EntityMatcher;
  translator: ChineseTranslator;
  /** Glossary phrases and the document's words for them. */
  phrases?: readonly PhraseExpansion[];
  /** Spelling corrections to use instead of the vocabulary's own (the search index's). */
  corrections?: (question: string) => ReadonlyMap<string, string> | undefined;
}

const PRONOUN = /\b(he|she|they|him|her|his|hers|them|their|theirs|it|its|that one|this one|the same)\b/i;
const ELLIPTICAL_START =
  /^\s*(and|what about|how about|also|but|so|or|then|and what about|what of|same for)\b/i;

/** Splits "…, and what central policy …?" into its questions; a single question stays whole. */
export function splitParts(english: string): string[] {
  const pieces = english
    .split(/(?:,|;)?\s+\band\s+(?=(?:what|which|who|when|why|how|where)\b)|\?\s+(?=\S)/i)
    .map((piece) => piece.trim())
    .filter((piece) => piece.length > 0);
  return pieces.length > 1 && pieces.every((piece) => tokenize(piece).length >= 3) ? pieces : [english];
}

/**
 * Analyses a question: language (Chinese is translated through the glossary and entity
 * aliases), spelling, intent, entities, years, query terms and follow-up cues.
 */
const ACRONYM_FRAME = new Set(
  "what whats what's does do did is are was the a an stand stands standing for mean means meaning meant short shorthand full form name abbreviation abbreviated abbreviates acronym acronyms initials expand expanded expansion spell spelled spelt out of letters in and this that it".split(
    " ",
  ),
);

/** The entity whose acronym the question names, when besides it the question only asks what it stands for. */
export function acronymAsked(question: string, entities: readonly Entity[]): Entity | undefined {
  const words = question.match(/[\p{L}\p{N}'’]+/gu) ?? [];
  const acronyms = words.filter((word) => /^[A-Z][A-Za-z]?[A-Z]{1,5}s?$/.test(word));
  if (acronyms.length !== 1) return undefined;
  const acronym = acronyms[0] ?? "";
  const named = entities.find((entity) =>
    [entity.name, ...entity.aliases].some((alias) => alias === acronym || `${alias}s` === acronym),
  );
  if (!named) return undefined;
  const framed = words.every(
    (word) => word === acronym || ACRONYM_FRAME.has(word.toLowerCase().replace(/[’]/g, "'")),
  );
  return framed ? named : undefined;
}

export function analyzeQuestion(question: string, context: AnalysisContext): QuestionAnalysis {
  const language = hasHan(question) ? "zh" : "en";
  let english = question;
  if (language === "zh") {
    const { english: translated } = context.translator.translate(question);
    // Keep the Latin parts and the Chinese itself (the corpus quotes some Chinese names).
    english = translated;
  }
  // "According to the article, …", "in this report": framing that points at the source, not the topic.
  english = english
    .replace(
      /\b(?:according to|as (?:described|stated|explained) in|in|from|based on|per) (?:the|this) (?:article|report|analysis|document|text|paper|piece|source|sources|authors?)\b[,:]?\s*/gi,
      "",
    )
    .trim();
  // "the mid-90s", "'80s" → "1990s", "1980s".
  english = english.replace(/(?:\b(?:mid|early|late)[-\s])?['’]?\b([1-9]0)s\b/gi, (_all, decade: string) =>
    Number(decade) >= 30 ? `19${decade}s` : `20${decade}s`,
  );
  const entities = context.entities.find(language === "zh" ? `${question} ${english}` : english);
  const corrections = context.corrections?.(english);
  let query = buildQueryTerms(english, entities, context.vocabulary, corrections);
  // Re-read the intent after spelling correction ("wat percnt of …" → "what percent of …").
  let corrected = english;
  for (const [from, to] of query.corrections) {
    corrected = corrected.replace(
      new RegExp(`\\b${from.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`, "gi"),
      to,
    );
  }
  if (corrected !== english) {
    const reEntities = context.entities.find(corrected);
    for (const entity of reEntities) if (!entities.some((e) => e.id === entity.id)) entities.push(entity);
    query = buildQueryTerms(corrected, entities, context.vocabulary, corrections);
  }
  if (context.phrases) query = expandPhrases(query, context.phrases);
  const intent = detectIntent(corrected, question);
  // "ICT = ?", "ICT stands for what", "what is MIIT short for": a question about an acronym alone
  // asks what it stands for, whatever else its wording suggests.
  if (acronymAsked(corrected, entities)) intent.intent = "definition";
  const years = [...new Set(yearsIn(corrected))];
  const givenNumbers = new Set(findFigures(corrected).map((figure) => figure.value));
  const contentWords = query.groups.length;
  const followUpCues =
    PRONOUN.test(corrected) ||
    ELLIPTICAL_START.test(corrected) ||
    (contentWords <= 2 && entities.length <= 1);
  const analysis: QuestionAnalysis = {
    question,
    english: corrected,
    language,
    intent: intent.intent,
    years,
    givenNumbers,
    entities,
    query,
    followUpCues,
    parts: splitParts(corrected),
  };
  if (intent.figureKinds) analysis.figureKinds = intent.figureKinds;
  if (intent.intent === "who") analysis.actorTypes = actorTypesFor(corrected);
  const counted = new Set(countedWords(corrected));
  if (intent.intent === "number" && counted.size > 0 && intent.figureKinds?.includes("count")) {
    const groups = new Set<number>();
    query.groups.forEach((group, g) => {
      if (counted.has(group.word.toLowerCase()) || tokenize(group.word).some((t) => counted.has(t.word)))
        groups.add(g);
    });
    const stems = new Set(query.terms.filter((term) => groups.has(term.group)).map((term) => term.stem));
    if (stems.size > 0) analysis.countedStems = stems;
  }
  if (intent.compute) analysis.compute = intent.compute;
  return analysis;
}
