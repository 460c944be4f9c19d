/**
 * Loaded into a benchmarked process with `--import`: notes, in the process itself, when the
 * chat's first frame and its full header are written — milliseconds since the process
 * started and CPU time used by then — and the CPU time at exit, as JSON lines appended to
 * $NEWIND_BENCH_LOG. On a shared machine CPU time is what the program itself costs; wall
 * time includes the neighbours.
 */
import { appendFileSync } from "node:fs";
import { performance } from "node:perf_hooks";

const log = process.env.NEWIND_BENCH_LOG;
const seen = new Set();

function note(event) {
  if (!log || seen.has(event)) return;
  seen.add(event);
  const cpu = process.cpuUsage();
  appendFileSync(
    log,
    `${JSON.stringify({ event, ms: performance.now(), cpuMs: (cpu.user + cpu.system) / 1000 })}\n`,
  );
}

const write = process.stdout.write.bind(process.stdout);
process.stdout.write = (chunk, ...rest) => {
  const text = String(chunk);
  if (text.includes("offline")) note("frame");
  if (/\d+ documents? · offline/.test(text)) note("header");
  return write(chunk, ...rest);
};
process.on("exit", () => note("exit"));
