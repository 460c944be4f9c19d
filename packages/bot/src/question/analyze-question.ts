import {
  type AnalyzedQuery,
  analyzeText,
  isCommonEnglishWord,
  isNumberTerm,
  type QueryTerm,
  type QueryTermSource,
  type SearchIndex,
} from "@newind/search";
import { CueSet, cueWords } from "./cues.js";
import {
  type AnswerKind,
  AUTHORSHIP_CUES,
  CHINESE_PART_SEPARATORS,
  DOCUMENT_WORDS,
  FOLLOW_UP_CUES,
  FORMAT_CUES,
  INTENT_CUES,
  ORDINALS,
  PART_JOINERS,
  PART_OPENERS,
  SPEECH_VERBS,
  WHOLE_DOCUMENT_CUES,
} from "./lexicon.js";

/** What a concept of a question is, for scoring. */
export type ConceptRole =
  /** A content word of the question (with its corrections and expansions). */
  | "content"
  /** A word that only says what kind of answer is wanted ("year", "number", "list"). */
  | "cue"
  /** A word that points at the document itself ("article", "authors"). */
  | "document"
  /** A content word inherited from an earlier turn of the conversation. */
  | "context";

/** One concept of a question: a word and the index terms that stand for it. */
export interface Concept {
  /** Index terms (analysed) any of which matches the concept. */
  terms: readonly string[];
  /** Those of its terms that are the user's own words (corrected or completed) or a named entity's aliases, not glossary translations or other expansions. */
  own: readonly string[];
  /** True when some of its terms are a named entity's aliases: it names something, as a year does. */
  entity: boolean;
  /** The user's word, for messages ("the documents do not mention …"). */
  word: string;
  /** Importance: inverse sentence frequency of its rarest known term, times its source weight. */
  weight: number;
  /** True when some term of the concept occurs in the corpus. */
  known: boolean;
  role: ConceptRole;
  /** True for a year ("2020") or a number ("122"): a constraint an answer must meet. */
  figure: boolean;
  /** True for one of the 10,000 most common English words (an unknown one is more likely chat than topic). */
  common: boolean;
}

/** Everything the bot reads off a question before it looks for evidence. */
export interface QuestionAnalysis {
  /** The question as analysed (a long paste keeps only its question sentences). */
  text: string;
  language: "en" | "zh" | "none";
  /** What kind of answer is wanted. */
  intent: AnswerKind;
  /** The question asks about the loaded documents as a whole ("what's the gist?"). */
  wholeDocument: boolean;
  /** The question names the document itself or its authors. */
  aboutDocument: boolean;
  /** The question has a word that refers back to an earlier turn ("it", "they", "and …"). */
  followUpCue: boolean;
  /** The question asks what someone said ("what did X call …"). */
  speech: boolean;
  /** Years the question names. */
  years: readonly string[];
  concepts: readonly Concept[];
  /** The parts of a question that asks several things: indexes into `concepts`, one list a part. */
  parts: ReadonlyArray<readonly number[]>;
  /** The question asks who wrote a document ("who wrote the report?"). */
  authorship: boolean;
  /** An ordinal the question asks for ("the third one": 3; "the last": -1), if any. */
  ordinal: number | undefined;
  /** Consecutive pairs of the question's own index terms ("local protectionism" → "local protection"). */
  bigrams: readonly string[];
  /** The search analysis the concepts were read from. */
  analyzed: AnalyzedQuery;
}

const intentCues = INTENT_CUES.map((entry) => ({ kind: entry.kind, cues: new CueSet(entry.en, entry.zh) }));
const wholeDocumentCues = new CueSet(WHOLE_DOCUMENT_CUES.en, WHOLE_DOCUMENT_CUES.zh);
const formatCues = new CueSet(FORMAT_CUES);
const authorshipCues = new CueSet(AUTHORSHIP_CUES.en, AUTHORSHIP_CUES.zh);
const documentCues = new CueSet(DOCUMENT_WORDS.en, DOCUMENT_WORDS.zh);
const followUpCues = new CueSet(FOLLOW_UP_CUES.en, FOLLOW_UP_CUES.zh);
const speechCues = new CueSet(SPEECH_VERBS);
const YEAR = /^(1[5-9]\d\d|20\d\d)s?$/;
/** Where a query term comes from when it is the user's own word. */
const OWN_SOURCES: ReadonlySet<QueryTermSource> = new Set(["query", "correction", "completion"]);
const ordinals = ORDINALS.map((entry) => ({
  position: entry.position,
  cues: new CueSet(entry.en, entry.zh),
}));
const escapePattern = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
// "…, and what did…": a joiner followed by a question word starts a new part.
const PART_BREAK = new RegExp(
  `[,;]?\\s+(?:${PART_JOINERS.map(escapePattern).join("|")})\\s+(?=(?:${PART_OPENERS.map(escapePattern).join("|")})\\b)|;\\s+`,
  "giu",
);
const CHINESE_PART_BREAK = new RegExp(CHINESE_PART_SEPARATORS.map(escapePattern).join("|"), "gu");

