// `pnpm bench`: index build, load from JSON, and query latency p50/p99 of @newind/search
// beside plain MiniSearch (default options, the same passages, the same run), on the
// default corpus and on generated corpora; heap after build. Prints a table and writes
// bench-results/search.json (at the repository root).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import type { Corpus } from "@newind/core";
import { loadDefaultCorpus } from "@newind/data";
import { createSearchIndex, loadSearchIndex } from "@newind/search";
import MiniSearch from "minisearch";
import { generateCorpus, generateQueries } from "./generate-corpus.js";

interface EngineResult {
  buildMs: number;
  loadMs: number;
  jsonMB: number;
  heapMB: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
}

const sizes = (process.env.BENCH_SIZES ?? "default,10000,100000").split(",");
const root = new URL("../../../../", import.meta.url);
const devFile = new URL("../shared/eval/dev.jsonl", root);

function heapMB(): number {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

function timeQueries(
  queries: string[],
  search: (query: string) => unknown,
): Pick<EngineResult, "p50Ms" | "p99Ms" | "meanMs"> {
  // Steady state: one untimed pass warms the JIT and the lazily loaded parts (the English
  // word list, the Chinese segmenter), which a long-lived process pays once.
  for (const query of queries) search(query);
  const times: number[] = [];
  for (let round = 0; round < 3; round++) {
    for (const query of queries) {
      const started = performance.now();
      search(query);
      times.push(performance.now() - started);
    }
  }
  times.sort((a, b) => a - b);
  const round3 = (value: number) => Math.round(value * 1000) / 1000;
  return {
    p50Ms: round3(percentile(times, 50)),
    p99Ms: round3(percentile(times, 99)),
    meanMs: round3(times.reduce((sum, time) => sum + time, 0) / times.length),
  };
}

async function benchOurs(corpus: Corpus, queries: string[]): Promise<EngineResult> {
  const before = heapMB();
  let started = performance.now();
  const index = await createSearchIndex(corpus);
  const buildMs = performance.now() - started;
  const heap = heapMB() - before;
  const json = JSON.stringify(index);
  started = performance.now();
  const loaded = loadSearchIndex(corpus, json);
  const loadMs = performance.now() - started;
  const timing = timeQueries(queries, (query) => loaded.searchCitations(query, { limit: 5 }));
  return {
    buildMs: Math.round(buildMs),
    loadMs: Math.round(loadMs),
    jsonMB: json.length / 2 ** 20,
    heapMB: heap,
    ...timing,
  };
}

function benchPlain(corpus: Corpus, queries: string[]): EngineResult {
  const before = heapMB();
  let started = performance.now();
  const plain = new MiniSearch({ fields: ["text"] });
  plain.addAll(corpus.passages.map((passage, id) => ({ id, text: passage.text })));
  const buildMs = performance.now() - started;
  const heap = heapMB() - before;
  const json = JSON.stringify(plain);
  started = performance.now();
  const loaded = MiniSearch.loadJSON(json, { fields: ["text"] });
  const loadMs = performance.now() - started;
  const timing = timeQueries(queries, (query) => loaded.search(query).slice(0, 5));
  return {
    buildMs: Math.round(buildMs),
    loadMs: Math.round(loadMs),
    jsonMB: json.length / 2 ** 20,
    heapMB: heap,
    ...timing,
  };
}

const source = await loadDefaultCorpus();
const questions = existsSync(devFile)
  ? readFileSync(devFile, "utf8")
      .split("\n")
      .filter((line) => line.trim())
      .map((line) => (JSON.parse(line) as { question: string }).question)
  : ["local protectionism", "how many car makers ran under 60% capacity", "premeir li quiang"];

const rows: Array<{
  corpus: string;
  passages: number;
  sentences: number;
  queries: number;
  newind: EngineResult;
  plain: EngineResult;
}> = [];
for (const size of sizes) {
  const corpus = size === "default" ? source : generateCorpus(source, Number(size));
  const queries = size === "default" ? questions : generateQueries(corpus, questions, 160);
  const plain = benchPlain(corpus, queries);
  const newind = await benchOurs(corpus, queries);
  rows.push({
    corpus: size,
    passages: corpus.passages.length,
    sentences: corpus.sentences.length,
    queries: queries.length,
    newind,
    plain,
  });
  console.error(`bench: ${size} done`);
}

const fixed = (value: number, digits = 1) => value.toFixed(digits);
const lines = [
  "| corpus | passages | engine | build ms | load JSON ms | JSON MB | heap MB | p50 ms | p99 ms |",
  "| ------ | -------- | ------ | -------- | ------------ | ------- | ------- | ------ | ------ |",
];
for (const row of rows) {
  for (const [name, result] of [
    ["@newind/search", row.newind],
    ["plain MiniSearch", row.plain],
  ] as const) {
    lines.push(
      `| ${row.corpus} | ${row.passages} | ${name} | ${result.buildMs} | ${result.loadMs} | ${fixed(result.jsonMB)} | ${fixed(result.heapMB)} | ${fixed(result.p50Ms, 3)} | ${fixed(result.p99Ms, 3)} |`,
    );
  }
}
console.log(lines.join("\n"));
const outDir = new URL("bench-results/", root);
mkdirSync(outDir, { recursive: true });
writeFileSync(
  new URL("search.json", outDir),
  `${JSON.stringify({ node: process.version, date: new Date().toISOString(), rows }, null, 2)}\n`,
);
console.log("\nwrote bench-results/search.json");
