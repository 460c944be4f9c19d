import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
// Types only: the chat's bundle inlines this module, and a value imported here would load the
// bot, the data package and the store before the chat's first frame. They are imported when called.
import type { SemanticOptions, StoredVectors, Vector } from "@newind/bot";
import type { Store } from "@newind/cache";
import type { Corpus } from "@newind/core";

/** The kind of the store entries holding a corpus's sentence vectors. */
export const SENTENCE_VECTORS_KIND = "vectors";

/** Version of the stored layout below: bump it when it changes. */
const LAYOUT_VERSION = 1;

/** What the store holds: the vectors known so far, of the sentences numbered in `sentences`. */
interface StoredSentenceVectors {
  /** The numbers (in `corpus.sentences`) of the sentences encoded, ascending. */
  sentences: number[];
  /** Their vectors, in the same order (the bot's quantised form). */
  vectors: StoredVectors;
}

/**
 * The bot's `semantic` options for `corpus` that keep its sentence vectors in `store`
 * (`@newind/cache`): the vectors encoded for earlier questions are read on the first
 * question that needs them, and each question that encodes more sentences stores all known
 * so far — so a folder's sentences are encoded once, not on every run. The entry is keyed
 * by the corpus hash and the bot's encoder (`ENCODER_NAME`), and what it holds is
 * checked against the corpus (sentence numbers in range, one vector each, one dimension).
 *
 * Undefined for the built-in corpus alone: the bot's build ships its vectors already.
 *
 * @example
 * const semantic = await sentenceVectorCache(corpus, openStore(userCacheDir(env)));
 * const bot = createBot({ corpus, index, ...(semantic && { semantic }) });
 */
export async function sentenceVectorCache(
  corpus: Corpus,
  store: Store,
): Promise<SemanticOptions | undefined> {
  const [{ ENCODER_NAME, loadVectors, storeVectors }, { DEFAULT_CORPUS_DIR }, { storeEntry }] =
    await Promise.all([import("@newind/bot"), import("@newind/data/loaders"), import("@newind/cache")]);
  if (isBuiltInCorpusAlone(corpus, DEFAULT_CORPUS_DIR)) return undefined;
  const codec = { loadVectors, storeVectors };
  const entry = storeEntry(SENTENCE_VECTORS_KIND, {
    code: `sentence-vectors@${LAYOUT_VERSION} ${ENCODER_NAME}`,
    inputs: [corpus.hash],
  });
  let writing: Promise<unknown> = Promise.resolve();
  let pending: ReadonlyArray<Vector | undefined> | undefined;
  return {
    sentenceVectors: async () => {
      const read = await store.read(entry, (payload) =>
        restoreVectors(payload, corpus.sentences.length, codec),
      );
      return read.status === "hit" ? read.value : undefined;
    },
    // Not awaited by the answer: the write runs behind it, and writes queued meanwhile
    // collapse into one with the latest vectors.
    saveSentenceVectors: (vectors) => {
      const first = pending === undefined;
      pending = vectors;
      if (first) {
        writing = writing.then(async () => {
          const latest = pending ?? [];
          pending = undefined;
          await store.write(entry, serializeVectors(latest, codec)).catch(() => undefined);
        });
      }
    },
  };
}

/** The bot's quantised form of vectors, both ways. */
interface VectorCodec {
  loadVectors(stored: StoredVectors): Vector[];
  storeVectors(vectors: readonly Vector[], dimensions: number): StoredVectors;
}

/** The known vectors of `vectors` (by sentence number) in their stored form. */
function serializeVectors(vectors: ReadonlyArray<Vector | undefined>, { storeVectors }: VectorCodec): string {
  const sentences: number[] = [];
  const known: Vector[] = [];
  vectors.forEach((vector, i) => {
    if (vector) {
      sentences.push(i);
      known.push(vector);
    }
  });
  const stored: StoredSentenceVectors = {
    sentences,
    vectors: storeVectors(known, known[0]?.length ?? 0),
  };
  return JSON.stringify(stored);
}

/**
 * The vectors by sentence number, or undefined when the payload does not fit a corpus of
 * `sentenceCount` sentences: numbers out of range or out of order, a vector count other than
 * the numbers', a dimension that is not a positive whole number.
 */
function restoreVectors(
  payload: string,
  sentenceCount: number,
  { loadVectors }: VectorCodec,
): Array<Vector | undefined> | undefined {
  const stored = JSON.parse(payload) as Partial<StoredSentenceVectors> | null;
  const { sentences, vectors } = stored ?? {};
  if (!Array.isArray(sentences) || typeof vectors?.data !== "string") return undefined;
  if (!Number.isInteger(vectors.dimensions) || vectors.dimensions <= 0) return undefined;
  let previous = -1;
  for (const i of sentences) {
    if (!Number.isInteger(i) || i <= previous || i >= sentenceCount) return undefined;
    previous = i;
  }
  const loaded = loadVectors(vectors);
  if (loaded.length !== sentences.length) return undefined;
  const out = new Array<Vector | undefined>(sentenceCount).fill(undefined);
  sentences.forEach((i, k) => {
    out[i] = loaded[k];
  });
  return out;
}

/** True when every document is in the built-in corpus's folder (for which the bot ships vectors). */
function isBuiltInCorpusAlone(corpus: Corpus, defaultCorpusDir: URL): boolean {
  const builtInDir = resolve(fileURLToPath(defaultCorpusDir));
  // In that folder itself: the primary collection lives in a subfolder of it.
  return (
    corpus.documents.length > 0 &&
    corpus.documents.every((document) => document.path !== undefined && dirname(document.path) === builtInDir)
  );
}
