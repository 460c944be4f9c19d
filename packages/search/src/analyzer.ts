import { stemmer } from "stemmer";
import { foldText } from "./fold.js";
import { STOP_WORDS } from "./stop-words.js";

/** A word of a text with its `[start, end)` offsets in that text (UTF-16, as given). */
export interface WordToken {
  /** The word exactly as it appears in the text. */
  raw: string;
  start: number;
  end: number;
  /** True for a run of Chinese characters. */
  han: boolean;
}

// A Han run, or a word: letters, digits and marks joined by apostrophes, hyphens, en dashes
// ("anti–unfair"; an em dash separates words in prose: "protectionism—particularly"),
// periods, commas, ampersands or slashes; an optional currency sign before it and a
// percent sign after it. Offsets come from the raw text, so highlights stay exact.
const WORD =
  /(\p{Script=Han}+)|((?:[$€£¥]\s?)?[\p{L}\p{N}\p{M}]+(?:[\u0027\u2019\u02bc\u2010-\u2013\u2212\-.,&/][\p{L}\p{N}\p{M}]+)*%?)/gu;
const HAN = /\p{Script=Han}/u;
const HAN_OR_OTHER = /(\p{Script=Han}+)|[^\p{Script=Han}]+/gu;
const DIGITS = /^\d+(?:\.\d+)?$/;
// Maps, not objects: a user's word such as "constructor" must not find Object.prototype's.
const NUMBER_WORDS: ReadonlyMap<string, string> = new Map([
  ["zero", "0"],
  ["one", "1"],
  ["two", "2"],
  ["three", "3"],
  ["four", "4"],
  ["five", "5"],
  ["six", "6"],
  ["seven", "7"],
  ["eight", "8"],
  ["nine", "9"],
  ["ten", "10"],
  ["eleven", "11"],
  ["twelve", "12"],
  ["thirteen", "13"],
  ["fourteen", "14"],
  ["fifteen", "15"],
  ["sixteen", "16"],
  ["seventeen", "17"],
  ["eighteen", "18"],
  ["nineteen", "19"],
  ["twenty", "20"],
  ["thirty", "30"],
  ["forty", "40"],
  ["fifty", "50"],
  ["sixty", "60"],
  ["seventy", "70"],
  ["eighty", "80"],
  ["ninety", "90"],
  ["hundred", "100"],
  ["first", "1st"],
  ["second", "2nd"],
  ["third", "3rd"],
  ["fourth", "4th"],
  ["fifth", "5th"],
]);
const UNIT_WORDS: ReadonlyMap<string, string> = new Map([
  ["percent", "percent"],
  ["percentage", "percent"],
  ["pct", "percent"],
  ["%", "percent"],
  ["$", "dollar"],
  ["usd", "dollar"],
  ["dollar", "dollar"],
  ["dollars", "dollar"],
  ["€", "euro"],
  ["£", "pound"],
  ["¥", "yuan"],
  ["rmb", "yuan"],
  ["yuan", "yuan"],
  ["bn", "billion"],
  ["mn", "million"],
]);
const MAX_WORD_LENGTH = 64;

let segmenter: Intl.Segmenter | undefined;
function chineseWords(run: string): string[] {
  segmenter ??= new Intl.Segmenter("zh", { granularity: "word" });
  const words: string[] = [];
  for (const segment of segmenter.segment(run)) {
    if (segment.isWordLike && segment.segment.length > 1) words.push(segment.segment);
  }
  return words;
}

/**
 * Splits text into words with their offsets in `text`. Chinese runs come out whole
 * (segmented into words and bigrams when analysed); everything else that is not a letter
 * or a digit separates words.
 */
export function tokenizeWords(text: string): WordToken[] {
  const tokens: WordToken[] = [];
  WORD.lastIndex = 0;
  for (let match = WORD.exec(text); match; match = WORD.exec(text)) {
    const raw = match[0];
    if (match[1] !== undefined || !HAN.test(raw)) {
      tokens.push({ raw, start: match.index, end: match.index + raw.length, han: match[1] !== undefined });
      continue;
    }
    // A Latin word glued to Chinese ("21世纪初"): split at every change of script.
    HAN_OR_OTHER.lastIndex = 0;
    for (let part = HAN_OR_OTHER.exec(raw); part; part = HAN_OR_OTHER.exec(raw)) {
      const start = match.index + part.index;
      tokens.push({ raw: part[0], start, end: start + part[0].length, han: part[1] !== undefined });
    }
  }
  return tokens;
}

/**
 * Folds an English word to its surface form for vocabulary and spelling purposes:
 * folded case and diacritics, British "-isation" spelt "-ization", possessive "'s" and
 * apostrophes removed, thousands separators dropped from numbers. Stop words and
 * number words are not touched here.
 */
export function surfaceForm(word: string): string {
  let folded = foldText(word);
  if (folded.endsWith("'s")) folded = folded.slice(0, -2);
  folded = folded.replace(/'/g, "");
  if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(folded)) folded = folded.replace(/,/g, "");
  return folded.replace(/isation(s?)$/, "ization$1");
}

const stems = new Map<string, string>();
const STEM_CACHE_LIMIT = 100_000;

