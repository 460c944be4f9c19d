#!/usr/bin/env node
// `pnpm bench`: every package's benchmark through turbo, one at a time. The answer-latency
// benchmark of @newind/bot reads the development questions from ../shared/eval, which only
// the project's own checkouts have: without it that benchmark is skipped, with a line saying
// so, and the others run (the search benchmark has questions of its own to fall back on).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const devQuestions = fileURLToPath(new URL("../../shared/eval/dev.jsonl", import.meta.url));
const args = ["run", "bench", "--concurrency=1", ...process.argv.slice(2)];
if (!existsSync(devQuestions)) {
  process.stderr.write(
    `pnpm bench: ${devQuestions} is not there (../shared/eval, beside the repository): the answer-latency benchmark of @newind/bot is skipped; the others run.\n`,
  );
  args.push("--filter=!@newind/bot");
}
const result = spawnSync("turbo", args, { cwd: root, stdio: "inherit" });
if (result.error) process.stderr.write(`pnpm bench: cannot run turbo (${result.error.message})\n`);
process.exit(result.status ?? 1);
