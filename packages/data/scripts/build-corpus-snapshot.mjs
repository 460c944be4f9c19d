#!/usr/bin/env node
// Post-build step: writes dist/default-corpus.json, the built-in corpus as the full load
// (read, check, parse, validate) produces it, with the sha256 of every file it came from.
// loadDefaultCorpus uses it only while those files are unchanged (see corpus-snapshot.ts).
import { performance } from "node:perf_hooks";
import { writeCorpusSnapshot } from "../dist/corpus-snapshot.js";
import {
  DEFAULT_CORPUS_DIR,
  DEFAULT_CORPUS_SNAPSHOT_URL,
  DEFAULT_DATASETS_DIR,
} from "../dist/package-dirs.js";

const started = performance.now();
const { corpus, bytes } = await writeCorpusSnapshot({
  corpusDir: DEFAULT_CORPUS_DIR,
  datasetsDir: DEFAULT_DATASETS_DIR,
  snapshot: DEFAULT_CORPUS_SNAPSHOT_URL,
});
const ms = Math.round(performance.now() - started);
console.log(
  `data: wrote dist/default-corpus.json (${corpus.passages.length} passages, ` +
    `${(bytes / 1024).toFixed(0)} KiB, ${ms} ms)`,
);
