import SearchableMap from "minisearch/SearchableMap";
import { isStopWord, stemWord } from "./analyzer.js";
import { isCommonEnglishWord } from "./english-words.js";

/** Serialised form of a {@link Vocabulary}: surface words with their counts. */
export type VocabularyJSON = Array<[word: string, count: number]>;

/** A spelling correction: the word typed, the word meant, and their edit distance. */
export interface Correction {
  from: string;
  to: string;
  distance: number;
}

/**
 * The surface words of an index (folded, unstemmed) with how often each occurs, for
 * spelling correction and completion. Stop words are known words too, so "wat" is
 * corrected to a stop word and dropped rather than to a rare content word.
 */
export class Vocabulary {
  readonly #words: SearchableMap<number>;
  // Stems of the known words, computed on first need: loading an index should not stem its whole vocabulary.
  #stems: Set<string> | undefined;
  #stopWordCount = 1;

  constructor(entries: Iterable<[string, number]> = []) {
    this.#words = new SearchableMap<number>();
    for (const [word, count] of entries) this.add(word, count);
  }

  /** Counts `count` more occurrences of `word`. */
  add(word: string, count = 1): void {
    const total = (this.#words.get(word) ?? 0) + count;
    this.#words.set(word, total);
    if (total > this.#stopWordCount) this.#stopWordCount = total;
    this.#stems?.add(stemWord(word));
  }

  /** How often `word` occurs (0 when unknown). */
  count(word: string): number {
    return this.#words.get(word) ?? 0;
  }

  /** True when the word, or a word with the same stem, occurs in the index (or is a stop word). */
  knows(word: string): boolean {
    if (this.#words.has(word) || isStopWord(word)) return true;
    this.#stems ??= new Set([...this.#words.keys()].map(stemWord));
    return this.#stems.has(stemWord(word));
  }

  /** The most frequent known words starting with `prefix`, most frequent first. */
  complete(prefix: string, limit: number): string[] {
    if (prefix.length === 0) return [];
    const found: Array<[string, number]> = [];
    for (const [word, count] of this.#words.atPrefix(prefix)) {
      if (word !== prefix) found.push([word, count]);
    }
    found.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    return found.slice(0, limit).map(([word]) => word);
  }

  /**
   * The known word `word` was most likely meant to be, or undefined when it is known, is
   * a common English word, or nothing is close. Edit distance 1 for words of up to 5 letters, 2 beyond; adjacent
   * transpositions count as one edit; a different first letter costs half an edit more;
   * ties go to the more frequent word.
   */
  correct(word: string): Correction | undefined {
    if (word.length < 3 || !/^\p{L}+$/u.test(word) || this.knows(word)) return undefined;
    if (isCommonEnglishWord(word)) return undefined;
    const maxDistance = word.length <= 5 ? 1 : 2;
    const candidates = new Map<string, number>();
    for (const [candidate, [, distance]] of this.#words.fuzzyGet(word, maxDistance)) {
      candidates.set(candidate, distance);
    }
    for (let i = 0; i + 1 < word.length; i++) {
      const swapped = word.slice(0, i) + word.charAt(i + 1) + word.charAt(i) + word.slice(i + 2);
      if (this.#words.has(swapped) || isStopWord(swapped)) candidates.set(swapped, 1);
    }
    // Stop words are not indexed; the usual typos of question words should still be recognised.
    for (const stop of [
      "what",
      "when",
      "where",
      "which",
      "who",
      "why",
      "how",
      "many",
      "much",
      "the",
      "does",
    ]) {
      const distance = levenshtein(word, stop, maxDistance);
      if (distance <= maxDistance && (candidates.get(stop) ?? Number.POSITIVE_INFINITY) > distance) {
        candidates.set(stop, distance);
      }
    }
    let best: { word: string; cost: number; count: number; distance: number } | undefined;
    for (const [candidate, distance] of candidates) {
      if (candidate.length < 2) continue;
      const cost = distance + (candidate[0] === word[0] ? 0 : 0.5);
      const count = isStopWord(candidate) ? this.#stopWordCount : this.count(candidate);
      if (!best || cost < best.cost || (cost === best.cost && count > best.count)) {
        best = { word: candidate, cost, count, distance };
      }
    }
    return best ? { from: word, to: best.word, distance: best.distance } : undefined;
  }

  /** The words and counts, for serialisation. */
  toJSON(): VocabularyJSON {
    return [...this.#words.entries()];
  }
}

function levenshtein(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? max + 1;
}
