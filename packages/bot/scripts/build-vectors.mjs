#!/usr/bin/env node
// Post-build step (after tsc): encodes the built-in corpus's sentences with the sentence encoder
// and writes dist/default-vectors.json, so a question the lexical decision is unsure of costs one
// encoder call, not one per sentence. Keyed on the corpus hash: a changed corpus is re-encoded
// on demand instead of trusting stale vectors.
import { writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { loadDefaultCorpus } from "@newind/data/loaders";
import { DEFAULT_VECTORS_URL, ENCODER_NAME } from "../dist/semantic/default-vectors.js";
import { loadUniversalSentenceEncoder } from "../dist/semantic/universal-sentence-encoder.js";
import { storeVectors } from "../dist/semantic/vectors.js";

const started = performance.now();
const corpus = await loadDefaultCorpus();
const encoder = await loadUniversalSentenceEncoder();
const vectors = await encoder.embed(corpus.sentences.map((sentence) => sentence.text));
const file = {
  format: "newind-sentence-vectors",
  encoder: ENCODER_NAME,
  corpusHash: corpus.hash,
  vectors: storeVectors(vectors, vectors[0]?.length ?? 512),
};
const json = JSON.stringify(file);
writeFileSync(DEFAULT_VECTORS_URL, json);
const ms = Math.round(performance.now() - started);
console.log(
  `bot: wrote dist/default-vectors.json (${vectors.length} sentences, ${(json.length / 1024).toFixed(0)} KiB, ${ms} ms)`,
);
