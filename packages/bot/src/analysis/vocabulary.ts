import { editDistance } from "../text/edit-distance.js";
import { stem } from "../text/stem.js";
import { STOPWORDS } from "../text/stopwords.js";
import { tokenize } from "../text/tokens.js";

/** The words of a corpus, for weighting query terms and correcting typos. */
export interface Vocabulary {
  /** Number of sentences counted. */
  size: number;
  /** Inverse document frequency of a stem; unseen stems get the highest value. */
  idf(stemmed: string): number;
  /** True when the stem occurs in the corpus. */
  hasStem(stemmed: string): boolean;
  /** The closest corpus word to a misspelt word, or undefined when none is close enough. */
  correct(word: string): string | undefined;
  /**
   * Inverse document frequency of an entity by its mentions (any alias), once
   * {@link Vocabulary.countEntities} has been told them; undefined before.
   */
  entityIdf(entityId: string): number | undefined;
  /** Records how many sentences mention each entity. */
  countEntities(mentions: ReadonlyMap<string, number>): void;
}

// Words people type that are not in the corpus but are not typos either; correcting them
// would turn a real question into a different one ("share" -> "shore").
function maxDistance(word: string): number {
  if (word.length >= 8) return 2;
  if (word.length >= 4) return 1;
  return 0;
}

/**
 * What a {@link Vocabulary} is built from: word and stem counts of a set of texts. Plain
 * data, so the bot's build-time context snapshot can store it and skip the tokenising.
 */
export interface VocabularyCounts {
  /** Number of texts counted. */
  texts: number;
  /** Stem → number of texts it occurs in, in first-seen order. */
  documentFrequency: Array<[string, number]>;
  /** Word → number of occurrences (extra words at least once), in first-seen order. */
  wordFrequency: Array<[string, number]>;
}

/** Counts the words and stems of a set of texts (one "document" each) for {@link vocabularyFromCounts}. */
export function countVocabulary(
  texts: readonly string[],
  extraWords: readonly string[] = [],
): VocabularyCounts {
  const documentFrequency = new Map<string, number>();
  const wordFrequency = new Map<string, number>();
  for (const text of texts) {
    const seen = new Set<string>();
    for (const token of tokenize(text)) {
      wordFrequency.set(token.word, (wordFrequency.get(token.word) ?? 0) + 1);
      if (seen.has(token.stem)) continue;
      seen.add(token.stem);
      documentFrequency.set(token.stem, (documentFrequency.get(token.stem) ?? 0) + 1);
    }
  }
  for (const word of extraWords) {
    for (const token of tokenize(word)) wordFrequency.set(token.word, wordFrequency.get(token.word) ?? 1);
  }
  return {
    texts: texts.length,
    documentFrequency: [...documentFrequency],
    wordFrequency: [...wordFrequency],
  };
}

/**
 * Builds the vocabulary of a set of texts (one "document" each for document frequency).
 *
 * @example
 * const vocabulary = buildVocabulary(corpus.sentences.map((s) => s.text));
 * vocabulary.correct("premeir") // "premier"
 */
export function buildVocabulary(texts: readonly string[], extraWords: readonly string[] = []): Vocabulary {
  return vocabularyFromCounts(countVocabulary(texts, extraWords));
}

/** The {@link Vocabulary} of counts made by {@link countVocabulary}. */
export function vocabularyFromCounts(counts: VocabularyCounts): Vocabulary {
  const documentFrequency = new Map(counts.documentFrequency);
  const wordFrequency = new Map(counts.wordFrequency);
  const size = Math.max(counts.texts, 1);
  const maxIdf = Math.log(1 + size);
  const words = [...wordFrequency.keys()].filter((word) => word.length >= 3 && !/\d/.test(word)).sort();
  const cache = new Map<string, string | undefined>();
  let entityMentions: ReadonlyMap<string, number> = new Map();
  return {
    entityIdf(entityId) {
      const df = entityMentions.get(entityId);
      return df === undefined ? undefined : Math.log(1 + size / Math.max(df, 1));
    },
    countEntities(mentions) {
      entityMentions = mentions;
    },
    size,
    idf(stemmed) {
      const df = documentFrequency.get(stemmed);
      return df === undefined ? maxIdf : Math.log(1 + size / df);
    },
    hasStem(stemmed) {
      return documentFrequency.has(stemmed);
    },
    correct(word) {
      if (cache.has(word)) return cache.get(word);
      let best: string | undefined;
      let bestDistance = Number.POSITIVE_INFINITY;
      let bestFrequency = 0;
      const limit = maxDistance(word);
      if (limit > 0 && !/\d/.test(word) && !wordFrequency.has(word) && !STOPWORDS.has(word)) {
        for (const candidate of words) {
          if (Math.abs(candidate.length - word.length) > limit) continue;
          // Typos rarely change the first letter; requiring it keeps corrections honest.
          if (candidate[0] !== word[0]) continue;
          const distance = editDistance(word, candidate, limit);
          if (distance > limit) continue;
          const frequency = wordFrequency.get(candidate) ?? 0;
          if (distance < bestDistance || (distance === bestDistance && frequency > bestFrequency)) {
            best = candidate;
            bestDistance = distance;
            bestFrequency = frequency;
          }
        }
      }
      // A correction that only changes the stem's ending is no correction ("factory" ~ "factors").
      if (best !== undefined && stem(best) === stem(word)) best = undefined;
      cache.set(word, best);
      return best;
    },
  };
}
