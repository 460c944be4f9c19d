#!/usr/bin/env node
// Post-build step: writes dist/default-corpus.json and dist/primary-corpus.json, the
// built-in corpus and the primary collection as their full loads (read, check, parse,
// validate) produce them, with the sha256 of every file they came from. The loaders use
// a snapshot only while those files are unchanged (see corpus-snapshot.ts).
import { performance } from "node:perf_hooks";
import { writeCorpusSnapshot } from "../dist/corpus-snapshot.js";
import { PRIMARY_CORPUS_LOADER } from "../dist/load-primary-corpus.js";
import {
  DEFAULT_CORPUS_DIR,
  DEFAULT_CORPUS_SNAPSHOT_URL,
  DEFAULT_DATASETS_DIR,
  PRIMARY_CORPUS_DIR,
  PRIMARY_CORPUS_SNAPSHOT_URL,
} from "../dist/package-dirs.js";

async function write(name, location, loader) {
  const started = performance.now();
  const { corpus, bytes } = await writeCorpusSnapshot(location, loader);
  const ms = Math.round(performance.now() - started);
  console.log(
    `data: wrote dist/${name} (${corpus.documents.length} documents, ${corpus.passages.length} passages, ` +
      `${(bytes / 1024).toFixed(0)} KiB, ${ms} ms)`,
  );
}

await write("default-corpus.json", {
  corpusDir: DEFAULT_CORPUS_DIR,
  datasetsDir: DEFAULT_DATASETS_DIR,
  snapshot: DEFAULT_CORPUS_SNAPSHOT_URL,
});
await write(
  "primary-corpus.json",
  { corpusDir: PRIMARY_CORPUS_DIR, snapshot: PRIMARY_CORPUS_SNAPSHOT_URL },
  PRIMARY_CORPUS_LOADER,
);
