#!/usr/bin/env node
// Benchmark of `--corpus DIR` with 1,000 generated documents (.md, .txt, .html):
// indexing from scratch (read + parse + index + write the cache) and loading from the
// cache, both in-process and as whole `newind search` runs. Targets (issue 6): index
// in under 10 s, load from cache in under 1 s. Writes bench-results/corpus.json at the
// repository root. Measures only; nothing here fails on a time.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { seededRandom } from "@newind/bench-kit";
import { openStore } from "@newind/cache";
import { loadCorpus } from "@newind/data";
import { loadSearchIndex } from "../dist/index-cache.js";

const DOCUMENTS = Number(process.env.BENCH_DOCUMENTS ?? 1000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const root = fileURLToPath(new URL("../../../", import.meta.url));
const bin = join(root, "apps/cli-chat/dist/newind.js");

const SUBJECTS = [
  "The ministry",
  "Provincial planners",
  "Battery makers",
  "Shipbuilders",
  "Local governments",
  "State-owned enterprises",
  "Chip foundries",
  "Steel mills",
  "Automakers",
  "Telecom operators",
];
const VERBS = [
  "expanded",
  "upgraded",
  "consolidated",
  "subsidised",
  "digitised",
  "greened",
  "relocated",
  "audited",
  "benchmarked",
  "retooled",
];
const OBJECTS = [
  "industrial clusters",
  "5G-enabled factories",
  "solid-state battery lines",
  "rare-earth refining",
  "industrial internet platforms",
  "cathode recycling",
  "advanced manufacturing capacity",
  "supply chains",
  "export credit schemes",
  "smart grids",
];
const PLACES = [
  "in Hefei",
  "in Shenzhen",
  "across the Yangtze River Delta",
  "in Dalian",
  "in Chongqing",
  "nationwide",
  "in Ningde",
  "in Suzhou",
  "in Xi'an",
  "in Wuhan",
];

function sentence(next, n) {
  const pick = (list) => list[Math.floor(next() * list.length)];
  const year = 2015 + Math.floor(next() * 12);
  return `${pick(SUBJECTS)} ${pick(VERBS)} ${pick(OBJECTS)} ${pick(PLACES)} in ${year}, raising output by ${Math.floor(next() * 90) + 5} percent (item ${n}).`;
}

function paragraphs(next, id) {
  const count = 4 + Math.floor(next() * 5);
  return Array.from({ length: count }, (_, p) =>
    Array.from({ length: 2 + Math.floor(next() * 3) }, (_, s) => sentence(next, `${id}.${p}.${s}`)).join(" "),
  );
}

function generate(dir) {
  // Seeded, so every run indexes the same text.
  const next = seededRandom(6);
  let bytes = 0;
  for (let i = 0; i < DOCUMENTS; i++) {
    const body = paragraphs(next, i);
    const title = `Field report ${i}`;
    let name;
    let text;
    if (i % 5 < 2) {
      name = `report-${i}.md`;
      text = `---\ntitle: ${title}\nauthors: [Analyst ${i % 17}]\ndate: 2024-0${(i % 9) + 1}-01\n---\n\n# ${title}\n\n${body.join("\n\n")}\n\nPriorities:\n\n  1. ${sentence(next, "a")}\n  2. ${sentence(next, "b")}\n`;
    } else if (i % 5 < 4) {
      name = `report-${i}.txt`;
      text = `${title}\n\n${body.join("\n\n")}\n`;
    } else {
      name = `report-${i}.html`;
      text = `<!doctype html><html><head><title>${title}</title><script>var t=1</script></head><body><nav>Home</nav><main><h1>${title}</h1>${body.map((p) => `<p>${p}</p>`).join("")}<ul><li>${sentence(next, "c")}</li></ul></main><footer>©</footer></body></html>`;
    }
    writeFileSync(join(dir, name), text);
    bytes += Buffer.byteLength(text);
  }
  return bytes;
}

const time = async (run) => {
  const start = performance.now();
  const value = await run();
  return { ms: performance.now() - start, value };
};
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const round = (ms) => Math.round(ms * 10) / 10;

// Reports the child's own CPU time (user + system) on exit: on a busy machine wall time
// measures the neighbours too, CPU time only this process.
const CPU_HOOK = `data:text/javascript,process.on("exit",()=>{const u=process.cpuUsage();process.stderr.write("bench-cpu-us "+(u.user+u.system)+"\\n")})`;

function cli(args, env) {
  const start = performance.now();
  const result = spawnSync(process.execPath, ["--import", CPU_HOOK, bin, ...args], {
    env: { ...process.env, ...env },
    encoding: "utf8",
  });
  const ms = performance.now() - start;
  if (result.status !== 0) throw new Error(`newind ${args.join(" ")} failed: ${result.stderr}`);
  const cpuMs = Number(/bench-cpu-us (\d+)/.exec(result.stderr)?.[1] ?? Number.NaN) / 1000;
  return { ms, cpuMs, stderr: result.stderr };
}

const work = mkdtempSync(join(tmpdir(), "newind-bench-corpus-"));
try {
  const dir = join(work, "documents");
  mkdirSync(dir);
  const bytes = generate(dir);

  // In-process: the library calls a command makes.
  const scratch = [];
  const cached = [];
  let corpus;
  for (let run = 0; run < RUNS; run++) {
    const cacheDir = join(work, `cache-${run}`);
    // As the CLI does: parsed folders and the index both in one store.
    const cache = openStore(cacheDir);
    const loaded = await time(() => loadCorpus({ dirs: [dir], cache }));
    corpus = loaded.value;
    const built = await time(() => loadSearchIndex(corpus, { store: cache }));
    scratch.push({ loadCorpusMs: loaded.ms, indexAndWriteMs: built.ms, totalMs: loaded.ms + built.ms });
    const reloaded = await time(() => loadCorpus({ dirs: [dir], cache }));
    let source;
    const fromCache = await time(() =>
      loadSearchIndex(reloaded.value, { store: cache, onReport: (r) => (source = r.source) }),
    );
    if (source !== "cache") throw new Error(`expected a cache hit, got ${source}`);
    cached.push({
      loadCorpusMs: reloaded.ms,
      loadIndexMs: fromCache.ms,
      totalMs: reloaded.ms + fromCache.ms,
    });
  }

  // End to end: `newind search` in a fresh process, cold (no cache) and warm (cached).
  const endToEnd = { scratchMs: [], cachedMs: [], scratchCpuMs: [], cachedCpuMs: [] };
  for (let run = 0; run < RUNS; run++) {
    const env = { XDG_CACHE_HOME: join(work, `cli-cache-${run}`), NEWIND_DEBUG: "1", NO_COLOR: "1" };
    const args = ["search", "solid-state battery lines in Hefei", "--corpus", dir, "--json"];
    const cold = cli(args, env);
    if (!cold.stderr.includes("index: built")) throw new Error(`cold run did not build: ${cold.stderr}`);
    endToEnd.scratchMs.push(cold.ms);
    endToEnd.scratchCpuMs.push(cold.cpuMs);
    for (let again = 0; again < 3; again++) {
      const warm = cli(args, env);
      if (!warm.stderr.includes("index: cache")) throw new Error(`warm run missed the cache: ${warm.stderr}`);
      endToEnd.cachedMs.push(warm.ms);
      endToEnd.cachedCpuMs.push(warm.cpuMs);
    }
  }

  const pick = (rows, key) => round(median(rows.map((row) => row[key])));
  const results = {
    benchmark: "corpus-folder",
    date: new Date().toISOString(),
    node: process.version,
    documents: DOCUMENTS,
    bytes,
    passages: corpus.passages.length,
    sentences: corpus.sentences.length,
    runs: RUNS,
    targets: { indexFromScratchMs: 10_000, loadFromCacheMs: 1_000 },
    inProcess: {
      indexFromScratch: {
        loadCorpusMs: pick(scratch, "loadCorpusMs"),
        indexAndWriteCacheMs: pick(scratch, "indexAndWriteMs"),
        totalMs: pick(scratch, "totalMs"),
      },
      loadFromCache: {
        loadCorpusMs: pick(cached, "loadCorpusMs"),
        loadIndexMs: pick(cached, "loadIndexMs"),
        totalMs: pick(cached, "totalMs"),
      },
    },
    // Whole processes: Node start-up, module loading, the built-in corpus, the folder, the
    // index and the search. On a shared machine the minimum is the best estimate of the
    // cost itself; the load average says how shared the machine was.
    endToEnd: {
      command: "newind search <query> --corpus DIR --json",
      indexFromScratchMs: round(median(endToEnd.scratchMs)),
      indexFromScratchMinMs: round(Math.min(...endToEnd.scratchMs)),
      loadFromCacheMs: round(median(endToEnd.cachedMs)),
      loadFromCacheMinMs: round(Math.min(...endToEnd.cachedMs)),
      indexFromScratchCpuMs: round(median(endToEnd.scratchCpuMs)),
      loadFromCacheCpuMs: round(median(endToEnd.cachedCpuMs)),
    },
    machine: { cpus: cpus().length, loadAverage: loadavg().map((value) => Math.round(value * 100) / 100) },
  };
  // Judged on the CPU time of whole `newind` processes (median): what a run costs on a
  // machine of its own. Wall times above say how much a busy machine adds.
  results.meetsTargets = {
    basis: "median CPU time (user + system) of whole newind processes",
    indexFromScratch: results.endToEnd.indexFromScratchCpuMs < results.targets.indexFromScratchMs,
    loadFromCache: results.endToEnd.loadFromCacheCpuMs < results.targets.loadFromCacheMs,
  };
  mkdirSync(join(root, "bench-results"), { recursive: true });
  writeFileSync(join(root, "bench-results", "corpus.json"), `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
} finally {
  // BENCH_KEEP=1 keeps the generated folder and caches, for profiling a run by hand.
  if (process.env.BENCH_KEEP) process.stderr.write(`kept ${work}\n`);
  else rmSync(work, { recursive: true, force: true });
}
