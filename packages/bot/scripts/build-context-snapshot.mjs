#!/usr/bin/env node
// Post-build step (after tsc): writes dist/default-context.json, what a bot derives from the
// built-in corpus (evidence index, vocabulary counts, phrase expansions), keyed on the
// corpus hash, the datasets and the sha256 of dist/**/*.js. createBotContext uses it only
// while all three are unchanged (see src/context-snapshot.ts).
import { performance } from "node:perf_hooks";
import { loadDefaultCorpus } from "@newind/data/loaders";
import { createEntityMatcher } from "../dist/analysis/find-entities.js";
import { DEFAULT_CONTEXT_SNAPSHOT, writeContextSnapshot } from "../dist/context-snapshot.js";

const started = performance.now();
const corpus = await loadDefaultCorpus();
const bytes = writeContextSnapshot(
  corpus,
  createEntityMatcher(corpus.datasets.entities),
  DEFAULT_CONTEXT_SNAPSHOT,
);
const ms = Math.round(performance.now() - started);
console.log(`bot: wrote dist/default-context.json (${(bytes / 1024).toFixed(0)} KiB, ${ms} ms)`);
