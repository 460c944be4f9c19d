/**
 * `newind` without a terminal: `echo "question" | newind` answers each line in plain text,
 * and `newind metrics|timeline` print the chat's views (or JSON) outside the chat.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN } from "./pty-session.js";

function newind(args: string[], input = "") {
  const home = mkdtempSync(join(tmpdir(), "newind-pipe-"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    XDG_STATE_HOME: home,
    XDG_CACHE_HOME: join(home, "cache"),
  };
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  const result = spawnSync(process.execPath, [BIN, ...args], {
    input,
    encoding: "utf8",
    env,
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("echo question | newind", () => {
  it("answers each input line in plain text, with [n] and its sources, and exits 0", () => {
    const { code, stdout } = newind(
      [],
      "When was New Industrialization first proposed?\nWho is Jin Zhuanglong?\n",
    );
    expect(code).toBe(0);
    expect(stdout).toContain("› When was New Industrialization first proposed?");
    expect(stdout).toContain("› Who is Jin Zhuanglong?");
    expect(stdout).toMatch(/\[1\]/);
    expect(stdout).toMatch(/^\[1\] “New Industrialization”/m);
    // Not a terminal: no colour, no cursor movement, nothing from Ink.
    expect(stdout.includes("\u001b")).toBe(false);
  });

  it("neutralises escape sequences typed into a question", () => {
    const { code, stdout } = newind([], "what is \u001b]0;owned\u0007BYD\u001b[2J?\n");
    expect(code).toBe(0);
    expect(stdout.includes("\u001b")).toBe(false);
    expect(stdout.includes("\u0007")).toBe(false);
  });
});

describe("newind metrics / timeline", () => {
  it("prints the metrics table with bars", () => {
    const { code, stdout } = newind(["metrics"]);
    expect(code).toBe(0);
    expect(stdout).toContain("In manufacturers");
    expect(stdout).toMatch(/122 █+/);
  });
  it("prints {metrics} as JSON", () => {
    const { stdout } = newind(["metrics", "--json"]);
    const value = JSON.parse(stdout) as { metrics: { id: string; evidence: { quote: string } }[] };
    expect(value.metrics.length).toBeGreaterThan(5);
    expect(value.metrics[0]?.evidence.quote.length).toBeGreaterThan(0);
  });
  it("prints the timeline in date order, and {timeline} as JSON", () => {
    const { stdout } = newind(["timeline"]);
    expect(stdout.indexOf("1995")).toBeLessThan(stdout.indexOf("2002 "));
    const value = JSON.parse(newind(["timeline", "--json"]).stdout) as { timeline: unknown[] };
    expect(value.timeline.length).toBeGreaterThan(5);
  });
});
