#!/usr/bin/env node
// `pnpm newind …`: builds the binary and what it depends on (turbo caches, so this is
// quick after the first time), then runs it with the caller's arguments and terminal.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const build = spawnSync(
  "turbo",
  ["run", "build", "--filter=@newind/cli-chat...", "--output-logs=errors-only"],
  {
    cwd: root,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  },
);
if (build.status !== 0) {
  process.stderr.write(build.stdout ?? "");
  process.stderr.write(build.stderr ?? "");
  process.stderr.write(`newind: the build failed${build.error ? ` (${build.error.message})` : ""}.\n`);
  process.exit(1);
}
const run = spawnSync(process.execPath, [`${root}apps/cli-chat/dist/newind.js`, ...process.argv.slice(2)], {
  stdio: "inherit",
});
process.exit(run.status ?? 1);
