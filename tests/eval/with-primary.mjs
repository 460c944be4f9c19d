#!/usr/bin/env node
// Runs a `newind`-contract command ($NEWIND_INNER: the built binary or the plain-MiniSearch
// baseline) over the primary collection beside the built-in document, as `newind … --primary`
// loads it. grade-docs.mjs asks for a folder (`--corpus DIR --no-default-corpus`); the primary
// sets name no folder, so those two options are dropped and `--primary` is added.
import { spawnSync } from "node:child_process";

const inner = process.env.NEWIND_INNER;
if (!inner) {
  process.stderr.write("with-primary: set NEWIND_INNER to the command to run\n");
  process.exit(2);
}
const args = [];
const given = process.argv.slice(2);
for (let i = 0; i < given.length; i++) {
  if (given[i] === "--no-default-corpus") continue;
  if (given[i] === "--corpus") {
    i++;
    continue;
  }
  args.push(given[i]);
}
const [bin, ...binArgs] = inner.split(" ");
const run = spawnSync(bin, [...binArgs, ...args, "--primary"], { stdio: "inherit" });
process.exit(run.status ?? 1);