/** The parts of a question: its question sentences, split again where a joiner opens a new question. */
export function splitParts(text: string): string[] {
  return text
    .split(/(?<=[?？])\s*/u)
    .flatMap((sentence) => sentence.split(PART_BREAK))
    .flatMap((part) => part.split(CHINESE_PART_BREAK))
    .map((part) => part.trim())
    .filter((part) => /[\p{L}\p{N}]/u.test(part));
}

/**
 * The question sentences of a message of several sentences ("…background… What did X say? I
 * need it for…" → "What did X say?"); a message without a question mark is kept whole.
 */
export function focusOf(text: string): string {
  const sentences = text
    .split(/(?<=[。！？])/u)
    .flatMap((part) => part.split(/(?<=[.!?])\s+(?=[\p{Lu}“"‘'¿¡])/u))
    .filter((sentence) => sentence.trim().length > 0);
  if (sentences.length < 2) return text;
  const questions = sentences.filter((sentence) => /[?？]\s*$/.test(sentence));
  return questions.length > 0 ? questions.join(" ").trim() : text;
}

/**
 * What a sentence or question says it wants, from its cue words: the cue that comes first
 * ("who wrote the post, and when?" asks who), of cues at the same place the most specific kind.
 * "What is…" asks for a definition only when no other kind is asked for ("what is the tariff
 * rate", "what's the difference between").
 */
function detectIntent(words: readonly string[], text: string): AnswerKind {
  let found: AnswerKind = "other";
  let earliest = Number.POSITIVE_INFINITY;
  for (const { kind, cues } of intentCues) {
    const at = cues.find(words, text);
    if (at < 0) continue;
    if (kind === "definition") {
      if (found === "other") found = kind;
    } else if (at < earliest || found === "definition") {
      found = kind;
      earliest = at;
    }
  }
  return found;
}

/** The question's words that are cues of its intent, of how to answer, or of the document. */
function cueWordsOf(
  words: readonly string[],
  intent: AnswerKind,
): { intentWords: Set<string>; formatWords: Set<string>; documentWords: Set<string> } {
  const covered = (cues: CueSet) => new Set([...cues.coveredWords(words)].map((i) => words[i] as string));
  const intentWords = new Set<string>();
  for (const { kind, cues } of intentCues)
    if (kind === intent) for (const w of covered(cues)) intentWords.add(w);
  for (const word of covered(wholeDocumentCues)) intentWords.add(word);
  // How to answer ("in two sentences", "like I'm five"): no topic, a number in it no figure asked for.
  return { intentWords, formatWords: covered(formatCues), documentWords: covered(documentCues) };
}

/** Runs this long of a title's words, quoted in a question, are the title, not the question's words. */
const TITLE_RUN = 3;

/**
 * The question's words with those that quote a document's title ("who wrote the post *when the
 * chips are down*") blanked, so a title's words are not read as the question's cues.
 */
function withoutTitles(words: readonly string[], titles: ReadonlyArray<readonly string[]>): string[] {
  const out = [...words];
  for (const own of titles) {
    for (let i = 0; i < words.length; i++) {
      for (let j = 0; j < own.length; j++) {
        let length = 0;
        while (i + length < words.length && words[i + length] === own[j + length]) length++;
        if (length >= TITLE_RUN) for (let k = i; k < i + length; k++) out[k] = "";
      }
    }
  }
  return out;
}

/**
 * Reads a question: intent (from cue words), whether it is about the document as a whole or
 * refers back, the years it names, and its concepts — the search analysis's term groups, each
 * weighted by the rarity of its terms and marked as a content word, an answer-kind cue or a
 * word for the document itself.
 */
export function analyzeQuestion(
  question: string,
  index: Pick<SearchIndex, "analyze" | "documentFrequency">,
  sentences: number,
  titles: ReadonlyArray<readonly string[]> = [],
): QuestionAnalysis {
  const text = focusOf(question);
  const words = cueWords(text);
  const intent = detectIntent(withoutTitles(words, titles), text);
  const analyzed = index.analyze(text);
  const { intentWords, formatWords, documentWords } = cueWordsOf(words, intent);
  const groups = new Map<number, QueryTerm[]>();
  for (const term of analyzed.terms) {
    if (term.group < 0) continue;
    const list = groups.get(term.group) ?? [];
    list.push(term);
    groups.set(term.group, list);
  }
  const names = new Set(
    [...text.matchAll(/(?<=[\p{L}\p{N},;:]\s+)\p{Lu}[\p{L}'’-]*/gu)].map(
      (match) => cueWords(match[0])[0] ?? "",
    ),
  );
  const entityTerms = new Set(
    analyzed.expansions
      .filter((expansion) => expansion.source === "entity")
      .flatMap((expansion) => expansion.to),
  );
  const concepts: Concept[] = [];
  for (const terms of groups.values()) {
    const own = terms.find((term) => term.word !== undefined) ?? terms[0];
    if (!own) continue;
    const word = own.word ?? own.term;
    // A concept matches wherever any of its terms does: its rarity is that of its commonest
    // known term ("新型工业化" is rare in an English text, its translation is not).
    let frequency = 0;
    let source = 0;
    for (const term of terms) {
      frequency = Math.max(frequency, index.documentFrequency(term.term));
      source = Math.max(source, term.weight);
    }
    const known = frequency > 0;
    const weight = source * Math.log(1 + sentences / Math.max(0.5, frequency));
    const figure =
      !formatWords.has(word) && terms.some((term) => isNumberTerm(term.term) || YEAR.test(term.term));
    const role: ConceptRole =
      documentWords.has(word) || documentCues.isChineseCue(word)
        ? "document"
        : formatWords.has(word) || (intentWords.has(word) && !figure)
          ? "cue"
          : "content";
    // A capitalised word inside the question is a name ("Australia"), however common the word.
    const common = /^[a-z'-]+$/.test(word) && isCommonEnglishWord(word) && !names.has(word);
    // A named entity's aliases are its names too ("20th Party Congress" → 二十); a glossary
    // translation is not ("western" → 国家).
    const ownTerms = terms
      .filter((term) => OWN_SOURCES.has(term.source) || entityTerms.has(term.term))
      .map((term) => term.term);
    concepts.push({
      terms: terms.map((term) => term.term),
      own: ownTerms,
      entity: terms.some((term) => entityTerms.has(term.term)),
      word,
      weight,
      known,
      role,
      figure,
      common,
    });
  }
  const parts: number[][] = [];
  const pieces = splitParts(text);
  if (pieces.length > 1) {
    for (const piece of pieces) {
      const terms = new Set(index.analyze(piece).terms.map((term) => term.term));
      const members = concepts.flatMap((concept, i) =>
        concept.role === "content" && concept.terms.some((term) => terms.has(term)) ? [i] : [],
      );
      if (members.length > 0) parts.push(members);
    }
  }
  const ordinal = ordinals.find((entry) => entry.cues.has(words, text))?.position;
  const own = analyzeText(text);
  const bigrams = [...new Set(own.slice(1).map((term, k) => `${own[k]} ${term}`))];
  const years = [...new Set(words.filter((word) => YEAR.test(word)).map((word) => word.slice(0, 4)))];
  for (const match of text.matchAll(/(1[5-9]\d\d|20\d\d)\s*年/gu))
    if (match[1] && !years.includes(match[1])) years.push(match[1]);
  return {
    text,
    language: analyzed.language,
    intent,
    wholeDocument: wholeDocumentCues.has(words, text),
    aboutDocument: documentCues.has(words, text),
    authorship: authorshipCues.has(words, text),
    followUpCue: followUpCues.has(words, text),
    speech: speechCues.has(words, text),
    years,
    concepts,
    parts: parts.length > 1 ? parts : [],
    ordinal,
    bigrams,
    analyzed,
  };
}
