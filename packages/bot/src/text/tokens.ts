import { stem } from "./stem.js";

/** A word of a text with its folded forms. */
export interface Token {
  /** Lower-cased surface form ("manufacturers"). */
  word: string;
  /** {@link stem} of the word ("manufactur"). */
  stem: string;
}

// Words, numbers with decimals/commas, and alphanumerics such as "5G" or "20th".
const WORD = /[\p{L}\p{N}]+(?:[.,][0-9]+)*(?:['’][a-z]+)?/gu;

/** Folds typography: curly quotes, dashes and full-width forms, then lower-cases. */
export function foldText(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[‐-―]/g, "-")
    .toLowerCase();
}

/**
 * Splits text into lower-cased word tokens with stems. Hyphenated compounds give their
 * parts ("middle-income" -> "middle", "income"); possessives are dropped ("xi's" -> "xi").
 *
 * @example
 * tokenize("China’s low-end makers").map((t) => t.word) // ["china", "low", "end", "makers"]
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of foldText(text).matchAll(WORD)) {
    let word = match[0].replace(/'s$/, "").replace(/'$/, "");
    if (/^[0-9]+,[0-9]{3}$/.test(word)) word = word.replace(",", "");
    if (word.length === 0) continue;
    tokens.push({ word, stem: stem(word) });
  }
  return tokens;
}

/** True when the text contains Han characters. */
export function hasHan(text: string): boolean {
  return /\p{Script=Han}/u.test(text);
}
