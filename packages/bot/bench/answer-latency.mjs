// `pnpm bench`: answer latency of @newind/bot over the dev questions (../shared/eval/dev.jsonl
// and dev-abstain.jsonl) on the default corpus with the prebuilt search index, as `newind ask`
// uses it: setup (corpus, index, bot), the first (cold) answer, then p50/p99 per kind and
// overall after a warm-up. Prints a table and writes bench-results/bot.json at the
// repository root. It measures; it asserts nothing.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { loadDefaultCorpus } from "@newind/data";
import { loadDefaultSearchIndex } from "@newind/search";
import { createBot } from "../dist/index.js";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const shared = fileURLToPath(new URL("../../../../shared/eval/", import.meta.url));
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);

function readQuestions(file) {
  if (!existsSync(file))
    throw new Error(`bench: ${file} not found (the shared eval folder beside the repository)`);
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line));
}

const percentile = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const round = (ms) => Math.round(ms * 1000) / 1000;

const questions = [...readQuestions(`${shared}dev.jsonl`), ...readQuestions(`${shared}dev-abstain.jsonl`)];
let start = performance.now();
const corpus = await loadDefaultCorpus();
const index = await loadDefaultSearchIndex();
const setupCorpusMs = performance.now() - start;
start = performance.now();
const bot = createBot({ corpus, index });
const createBotMs = performance.now() - start;
start = performance.now();
bot.answer(questions[0].question, { history: questions[0].turns ?? [] });
const firstAnswerMs = performance.now() - start;

for (const q of questions) bot.answer(q.question, { history: q.turns ?? [] }); // warm up the JIT
const all = [];
const byKind = new Map();
for (let r = 0; r < ROUNDS; r++) {
  for (const q of questions) {
    const t = performance.now();
    bot.answer(q.question, { history: q.turns ?? [] });
    const ms = performance.now() - t;
    all.push(ms);
    const list = byKind.get(q.kind) ?? [];
    list.push(ms);
    byKind.set(q.kind, list);
  }
}
const summarize = (times) => {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50Ms: round(percentile(sorted, 50)),
    p99Ms: round(percentile(sorted, 99)),
    meanMs: round(sorted.reduce((s, x) => s + x, 0) / Math.max(sorted.length, 1)),
  };
};
const overall = summarize(all);
const kinds = Object.fromEntries([...byKind.entries()].map(([kind, times]) => [kind, summarize(times)]));

console.log(
  `@newind/bot answer latency: ${questions.length} dev questions × ${ROUNDS} rounds (node ${process.version})`,
);
console.log("");
console.log(
  `setup: corpus + prebuilt index ${round(setupCorpusMs)} ms, createBot ${round(createBotMs)} ms, first answer ${round(firstAnswerMs)} ms`,
);
console.log("");
console.log("| kind         |    n | p50 ms | p99 ms | mean ms |");
console.log("| ------------ | ---- | ------ | ------ | ------- |");
const row = (name, s) =>
  `| ${name.padEnd(12)} | ${String(s.n).padStart(4)} | ${s.p50Ms.toFixed(2).padStart(6)} | ${s.p99Ms.toFixed(2).padStart(6)} | ${s.meanMs.toFixed(2).padStart(7)} |`;
for (const [kind, s] of Object.entries(kinds)) console.log(row(kind, s));
console.log(row("all", overall));

const outDir = `${root}bench-results/`;
mkdirSync(outDir, { recursive: true });
writeFileSync(
  `${outDir}bot.json`,
  `${JSON.stringify(
    {
      node: process.version,
      date: new Date().toISOString(),
      questions: questions.length,
      rounds: ROUNDS,
      setup: {
        corpusAndIndexMs: round(setupCorpusMs),
        createBotMs: round(createBotMs),
        firstAnswerMs: round(firstAnswerMs),
      },
      overall,
      byKind: kinds,
    },
    null,
    2,
  )}\n`,
);
console.log("\nwrote bench-results/bot.json");
