/**
 * The root scripts behind `pnpm newind` and `pnpm bench`, with turbo replaced by a script on
 * PATH that takes as long as the test wants, or says what it was asked.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const SCRIPT = fileURLToPath(new URL("../scripts/newind.mjs", import.meta.url));

/** A PATH whose `turbo` runs `turbo` (a shell script body). */
function pathWithTurbo(turbo: string): string {
  const bin = mkdtempSync(join(tmpdir(), "newind-turbo-"));
  writeFileSync(join(bin, "turbo"), `#!/bin/sh\n${turbo}\n`);
  chmodSync(join(bin, "turbo"), 0o755);
  return `${bin}${delimiter}${process.env.PATH}`;
}

function runWithTurbo(turbo: string) {
  return spawnSync(process.execPath, [SCRIPT, "--version"], {
    encoding: "utf8",
    env: { ...process.env, PATH: pathWithTurbo(turbo) },
  });
}

describe.skipIf(process.platform === "win32")("pnpm newind", () => {
  it("says in one line that it is building when the build takes a while, then runs newind", () => {
    const result = runWithTurbo("sleep 3");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^newind \d+\.\d+\.\d+\n$/);
    expect(result.stderr).toBe("newind: rebuilding what changed since the last build…\n");
  });

  it("says nothing when the build is quick", () => {
    const result = runWithTurbo("exit 0");
    expect(result.status).toBe(0);
    expect(result.stderr).toBe("");
  });

  it("shows the build's output and exits 1 when it fails", () => {
    const result = runWithTurbo('echo "tsc: error TS2304"; exit 2');
    expect(result.status).toBe(1);
    expect(result.stderr).toBe("tsc: error TS2304\nnewind: the build failed.\n");
  });
});

describe.skipIf(process.platform === "win32")("pnpm bench", () => {
  // The script copied into a checkout of its own, with or without ../shared beside it.
  function bench(withShared: boolean) {
    const parent = mkdtempSync(join(tmpdir(), "newind-bench-"));
    mkdirSync(join(parent, "repo", "scripts"), { recursive: true });
    copyFileSync(
      fileURLToPath(new URL("../scripts/bench.mjs", import.meta.url)),
      join(parent, "repo/scripts/bench.mjs"),
    );
    if (withShared) {
      mkdirSync(join(parent, "shared", "eval"), { recursive: true });
      writeFileSync(join(parent, "shared/eval/dev.jsonl"), "");
    }
    return spawnSync(process.execPath, [join(parent, "repo/scripts/bench.mjs")], {
      encoding: "utf8",
      env: { ...process.env, PATH: pathWithTurbo('echo "turbo $*"') },
    });
  }

  it("runs every benchmark without ../shared beside the repository: they read only the repository", () => {
    const result = bench(false);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe("turbo run bench --concurrency=1\n");
    expect(result.stderr).toBe("");
  });

  it("runs every benchmark when ../shared is there", () => {
    const result = bench(true);
    expect(result.stdout).toBe("turbo run bench --concurrency=1\n");
    expect(result.stderr).toBe("");
  });
});
