import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// The built binary, as a user runs it (turbo builds before testing).
const BIN = fileURLToPath(new URL("../dist/newind.js", import.meta.url));
const cache = mkdtempSync(join(tmpdir(), "newind-bin-"));
const run = (args: string[], input?: string) =>
  spawnSync(process.execPath, [BIN, ...args], {
    encoding: "utf8",
    input: input ?? "",
    env: { ...process.env, NO_COLOR: "1", XDG_CACHE_HOME: cache },
  });

// No control character at all (a usage message shows them escaped).
// biome-ignore lint/suspicious/noControlCharactersInRegex: the point of the check
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

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

  it("lists chat among the commands in --help", () => {
    expect(run(["--help"]).stdout).toMatch(/^ {2}newind \[chat\] /m);
  });

  it("suggests the command a typo was meant to be", () => {
    const result = run(["serch", "local protectionism"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('unknown command "serch". Did you mean "newind search"?');
  });

  it.each([["constructor"], ["__proto__"], ["toString"], ["hasOwnProperty"]])(
    "treats %s as the unknown command it is, with no stack trace",
    (name) => {
      const result = run([name]);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain(`unknown command "${name}"`);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    },
  );

  it.each([
    [["search", "x", "--limit", "\u001b]0;t\u0007"]],
    [["--\u001b]0;t\u0007"]],
    [["sources", "\u001b]0;t\u0007"]],
    [["\u001b]0;t\u0007"]],
  ])("shows escape sequences in usage messages escaped, never raw: newind %j", (args) => {
    const result = run(args);
    expect(result.status).toBe(2);
    expect(result.stderr).not.toMatch(CONTROL);
    expect(result.stderr).toContain("\\e]0;t\\x07");
  });

  it("reads the question from stdin for ask without one", () => {
    const result = run(["ask"], "When did BYD start making lithium-ion batteries?\n");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("1995");
  });

  it("ask --jsonl fails once, exit 1, before reading stdin, when the corpus cannot load", () => {
    const result = run(
      ["ask", "--jsonl", "--corpus", join(cache, "missing")],
      '{"question":"x"}\n'.repeat(3),
    );
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(`newind: ${join(cache, "missing")}: no such folder\n`);
    const usage = run(["ask", "--jsonl", "--no-default-corpus"], '{"question":"x"}\n');
    expect(usage.status).toBe(2);
    expect(usage.stdout).toBe("");
  });

  it.skipIf(!existsSync("/dev/full"))(
    "says in one line that it cannot write to a full device, exit 1",
    () => {
      const result = spawnSync("sh", ["-c", `"${process.execPath}" "${BIN}" ask BYD > /dev/full`], {
        encoding: "utf8",
        env: { ...process.env, NO_COLOR: "1", XDG_CACHE_HOME: cache },
      });
      expect(result.status).toBe(1);
      expect(result.stderr).toBe("newind: cannot write the output (no space left on the device)\n");
    },
  );

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
