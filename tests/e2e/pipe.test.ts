/**
 * `newind` without a terminal: `echo "question" | newind` answers each line in plain text,
 * and `newind metrics|timeline` print the chat's views (or JSON) outside the chat.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
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

describe("hostile corpus folders", () => {
  const folder = () => mkdtempSync(join(tmpdir(), "newind-hostile-"));

  it("never writes a document's escape sequences to stderr or stdout, and names the file warned about", () => {
    const dir = folder();
    writeFileSync(
      join(dir, "a.md"),
      '---\ntitle: !!x "\u001b]0;PWNED\u0007\u001b]52;c;ZXZpbA==\u0007"\n---\nwidgets\n',
    );
    const { code, stdout, stderr } = newind(["search", "widgets", "--corpus", dir]);
    expect(code).toBe(0);
    expect(stdout).toContain("widgets");
    expect(`${stdout}${stderr}`).not.toContain("\u001b");
    expect(stderr).toBe(
      `newind: warning: ${join(dir, "a.md")}: front matter: Unresolved tag: tag:yaml.org,2002:x at line 2\n`,
    );
  });

  it("loads the other files when one page is nested thousands of elements deep", () => {
    const dir = folder();
    writeFileSync(join(dir, "deep.html"), `${"<b>".repeat(3000)}widgets`);
    writeFileSync(join(dir, "notes.txt"), "Notes\n\nWidgets are made here.\n");
    const { code, stdout, stderr } = newind(["sources", "--json", "--corpus", dir, "--no-default-corpus"]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).documents.map((document: { id: string }) => document.id)).toEqual(["notes"]);
    expect(stderr).toContain(
      `${join(dir, "deep.html")}: skipped: the HTML is nested more than 1000 elements deep`,
    );
    const jsonl = newind(["ask", "--jsonl", "--corpus", dir], '{"question": "What are made here?"}\n');
    expect(jsonl.code).toBe(0);
    expect(JSON.parse(jsonl.stdout)).toHaveProperty("answer");
  });

  it("does not follow a link out of the folder: /etc/passwd is not indexed or printed", () => {
    const dir = folder();
    writeFileSync(join(dir, "notes.txt"), "Notes\n\nWidgets are made here.\n");
    symlinkSync("/etc/passwd", join(dir, "passwd.md"));
    const { code, stdout, stderr } = newind(["sources", "--json", "--corpus", dir, "--no-default-corpus"]);
    expect(code).toBe(0);
    expect(stdout).not.toContain("root:");
    expect(stderr).toContain(`${join(dir, "passwd.md")}: skipped: a link to /etc/passwd, outside the folder`);
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
