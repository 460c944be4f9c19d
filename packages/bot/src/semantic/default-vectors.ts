import { readFile } from "node:fs/promises";
import type { Corpus } from "@newind/core";
import { loadVectors, type StoredVectors, type Vector } from "./vectors.js";

/** Where the build writes the built-in corpus's sentence vectors (`dist/default-vectors.json`). */
export const DEFAULT_VECTORS_URL: URL = new URL("../default-vectors.json", import.meta.url);

/** The stored form of a corpus's sentence vectors. */
export interface SentenceVectorsFile {
  format: "newind-sentence-vectors";
  /** The encoder that made them. */
  encoder: string;
  /** `Corpus.hash` of the corpus whose sentences they encode, in order. */
  corpusHash: string;
  vectors: StoredVectors;
}

/** The encoder name written into vector files. */
export const ENCODER_NAME = "universal-sentence-encoder-lite@energetic-ai-0.2.0";

/**
 * The sentence vectors stored for `corpus` in `file`, or undefined when the file is missing,
 * damaged, or for another corpus or encoder (then sentences are encoded when needed).
 */
export async function readSentenceVectors(
  corpus: Corpus,
  file: URL | string = DEFAULT_VECTORS_URL,
): Promise<Vector[] | undefined> {
  try {
    const stored = JSON.parse(await readFile(file, "utf8")) as SentenceVectorsFile;
    if (
      stored.format !== "newind-sentence-vectors" ||
      stored.encoder !== ENCODER_NAME ||
      stored.corpusHash !== corpus.hash
    ) {
      return undefined;
    }
    const vectors = loadVectors(stored.vectors);
    return vectors.length === corpus.sentences.length ? vectors : undefined;
  } catch {
    return undefined;
  }
}
