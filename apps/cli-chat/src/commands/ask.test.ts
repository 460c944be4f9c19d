import { PassThrough } from "node:stream";
import { loadDefaultCorpus } from "@newind/data";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCliOptions } from "../cli-options.js";
import type { CommandContext } from "../context.js";
import { run } from "./ask.js";

async function runAsk(
  argv: string[],
  stdinText = "",
): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = "";
  let err = "";
  stdout.on("data", (chunk: Buffer) => {
    out += chunk.toString("utf8");
  });
  stderr.on("data", (chunk: Buffer) => {
    err += chunk.toString("utf8");
  });
  const stdin = new PassThrough();
  stdin.end(stdinText);
  const context: CommandContext = {
    options: parseCliOptions(argv, {}),
    stdin,
    stdout,
    stderr,
    env: {},
    color: false,
    loadCorpus: loadDefaultCorpus,
  };
  const code = await run(context);
  return { code, stdout: out, stderr: err };
}

describe("newind ask", () => {
  it("prints the answer with [n] and a numbered source list", async () => {
    const { code, stdout } = await runAsk(["ask", "When did BYD start making lithium-ion batteries?"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/1995.*\[1\]/);
    expect(stdout).toMatch(/\nSources:\n\[1\] ¶14 “In 1995, a company called BYD/);
  });

  it("--json prints one Answer whose citations are exact", async () => {
    const { stdout } = await runAsk(["ask", "how many car makers did china have in 2020", "--json"]);
    const answer = JSON.parse(stdout);
    const text = (await loadDefaultCorpus()).documents[0]?.text ?? "";
    expect(answer).toMatchObject({ abstained: false, intent: "number" });
    expect(answer.answer).toContain("122");
    for (const citation of answer.citations)
      expect(citation.quote).toBe(text.slice(citation.start, citation.end));
  });

  it("shows the closest passages when the sources don't cover the question", async () => {
    const { stdout } = await runAsk(["ask", "How many auto manufacturers will China have in 2030?"]);
    expect(stdout).toMatch(/sources don't cover/);
    expect(stdout).toMatch(/Closest passages:\n1\. ¶/);
  });

  it("gives a gentle usage message and exit 2 for an empty question", async () => {
    const { code, stdout, stderr } = await runAsk(["ask", "   "]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/ask needs a question/);
  });

  it("truncates a question over 2,000 characters with a notice", async () => {
    const { code, stderr } = await runAsk([
      "ask",
      `When did BYD start making batteries? ${"x ".repeat(1500)}`,
    ]);
    expect(code).toBe(0);
    expect(stderr).toMatch(/longer than 2000 characters/);
  });

  it("strips control characters and escapes from what it prints", async () => {
    const { stdout } = await runAsk([
      "ask",
      "\u001b[31mwho translated the accompanying documents?\u001b[0m\u0007",
    ]);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: checking escapes are gone
    expect(stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(stdout).toContain("CSIS");
  });
});

describe("newind ask --jsonl", () => {
  it("answers each line, resolves turns, reports bad lines and skips blank ones", async () => {
    const input = [
      JSON.stringify({ id: "q1", question: "who is Li Qiang?" }),
      "not json",
      "",
      JSON.stringify({ id: "q2", question: "what did he call for?", turns: ["who is Li Qiang?"] }),
      JSON.stringify({ id: "q3", question: "  " }),
      JSON.stringify({ id: "q4", question: "x", turns: "nope" }),
      JSON.stringify(["array"]),
      JSON.stringify({ question: "When did BYD start making batteries?" }),
    ].join("\n");
    const { code, stdout } = await runAsk(["ask", "--jsonl"], input);
    expect(code).toBe(0);
    const lines = stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines).toHaveLength(7);
    expect(lines[0]).toMatchObject({ id: "q1", abstained: false });
    expect(Object.keys(lines[0]).sort()).toEqual([
      "abstained",
      "answer",
      "citations",
      "id",
      "intent",
      "question",
    ]);
    expect(Object.keys(lines[0].citations[0]).sort()).toEqual([
      "docId",
      "end",
      "n",
      "paragraph",
      "quote",
      "start",
    ]);
    expect(lines[1]).toMatchObject({ line: 2 });
    expect(lines[1].error).toBeTruthy();
    expect(lines[2]).toMatchObject({ id: "q2" });
    expect(lines[2].answer).toContain("all out");
    expect(lines[3]).toMatchObject({ id: "q3", line: 5 });
    expect(lines[4]).toMatchObject({ id: "q4", line: 6 });
    expect(lines[5]).toMatchObject({ line: 7 });
    expect(lines[6].answer).toContain("1995");
  });

  it("writes exactly one JSON line per non-blank input line, whatever the lines hold", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            fc
              .string({ maxLength: 60 })
              .filter((s) => !s.includes("\n") && !s.includes("\r") && s.trim() !== ""),
            fc
              .record({ id: fc.string({ maxLength: 5 }), question: fc.string({ maxLength: 80 }) })
              .map((o) => JSON.stringify(o)),
          ),
          { maxLength: 6 },
        ),
        async (lines) => {
          const { code, stdout } = await runAsk(["ask", "--jsonl"], lines.join("\n"));
          expect(code).toBe(0);
          const out = stdout.split("\n").filter((line) => line.length > 0);
          expect(out).toHaveLength(lines.length);
          for (const line of out) expect(() => JSON.parse(line)).not.toThrow();
        },
      ),
      { numRuns: 25 },
    );
  });
});
