#!/usr/bin/env node
// Lints the package in the current directory the way a consumer receives it: packs it with
// pnpm (so `workspace:*`, `catalog:` and `publishConfig` are applied exactly as on publish),
// then runs publint and @arethetypeswrong/cli on that tarball rather than on the source tree.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const here = process.cwd();
const { name } = JSON.parse(readFileSync(join(here, "package.json"), "utf8"));
const destination = mkdtempSync(join(tmpdir(), "newind-lint-package-"));

/** The pnpm of this workspace: on PATH under `npx pnpm@…`/corepack, else fetched through npx. */
function pnpm(args) {
  const onPath = spawnSync("pnpm", ["--version"], { stdio: "ignore" }).status === 0;
  if (onPath) return execFileSync("pnpm", args, { cwd: here, encoding: "utf8" });
  const root = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
  return execFileSync("npx", ["-y", root.packageManager, ...args], { cwd: here, encoding: "utf8" });
}

function run(command, args) {
  const result = spawnSync(command, args, { cwd: here, stdio: "inherit" });
  return result.status === 0;
}

let ok = true;
try {
  pnpm(["pack", "--pack-destination", destination]);
  const tarball = readdirSync(destination).find((file) => file.endsWith(".tgz"));
  if (!tarball) throw new Error(`pnpm pack wrote no tarball for ${name}`);
  const tarballPath = join(destination, tarball);

  // Protocols that only a pnpm workspace understands must never reach a consumer.
  const packed = execFileSync("tar", ["-xzOf", tarballPath, "package/package.json"], { encoding: "utf8" });
  for (const field of ["dependencies", "peerDependencies", "optionalDependencies"]) {
    for (const [dependency, range] of Object.entries(JSON.parse(packed)[field] ?? {})) {
      if (/^(workspace|catalog):/.test(range)) {
        console.error(`${name}: ${field}.${dependency} is still "${range}" in the tarball`);
        ok = false;
      }
    }
  }
  if (packed.includes("@newind/source")) {
    console.error(`${name}: the workspace-only "@newind/source" condition leaked into the tarball`);
    ok = false;
  }

  ok = run("publint", ["run", tarballPath, "--strict"]) && ok;
  // ESM-only packages: the CommonJS resolution modes (node10, node16-cjs) do not apply.
  ok = run("attw", [tarballPath, "--profile", "esm-only", "--no-emoji", "--no-color"]) && ok;
} finally {
  rmSync(destination, { recursive: true, force: true });
}
process.exit(ok ? 0 : 1);
