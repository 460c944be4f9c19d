import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// The built binary, as a user runs it (turbo builds before testing).
const BIN = fileURLToPath(new URL("../dist/newind.js", import.meta.url));
const run = (args: string[], input?: string) =>
  spawnSync(process.execPath, [BIN, ...args], {
    encoding: "utf8",
    input: input ?? "",
    env: { ...process.env, NO_COLOR: "1" },
  });

describe("newind (the binary)", () => {
  it("prints its version and help, exit 0", () => {
    expect(run(["--version"]).stdout).toMatch(/^newind \d+\.\d+\.\d+\n$/);
    const help = run(["--help"]);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("newind search");
  });

  it("rejects an unknown command with exit 2, a hint, and no escape sequence echoed", () => {
    const result = run(["what is \u001b[31mthis?"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('newind ask "');
    expect(result.stderr).not.toContain("\u001b");
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("rejects an unknown flag with exit 2", () => {
    const result = run(["search", "x", "--frobnicate"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("--frobnicate");
  });

  it("exits 0 without a stack trace when its reader closes the pipe early", () => {
    const result = spawnSync(
      "sh",
      ["-c", `"${process.execPath}" "${BIN}" search "local protectionism" --limit 50 | head -c 1`],
      {
        encoding: "utf8",
      },
    );
    expect(result.status).toBe(0);
    expect(result.stderr).toBe("");
  });
});
