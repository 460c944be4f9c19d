import type { Corpus } from "@newind/core";
import { cosine, type SentenceEncoder, type Vector } from "./vectors.js";

/** How the bot gets sentence vectors: an encoder, and vectors of the corpus computed ahead. */
export interface SemanticOptions {
  /** The encoder, or a function loading it on first need (default: the Universal Sentence Encoder). */
  encoder?: SentenceEncoder | (() => Promise<SentenceEncoder>);
  /**
   * Vectors of the corpus's sentences computed ahead (by sentence number, unit length), or a
   * function loading them on first need; sentences without one are encoded when a question needs them.
   */
  sentenceVectors?:
    | ReadonlyArray<Vector | undefined>
    | (() => Promise<ReadonlyArray<Vector | undefined> | undefined>);
  /**
   * Called after sentences were encoded for a question, with every vector known so far (by
   * sentence number): where a caller keeps them, in a cache beside the corpus, for next time.
   * Errors are ignored: a vector not kept is only encoded again.
   */
  saveSentenceVectors?: (vectors: ReadonlyArray<Vector | undefined>) => void | Promise<void>;
}

/** At most this many question vectors are remembered. */
const QUESTION_MEMORY = 256;

/**
 * Similarities between questions and a corpus's sentences in a sentence encoder's space. The
 * encoder and any precomputed vectors load on first use; each sentence is encoded at most once.
 */
export class SemanticSupport {
  readonly #corpus: Corpus;
  readonly #options: SemanticOptions;
  readonly #sentences = new Map<number, Vector>();
  readonly #questions = new Map<string, Vector>();
  #encoder: Promise<SentenceEncoder> | undefined;
  #precomputed: Promise<void> | undefined;

  constructor(corpus: Corpus, options: SemanticOptions, defaultEncoder: () => Promise<SentenceEncoder>) {
    this.#corpus = corpus;
    this.#options = { ...options, encoder: options.encoder ?? defaultEncoder };
  }

  /** Loads the encoder (and precomputed vectors) ahead of the first question that needs them: the chat warms it after its first frame. */
  async warm(): Promise<void> {
    await Promise.all([this.#loadEncoder(), this.#loadPrecomputed()]);
  }

  /** The cosine similarity of `question` to each of `sentences` (sentence numbers). */
  async similarities(question: string, sentences: readonly number[]): Promise<Map<number, number>> {
    await this.#loadPrecomputed();
    const encoder = await this.#loadEncoder();
    const missing = [...new Set(sentences)].filter(
      (i) => !this.#sentences.has(i) && this.#corpus.sentences[i],
    );
    const texts = missing.map((i) => this.#corpus.sentences[i]?.text ?? "");
    const known = this.#questions.get(question);
    const vectors = await encoder.embed(known ? texts : [...texts, question]);
    missing.forEach((i, k) => {
      const vector = vectors[k];
      if (vector) this.#sentences.set(i, vector);
    });
    if (missing.length > 0 && this.#options.saveSentenceVectors) {
      const all = this.#corpus.sentences.map((_sentence, i) => this.#sentences.get(i));
      try {
        await this.#options.saveSentenceVectors(all);
      } catch {
        // Only a cache: the vectors are encoded again next time.
      }
    }
    const questionVector = known ?? vectors[texts.length];
    if (questionVector && !known) {
      if (this.#questions.size >= QUESTION_MEMORY) this.#questions.clear();
      this.#questions.set(question, questionVector);
    }
    return new Map(sentences.map((i) => [i, cosine(questionVector, this.#sentences.get(i))]));
  }

  #loadEncoder(): Promise<SentenceEncoder> {
    const source = this.#options.encoder;
    this.#encoder ??= typeof source === "function" ? source() : Promise.resolve(source as SentenceEncoder);
    return this.#encoder;
  }

  #loadPrecomputed(): Promise<void> {
    this.#precomputed ??= (async () => {
      const source = this.#options.sentenceVectors;
      const vectors = typeof source === "function" ? await source().catch(() => undefined) : source;
      if (!vectors || vectors.length !== this.#corpus.sentences.length) return;
      vectors.forEach((vector, i) => {
        if (vector) this.#sentences.set(i, vector);
      });
    })();
    return this.#precomputed;
  }
}
