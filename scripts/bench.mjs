#!/usr/bin/env node
// `pnpm bench`: every package's benchmark through turbo, one at a time (so they do not time
// each other). Every benchmark reads only what the repository holds (the bot's reads the
// question copies in tests/eval/questions), so a clone without ../shared benches the same.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const result = spawnSync("turbo", ["run", "bench", "--concurrency=1", ...process.argv.slice(2)], {
  cwd: root,
  stdio: "inherit",
});
if (result.error) process.stderr.write(`pnpm bench: cannot run turbo (${result.error.message})\n`);
process.exit(result.status ?? 1);
