#!/usr/bin/env node
// Post-build step: writes dist/default-index.json, the default corpus's search index,
// stamped with the index format version and the corpus hash (see loadSearchIndex).
import { performance } from "node:perf_hooks";
import { loadDefaultCorpus } from "@newind/data";
import { createSearchIndex, DEFAULT_INDEX_URL, writeSearchIndex } from "../dist/index.js";

const started = performance.now();
const corpus = await loadDefaultCorpus();
const index = await createSearchIndex(corpus);
const bytes = await writeSearchIndex(index, DEFAULT_INDEX_URL);
const ms = Math.round(performance.now() - started);
console.log(
  `search: wrote ${new URL(DEFAULT_INDEX_URL).pathname.split("/").slice(-2).join("/")} ` +
    `(${corpus.sentences.length} sentences, ${(bytes / 1024).toFixed(0)} KiB, ${ms} ms)`,
);
