// `pnpm bench` (this package): what an answer costs. Over the built-in document's questions
// (tests/eval/questions/builtin), as `newind ask` runs them:
// - setup: the corpus and its prebuilt index loaded, the bot created;
// - the words-alone path (`bot.answer`): p50/p95 after a warm-up;
// - the sentence encoder: its first load, then `bot.ask` (which consults it only where the
//   lexical decision is unsure) p50/p95, and how many questions consulted it;
// - whole processes, side by side with `node -e ""` in turn (A B A B…): `newind ask --json` on a
//   question the words alone decide, and on one that loads the encoder; median ratios.
// Prints a table and writes bench-results/bot.json at the repository root. It asserts nothing.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { loadDefaultCorpus } from "@newind/data/loaders";
import { loadDefaultSearchIndex } from "@newind/search";
import { gather, score, wantsSemantic } from "../dist/answer-question.js";
import { BotContext } from "../dist/bot-context.js";
import { createBot } from "../dist/index.js";
import { FITTED_MODEL } from "../dist/scoring/fitted-model.js";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const folder = `${root}tests/eval/questions/builtin/`;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const PROCESS_RUNS = Number(process.env.BENCH_PROCESS_RUNS ?? 9);

const questions = readdirSync(folder)
  .filter((file) => file.endsWith(".jsonl"))
  .flatMap((file) =>
    readFileSync(`${folder}${file}`, "utf8")
      .split("\n")
      .filter((line) => line.trim())
      .map((line) => JSON.parse(line)),
  );
const percentile = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const round = (ms) => Math.round(ms * 100) / 100;
const summary = (times) => {
  const sorted = [...times].sort((a, b) => a - b);
  return { n: sorted.length, p50Ms: round(percentile(sorted, 50)), p95Ms: round(percentile(sorted, 95)) };
};

let start = performance.now();
const corpus = await loadDefaultCorpus();
const index = await loadDefaultSearchIndex();
const loadMs = performance.now() - start;
start = performance.now();
const bot = createBot({ corpus, index });
const createMs = performance.now() - start;

for (const q of questions) bot.answer(q.question, { history: q.turns ?? [] }); // warm up the JIT
const lexical = [];
for (let r = 0; r < ROUNDS; r++) {
  for (const q of questions) {
    const t = performance.now();
    bot.answer(q.question, { history: q.turns ?? [] });
    lexical.push(performance.now() - t);
  }
}

start = performance.now();
await bot.warm();
const encoderLoadMs = performance.now() - start;
const context = new BotContext(corpus, index);
let consulted = 0;
// The processes below time one question the words alone decide and one that loads the encoder,
// chosen by the fitted model (a refit moves the band, so no question is fixed here).
let lexicalQuestion;
let unsureQuestion;
for (const q of questions) {
  const gathered = gather(context, q.question, []);
  const unsure = wantsSemantic(FITTED_MODEL, gathered, score(context, FITTED_MODEL.lexical, gathered));
  if (unsure) consulted++;
  if ((q.turns ?? []).length > 0) continue;
  if (unsure) unsureQuestion ??= q.question;
  else lexicalQuestion ??= q.question;
}
for (const q of questions) await bot.ask(q.question, { history: q.turns ?? [] }); // encode every question once
const asked = [];
for (let r = 0; r < ROUNDS; r++) {
  for (const q of questions) {
    const t = performance.now();
    await bot.ask(q.question, { history: q.turns ?? [] });
    asked.push(performance.now() - t);
  }
}

/** Whole processes in turn with `node -e ""`: the median of the pairwise ratios, and each side's median wall time. */
function sideBySide(args) {
  const binary = `${root}apps/cli-chat/dist/newind.js`;
  if (!existsSync(binary)) return undefined;
  const wall = (command) => {
    const t = performance.now();
    spawnSync(process.execPath, command, { stdio: "ignore" });
    return performance.now() - t;
  };
  wall(["-e", ""]);
  wall([binary, ...args]);
  const ratios = [];
  const ours = [];
  const node = [];
  for (let i = 0; i < PROCESS_RUNS; i++) {
    const a = wall([binary, ...args]);
    const b = wall(["-e", ""]);
    ours.push(a);
    node.push(b);
    ratios.push(a / b);
  }
  const median = (list) => round([...list].sort((x, y) => x - y)[Math.floor(list.length / 2)] ?? 0);
  return {
    command: `newind ${args.join(" ")}`,
    ms: median(ours),
    nodeMs: median(node),
    ratio: median(ratios),
  };
}
const processes = [lexicalQuestion, unsureQuestion]
  .filter((question) => question !== undefined)
  .map((question) => sideBySide(["ask", question, "--json"]))
  .filter(Boolean);

const result = {
  questions: questions.length,
  setup: { loadCorpusAndIndexMs: round(loadMs), createBotMs: round(createMs) },
  lexical: summary(lexical),
  encoder: { loadMs: round(encoderLoadMs), consulted, of: questions.length },
  ask: summary(asked),
  processes,
};
console.log(`@newind/bot over ${questions.length} questions of the built-in document`);
console.log(
  `  setup: corpus + prebuilt index ${result.setup.loadCorpusAndIndexMs} ms, createBot ${result.setup.createBotMs} ms`,
);
console.log(`  bot.answer (words alone): p50 ${result.lexical.p50Ms} ms, p95 ${result.lexical.p95Ms} ms`);
console.log(
  `  sentence encoder: first load ${result.encoder.loadMs} ms; consulted on ${consulted}/${questions.length} questions`,
);
console.log(
  `  bot.ask (encoder where unsure, vectors cached): p50 ${result.ask.p50Ms} ms, p95 ${result.ask.p95Ms} ms`,
);
for (const p of processes)
  console.log(`  ${p.command}: ${p.ms} ms vs node -e "" ${p.nodeMs} ms → ${p.ratio}×`);
mkdirSync(`${root}bench-results`, { recursive: true });
writeFileSync(`${root}bench-results/bot.json`, `${JSON.stringify(result, null, 2)}\n`);
