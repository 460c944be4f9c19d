#!/usr/bin/env node
// `pnpm newind …`: builds the binary and what it depends on (turbo caches, so this is
// quick after the first time), then runs it with the caller's arguments and terminal.
// A build that takes a while (the first run, or after a change) is announced with one line
// on stderr, so the seconds after pnpm's own output are not silent.
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const binary = `${root}apps/cli-chat/dist/newind.js`;
/** A build that is still running after this long is worth a word. */
const QUIET_BUILD_MS = 1500;

let told = false;
const tell = () => {
  if (told) return;
  told = true;
  process.stderr.write(
    existsSync(binary)
      ? "newind: rebuilding what changed since the last build…\n"
      : "newind: building the packages before the first start (several seconds, once)…\n",
  );
};
if (!existsSync(binary)) tell();
const timer = setTimeout(tell, QUIET_BUILD_MS);

const build = spawn("turbo", ["run", "build", "--filter=@newind/cli-chat...", "--output-logs=errors-only"], {
  cwd: root,
  stdio: ["ignore", "pipe", "pipe"],
});
let output = "";
build.stdout.on("data", (chunk) => {
  output += chunk;
});
build.stderr.on("data", (chunk) => {
  output += chunk;
});
build.on("error", (error) => {
  clearTimeout(timer);
  process.stderr.write(`newind: the build failed (${error.message}).\n`);
  process.exit(1);
});
build.on("close", (code) => {
  clearTimeout(timer);
  if (code !== 0) {
    process.stderr.write(output);
    process.stderr.write("newind: the build failed.\n");
    process.exit(1);
  }
  const run = spawnSync(process.execPath, [binary, ...process.argv.slice(2)], { stdio: "inherit" });
  process.exit(run.status ?? 1);
});
