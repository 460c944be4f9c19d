#!/usr/bin/env node
/**
 * `pnpm bench` for the corpus analytics over the whole primary collection (61 documents,
 * 1.39 million characters), all from the built packages:
 *
 *   - loading the collection in a fresh process: from its build-time snapshot (what
 *     `loadPrimaryCorpus` does) and the full way (read, check, parse), each in its own
 *     `node` process, timed inside it, beside `node -e ""` (process start alone);
 *   - `termTrend` and `concordance` warm (the corpus loaded, the JIT warm): one Chinese
 *     term (新型工业化), a frequent one (发展), a Latin one (GDP), and five terms at once;
 *   - `collocations` and `keyness`, first call (segmenting the collection) and warm;
 *   - whole `newind trend 新型工业化 --json` and `newind kwic 新型工业化 --json` runs.
 *
 * Targets (issue 11): one term under 50 ms warm; the collection from its snapshot under
 * 300 ms. Writes bench-results/analytics.json at the repository root. It measures; it
 * asserts nothing.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { collocations, concordance, keyness, termTrend } from "../dist/index.js";

const root = fileURLToPath(new URL("../../../", import.meta.url));
// The zod-free entry the CLI loads the collection through, and the root entry for the full way.
const loaders = new URL("../../data/dist/loaders.js", import.meta.url).href;
const data = new URL("../../data/dist/index.js", import.meta.url).href;
const bin = join(root, "apps/cli-chat/dist/newind.js");
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const WARM_RUNS = Number(process.env.BENCH_WARM_RUNS ?? 50);

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  const round = (value) => Math.round(value * 100) / 100;
  return {
    runs: sorted.length,
    medianMs: round(at(0.5)),
    p90Ms: round(at(0.9)),
    minMs: round(sorted[0] ?? 0),
  };
}

/** Runs `script` in a fresh node process `RUNS` times; it prints the milliseconds it measured. */
function inFreshProcess(script) {
  const samples = [];
  for (let run = 0; run < RUNS; run++) {
    const result = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
    if (result.status !== 0) throw new Error(result.stderr);
    samples.push(Number(result.stdout.trim()));
  }
  return stats(samples);
}

/** Whole processes, alternating with `node -e ""`, wall time. */
function wholeRuns(args) {
  const command = [];
  const baseline = [];
  for (let run = 0; run < RUNS; run++) {
    let started = performance.now();
    spawnSync(process.execPath, ["-e", ""]);
    baseline.push(performance.now() - started);
    started = performance.now();
    const result = spawnSync(process.execPath, [bin, ...args], {
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1" },
    });
    command.push(performance.now() - started);
    if (result.status !== 0) throw new Error(result.stderr);
  }
  const ours = stats(command);
  const node = stats(baseline);
  return {
    ...ours,
    nodeMedianMs: node.medianMs,
    ratio: Math.round((ours.medianMs / node.medianMs) * 100) / 100,
  };
}

function warm(run) {
  for (let i = 0; i < 5; i++) run();
  const samples = [];
  for (let i = 0; i < WARM_RUNS; i++) {
    const started = performance.now();
    run();
    samples.push(performance.now() - started);
  }
  return stats(samples);
}

function once(run) {
  const started = performance.now();
  const value = run();
  return { ms: Math.round(performance.now() - started), value };
}

const snapshotLoad = inFreshProcess(
  `const started = performance.now(); const { loadPrimaryCorpus } = await import(${JSON.stringify(loaders)}); ` +
    "await loadPrimaryCorpus(); process.stdout.write(String(performance.now() - started));",
);
const fullLoad = inFreshProcess(
  `const started = performance.now(); const { loadPrimaryCorpusFromManifest, PRIMARY_CORPUS_DIR } = await import(${JSON.stringify(data)}); ` +
    "await loadPrimaryCorpusFromManifest(PRIMARY_CORPUS_DIR); process.stdout.write(String(performance.now() - started));",
);
const nodeAlone = inFreshProcess("process.stdout.write(String(performance.now()))");

const { loadPrimaryCorpus } = await import(loaders);
const corpus = await loadPrimaryCorpus();
const characters = corpus.documents.reduce((sum, document) => sum + document.text.length, 0);

const results = {
  date: new Date().toISOString(),
  machine: {
    cpus: cpus().length,
    node: process.version,
    loadavg: loadavg().map((value) => Math.round(value * 100) / 100),
  },
  collection: { documents: corpus.documents.length, passages: corpus.passages.length, characters },
  load: { snapshot: snapshotLoad, full: fullLoad, nodeStartMs: nodeAlone },
  trend: {
    新型工业化: warm(() => termTrend(corpus, ["新型工业化"])),
    发展: warm(() => termTrend(corpus, ["发展"])),
    GDP: warm(() => termTrend(corpus, ["GDP"])),
    fiveTerms: warm(() => termTrend(corpus, ["新型工业化", "高质量发展", "工业化", "现代化", "改革开放"])),
  },
  kwic: {
    新型工业化: warm(() => concordance(corpus, "新型工业化", { limit: 20 })),
    "发展 (all hits)": warm(() => concordance(corpus, "发展", { limit: 100_000 })),
  },
};
const firstCollocations = once(() => collocations(corpus, "新型工业化"));
results.collocations = {
  firstMs: firstCollocations.ms,
  warm: warm(() => collocations(corpus, "新型工业化")),
};
results.keyness = { warm: warm(() => keyness(corpus, "2003-2015", "2016-2023")) };
results.commands = {
  "trend 新型工业化 --json": wholeRuns(["trend", "新型工业化", "--json"]),
  "kwic 新型工业化 --json": wholeRuns(["kwic", "新型工业化", "--json"]),
};

const line = (label, value) => console.log(`${label.padEnd(38)} ${value}`);
console.log(
  `analytics over the primary collection: ${corpus.documents.length} documents, ${characters.toLocaleString("en-US")} characters`,
);
line(
  "load from the snapshot (fresh process)",
  `${snapshotLoad.medianMs} ms median (p90 ${snapshotLoad.p90Ms})`,
);
line("load the full way (read, check, parse)", `${fullLoad.medianMs} ms median`);
for (const [term, value] of Object.entries(results.trend))
  line(`termTrend ${term} (warm)`, `${value.medianMs} ms median (p90 ${value.p90Ms})`);
for (const [term, value] of Object.entries(results.kwic))
  line(`concordance ${term} (warm)`, `${value.medianMs} ms median (p90 ${value.p90Ms})`);
line(
  "collocations 新型工业化 (first, warm)",
  `${results.collocations.firstMs} ms, ${results.collocations.warm.medianMs} ms`,
);
line("keyness 2003-2015 vs 2016-2023 (warm)", `${results.keyness.warm.medianMs} ms`);
for (const [command, value] of Object.entries(results.commands)) {
  line(`newind ${command}`, `${value.medianMs} ms median, ${value.ratio}× node -e ""`);
}
mkdirSync(join(root, "bench-results"), { recursive: true });
writeFileSync(join(root, "bench-results", "analytics.json"), `${JSON.stringify(results, null, 2)}\n`);
