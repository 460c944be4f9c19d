#!/usr/bin/env node
/**
 * `pnpm bench` for the chat: runs the built binary in a pseudo-terminal and measures
 *
 *   - first frame: launch → the first frame ("newind · offline", drawn before the corpus is
 *     loaded), and launch → the full header (corpus title, "1 document · offline"), beside
 *     `node -e ""` launch → exit;
 *   - typing latency: key written → the input line redrawn with it, on an empty transcript
 *     and on one of 200 messages (100 questions answered by the real bot).
 *
 * Writes bench-results/chat.json at the repository root. It measures; it asserts nothing.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL("../../../", import.meta.url));
const bin = fileURLToPath(new URL("../dist/newind.js", import.meta.url));
const resultsFile = join(root, "bench-results", "chat.json");

const QUESTIONS = [
  "When was New Industrialization first proposed?",
  "How many auto manufacturers did China have in 2020?",
  "When did BYD start making batteries?",
  "What is local protectionism?",
  "Who is Jin Zhuanglong?",
  "What is the middle-income trap?",
  "How big will the cleantech market be by 2030?",
  "What are the four elements of New Industrialization?",
  "What did Xi say at the Two Sessions?",
  "Why is China worried about a two-way squeeze?",
];

function environment(stateHome) {
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key === "CI" || key === "CONTINUOUS_INTEGRATION" || key.startsWith("CI_") || key === "FORCE_COLOR")
      continue;
    env[key] = value;
  }
  return {
    ...env,
    TERM: "xterm-256color",
    NO_COLOR: "1",
    XDG_STATE_HOME: stateHome,
    XDG_CACHE_HOME: join(stateHome, "cache"),
  };
}

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  const round = (value) => Math.round(value * 100) / 100;
  return {
    runs: sorted.length,
    medianMs: round(at(0.5)),
    p90Ms: round(at(0.9)),
    minMs: round(sorted[0]),
    maxMs: round(sorted[sorted.length - 1]),
  };
}

function spawn(
  pty,
  args,
  stateHome = mkdtempSync(join(tmpdir(), "newind-bench-")),
  cols = 100,
  rows = 40,
  extraEnv = {},
) {
  const started = performance.now();
  const child = pty.spawn(process.execPath, args, {
    name: "xterm-256color",
    cols,
    rows,
    cwd: stateHome,
    env: { ...environment(stateHome), ...extraEnv },
  });
  const session = { child, started, output: "", exited: false, listeners: new Set() };
  child.onData((data) => {
    session.output += data;
    for (const listener of session.listeners) listener();
  });
  session.exit = new Promise((resolve) =>
    child.onExit(() => {
      session.exited = true;
      resolve(performance.now());
      for (const listener of session.listeners) listener();
    }),
  );
  return session;
}

function until(session, check, what, timeoutMs = 20_000) {
  return new Promise((resolve, reject) => {
    const test = () => {
      if (check()) {
        session.listeners.delete(test);
        clearTimeout(timer);
        resolve(performance.now());
      } else if (session.exited) {
        session.listeners.delete(test);
        clearTimeout(timer);
        reject(new Error(`exited before ${what}: ${JSON.stringify(session.output.slice(-300))}`));
      }
    };
    const timer = setTimeout(() => {
      session.listeners.delete(test);
      reject(new Error(`timed out waiting for ${what}`));
    }, timeoutMs);
    session.listeners.add(test);
    test();
  });
}

function readLog(file) {
  const events = {};
  for (const row of readFileSync(file, "utf8").trim().split("\n")) {
    const value = JSON.parse(row);
    events[value.event] = value;
  }
  return events;
}

async function nodeBaseline(pty, runs) {
  const samples = [];
  const cpu = [];
  const dir = mkdtempSync(join(tmpdir(), "newind-bench-node-"));
  for (let i = 0; i < runs; i++) {
    const log = join(dir, `node-${i}.jsonl`);
    const session = spawn(pty, ["--import", FRAME_HOOK, "-e", ""], dir, 100, 40, { NEWIND_BENCH_LOG: log });
    samples.push((await session.exit) - session.started);
    cpu.push(readLog(log).exit.cpuMs);
  }
  return { ...stats(samples), cpu: stats(cpu) };
}

const HEADER = /\d+ documents? · offline/;

// Notes first frame, header and exit times and CPU from inside the process (see the file).
const FRAME_HOOK = new URL("./frame-hook.mjs", import.meta.url).href;

async function firstFrame(pty, runs) {
  const frames = [];
  const headers = [];
  const inProcess = { frame: [], header: [], frameCpu: [], headerCpu: [] };
  // One state and cache folder for every run, warmed by a first run that is not counted:
  // what a person sees from the second launch on.
  const stateHome = mkdtempSync(join(tmpdir(), "newind-bench-"));
  for (let i = -1; i < runs; i++) {
    const log = join(stateHome, `frame-${i}.jsonl`);
    const session = spawn(pty, ["--import", FRAME_HOOK, bin], stateHome, 100, 40, { NEWIND_BENCH_LOG: log });
    const frame = await until(session, () => session.output.includes("offline"), "the first frame");
    const header = await until(session, () => HEADER.test(session.output), "the header");
    session.child.write("\u0004");
    await session.exit;
    if (i >= 0) {
      frames.push(frame - session.started);
      headers.push(header - session.started);
      const events = readLog(log);
      inProcess.frame.push(events.frame.ms);
      inProcess.header.push(events.header.ms);
      inProcess.frameCpu.push(events.frame.cpuMs);
      inProcess.headerCpu.push(events.header.cpuMs);
    }
  }
  return {
    frame: { ...stats(frames), inProcess: stats(inProcess.frame), cpu: stats(inProcess.frameCpu) },
    header: { ...stats(headers), inProcess: stats(inProcess.header), cpu: stats(inProcess.headerCpu) },
  };
}

// A fast typist: about 12 keys a second. Keys sent back to back would measure Ink's frame
// throttle (one frame per 16 ms) rather than how fast a key shows.
const KEY_INTERVAL_MS = 80;

async function typeKeys(session, count) {
  const samples = [];
  let typed = "";
  for (let i = 0; i < count; i++) {
    await new Promise((resolve) => setTimeout(resolve, KEY_INTERVAL_MS));
    const key = "abcdefghijklmnopqrstuvwxyz"[i % 26];
    typed += key;
    const from = session.output.length;
    const sent = performance.now();
    session.child.write(key);
    const expected = `› ${typed}`;
    const seen = await until(
      session,
      () => session.output.indexOf(expected, from - expected.length) >= 0,
      `echo of ${key}`,
    );
    samples.push(seen - sent);
  }
  session.child.write("\u0015");
  return stats(samples);
}

async function typingLatency(pty, keys) {
  const session = spawn(pty, [bin]);
  await until(session, () => HEADER.test(session.output), "the header");
  // Let the index finish loading so the empty-transcript figure is typing alone.
  session.child.write("/help\r");
  await until(session, () => session.output.includes("Keys"), "/help");
  const empty = await typeKeys(session, keys);
  let answered = 0;
  for (let i = 0; i < 100; i++) {
    const question = QUESTIONS[i % QUESTIONS.length];
    const before = session.output.length;
    session.child.write(`${question}\r`);
    // Answered when the prompt's hint bar has been drawn again after the question's echo.
    await until(
      session,
      () => {
        const tail = session.output.slice(before);
        return (
          tail.includes(`› ${question}`) &&
          tail.lastIndexOf("Enter ask") > tail.lastIndexOf("looking through")
        );
      },
      `answer ${i + 1}`,
    );
    answered++;
  }
  const long = await typeKeys(session, keys);
  session.child.write("\u0004");
  await session.exit;
  return { emptyTranscript: empty, transcriptMessages: answered * 2, longTranscript: long };
}

async function main() {
  let pty;
  try {
    pty = require("node-pty");
  } catch (error) {
    console.error(`bench skipped: node-pty is not available (${error.message.split("\n")[0]})`);
    return;
  }
  const runs = Number(process.env.BENCH_RUNS ?? 10);
  const node = await nodeBaseline(pty, runs);
  const { frame, header } = await firstFrame(pty, runs);
  const typing = await typingLatency(pty, 40);
  const result = {
    benchmark: "newind chat",
    date: new Date().toISOString(),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    terminal: "node-pty 100x40, TERM=xterm-256color, NO_COLOR=1",
    keyIntervalMs: KEY_INTERVAL_MS,
    loadAverage: loadavg().map((value) => Math.round(value * 100) / 100),
    notes:
      "medianMs: spawn → text seen in the pty; inProcess: the process's own clock when it wrote the text; cpu: its CPU time by then.",
    nodeEmptyLaunch: node,
    firstFrame: {
      ...frame,
      ratioToNodeMedian: Math.round((frame.medianMs / node.medianMs) * 100) / 100,
      cpuRatioToNode: Math.round((frame.cpu.medianMs / node.cpu.medianMs) * 100) / 100,
    },
    fullHeader: {
      ...header,
      ratioToNodeMedian: Math.round((header.medianMs / node.medianMs) * 100) / 100,
      cpuRatioToNode: Math.round((header.cpu.medianMs / node.cpu.medianMs) * 100) / 100,
    },
    typing,
  };
  mkdirSync(dirname(resultsFile), { recursive: true });
  writeFileSync(resultsFile, `${JSON.stringify(result, null, 2)}\n`);
  console.log(
    [
      `node -e "":             median ${node.medianMs} ms (p90 ${node.p90Ms}), CPU ${node.cpu.medianMs} ms`,
      `first frame:            median ${frame.medianMs} ms (p90 ${frame.p90Ms}) = ${result.firstFrame.ratioToNodeMedian}× node; in process ${frame.inProcess.medianMs} ms, CPU ${frame.cpu.medianMs} ms = ${result.firstFrame.cpuRatioToNode}× node`,
      `full header (title):    median ${header.medianMs} ms (p90 ${header.p90Ms}) = ${result.fullHeader.ratioToNodeMedian}× node; in process ${header.inProcess.medianMs} ms, CPU ${header.cpu.medianMs} ms = ${result.fullHeader.cpuRatioToNode}× node`,
      `typing, empty:          median ${typing.emptyTranscript.medianMs} ms (p90 ${typing.emptyTranscript.p90Ms}, max ${typing.emptyTranscript.maxMs})`,
      `typing, ${typing.transcriptMessages} messages:   median ${typing.longTranscript.medianMs} ms (p90 ${typing.longTranscript.p90Ms}, max ${typing.longTranscript.maxMs})`,
      `→ ${resultsFile}`,
    ].join("\n"),
  );
}

await main();