/** Stems one surface word: Porter stemming for alphabetic words, numbers and codes ("5g") kept. */
export function stemWord(surface: string): string {
  const number = NUMBER_WORDS.get(surface);
  if (number !== undefined) return number;
  const unit = UNIT_WORDS.get(surface);
  if (unit !== undefined) return unit;
  if (surface.length <= 3 || !/^[a-z]+$/.test(surface)) return surface;
  let stem = stems.get(surface);
  if (stem === undefined) {
    stem = stemmer(surface);
    if (stems.size >= STEM_CACHE_LIMIT) stems.clear();
    stems.set(surface, stem);
  }
  return stem;
}

/** True when a surface word is dropped as a stop word. */
export function isStopWord(surface: string): boolean {
  return STOP_WORDS.has(surface);
}

/**
 * The surface words of one raw word, before stemming and stop-word removal: currency and
 * percent signs become words of their own ("$650" → "dollar", "650"; "60%" → "60",
 * "percent"), hyphenated compounds give the whole ("middleincome") and the parts, and
 * periods or commas not between digits split.
 */
export function surfaceWords(raw: string): string[] {
  let word = raw.length > MAX_WORD_LENGTH ? raw.slice(0, MAX_WORD_LENGTH) : raw;
  const out: string[] = [];
  const currency = /^([$€£¥])\s?/.exec(word);
  if (currency) {
    out.push(currency[1] as string);
    word = word.slice(currency[0].length);
  }
  let percent = false;
  if (word.endsWith("%")) {
    percent = true;
    word = word.slice(0, -1);
  }
  // Periods and commas join only digits ("2,000", "2.5"); elsewhere they separate ("U.S").
  const pieces = word.split(/(?<!\d)[.,]|[.,](?!\d)/).filter((piece) => piece.length > 0);
  const initials = pieces.length > 1 && pieces.every((piece) => /^\p{L}$/u.test(piece));
  for (const piece of initials ? [pieces.join("")] : pieces) {
    const surface = surfaceForm(piece);
    if (surface.length === 0) continue;
    const parts = surface.split(/[-/&]+/).filter((part) => part.length > 0);
    if (parts.length > 1) {
      out.push(parts.join(""));
      out.push(...parts);
    } else if (parts[0] !== undefined) {
      out.push(parts[0]);
    }
  }
  if (percent) out.push("%");
  return out;
}

/**
 * The index terms of one word token: stemmed, stop words removed, numbers normalised;
 * for Chinese, the segmenter's words plus every character bigram (single characters for
 * one-character runs).
 */
export function termsOfWord(token: Pick<WordToken, "raw" | "han">): string[] {
  if (token.han) return chineseTerms(token.raw);
  const terms: string[] = [];
  for (const surface of surfaceWords(token.raw)) {
    if (isStopWord(surface)) continue;
    if (HAN.test(surface)) {
      terms.push(...chineseTerms(surface));
      continue;
    }
    terms.push(stemWord(surface));
  }
  return terms;
}

/** A run of Chinese characters split two ways: the segmenter's words, and character bigrams not among them. */
export function segmentChinese(run: string): { words: string[]; bigrams: string[] } {
  const characters = Array.from(run.length > 256 ? run.slice(0, 256) : run);
  if (characters.length === 1) return { words: characters, bigrams: [] };
  const words = [...new Set(chineseWords(characters.join("")))];
  const known = new Set(words);
  const bigrams = new Set<string>();
  for (let i = 0; i + 1 < characters.length; i++) {
    const bigram = `${characters[i]}${characters[i + 1]}`;
    if (!known.has(bigram)) bigrams.add(bigram);
  }
  return { words, bigrams: [...bigrams] };
}

/** Segmenter words and character bigrams of a run of Chinese characters. */
export function chineseTerms(run: string): string[] {
  const { words, bigrams } = segmentChinese(run);
  return [...words, ...bigrams];
}

// Raw word → index terms. Texts repeat their words endlessly, so analysing each distinct
// word once makes indexing and highlighting several times faster; the cap bounds memory.
const wordTerms = new Map<string, string[]>();
const WORD_CACHE_LIMIT = 200_000;

/** {@link termsOfWord}, memoised. Callers must not modify the array returned. */
export function cachedTermsOfWord(token: Pick<WordToken, "raw" | "han">): readonly string[] {
  const key = token.han ? `\u0000${token.raw}` : token.raw;
  let terms = wordTerms.get(key);
  if (!terms) {
    terms = termsOfWord(token);
    if (wordTerms.size >= WORD_CACHE_LIMIT) wordTerms.clear();
    wordTerms.set(key, terms);
  }
  return terms;
}

/**
 * Analyses text into index terms, in order (duplicates kept, as term frequency counts).
 *
 * @example
 * analyzeText("Of those 122 manufacturers, 101 were running at less than 60% capacity.")
 * // ["122", "manufactur", "101", "run", "less", "60", "percent", "capac"]
 */
export function analyzeText(text: string): string[] {
  const terms: string[] = [];
  for (const token of tokenizeWords(text)) terms.push(...cachedTermsOfWord(token));
  return terms;
}

/** True when a term is a number ("2035", "2.5"). */
export function isNumberTerm(term: string): boolean {
  return DIGITS.test(term);
}
