import { PassThrough, Readable } from "node:stream";
import { CorpusLoadError, loadDefaultCorpus } from "@newind/data";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { UsageError } from "../errors.js";
import { run } from "./ask.js";
import { captured, commandContext } from "./testing/run-command.js";

async function runAsk(
  argv: string[],
  stdinText: string | Buffer = "",
): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdin = new PassThrough();
  stdin.end(stdinText);
  const [stdout, stderr] = [new PassThrough(), new PassThrough()];
  const [out, err] = [captured(stdout), captured(stderr)];
  const code = await run(commandContext(argv, { stdin, stdout, stderr, loadCorpus: loadDefaultCorpus }));
  return { code, stdout: out.text, stderr: err.text };
}

/** The JSON values of `ask --jsonl`'s output lines. */
const jsonLines = (stdout: string) =>
  stdout
    .trim()
    .split("\n")
    .map((text) => JSON.parse(text));

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
    const { stdout } = await runAsk(["ask", "Which university did the founder of BYD attend?"]);
    expect(stdout).toMatch(/does not answer that/);
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

  it("reads the question from stdin when none is given and stdin is not a terminal", async () => {
    const { code, stdout } = await runAsk(["ask"], "When did BYD start making lithium-ion batteries?\n");
    expect(code).toBe(0);
    expect(stdout).toMatch(/1995.*\[1\]/);
  });

  it("wraps the answer to the terminal and colours [n] when stdout is a terminal", async () => {
    const stdout = Object.assign(new PassThrough(), { isTTY: true, columns: 60 });
    const output = captured(stdout);
    const question = "When did BYD start making lithium-ion batteries?";
    expect(
      await run(commandContext(["ask", question], { stdout, color: true, loadCorpus: loadDefaultCorpus })),
    ).toBe(0);
    const out = output.text;
    // biome-ignore lint/suspicious/noControlCharactersInRegex: colour codes are the point
    const plain = out.replace(/\u001b\[[0-9;]*m/g, "");
    for (const row of plain.split("\n")) expect(row.length).toBeLessThanOrEqual(60);
    expect(plain).toMatch(/^Sources$/m);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: colour codes are the point
    expect(out).toMatch(/\u001b\[[0-9;]*m\[1\]/);
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

  it("reads a first line that starts with a UTF-8 byte-order mark, and CRLF line ends", async () => {
    const input = `\ufeff${JSON.stringify({ id: "q1", question: "When did BYD start making batteries?" })}\r\n`;
    const { stdout } = await runAsk(["ask", "--jsonl"], input);
    const [line] = stdout
      .trim()
      .split("\n")
      .map((text) => JSON.parse(text));
    expect(line).toMatchObject({ id: "q1" });
    expect(line.answer).toContain("1995");
  });

  it("refuses a numeric id it could not give back exactly, instead of answering with id null", async () => {
    const input = [
      '{"id": 1e400, "question": "What is BYD?"}',
      '{"id": 12345678901234567890, "question": "What is BYD?"}',
      '{"id": 7, "question": "What is BYD?"}',
    ].join("\n");
    const { stdout } = await runAsk(["ask", "--jsonl"], input);
    expect(stdout).not.toContain('"id":null');
    const lines = jsonLines(stdout);
    expect(lines[0]).toEqual({
      line: 1,
      error: '"id" is a number too large to give back exactly; use a string id',
    });
    expect(lines[1]).toMatchObject({ line: 2 });
    expect(lines[2]).toMatchObject({ id: 7, question: "What is BYD?" });
  });

  it("skips a line over 16 MiB with an error for it, and answers the next", async () => {
    const huge = JSON.stringify({ id: "big", question: "x".repeat(17 * 1024 * 1024) });
    const next = JSON.stringify({ id: "q2", question: "When did BYD start making batteries?" });
    const { code, stdout } = await runAsk(["ask", "--jsonl"], `${huge}\n${next}\n`);
    expect(code).toBe(0);
    const lines = jsonLines(stdout);
    expect(lines[0]).toEqual({
      line: 1,
      error: `the line is longer than 16 MiB (${Buffer.byteLength(huge)} bytes); skipped`,
    });
    expect(lines[1]).toMatchObject({ id: "q2" });
  });

  it("fails once, before reading stdin, when the corpus cannot load", async () => {
    const stdin = new PassThrough();
    stdin.end('{"question": "What is BYD?"}\n');
    const stdout = new PassThrough();
    const failing = async () => {
      throw new CorpusLoadError("/missing", "/missing: no such folder");
    };
    await expect(
      run(commandContext(["ask", "--jsonl"], { stdin, stdout, loadCorpus: failing })),
    ).rejects.toThrow("/missing: no such folder");
    expect(stdout.read()).toBeNull();
    expect(stdin.readableLength).toBeGreaterThan(0);
    await expect(runAsk(["ask", "--jsonl", "a question"], "")).rejects.toThrow(UsageError);
  });

  it("reads no further while its reader is not reading (backpressure)", async () => {
    let pulled = 0;
    const questions = Readable.from(
      (function* () {
        for (let i = 0; i < 40; i++) {
          pulled++;
          yield `${JSON.stringify({ id: i, question: "When did BYD start making batteries?" })}\n`;
        }
      })(),
    );
    const stdout = new PassThrough({ highWaterMark: 64 });
    const context = commandContext(["ask", "--jsonl"], {
      stdin: questions,
      stdout,
      loadCorpus: loadDefaultCorpus,
    });
    let finished = false;
    const running = run(context).then((code) => {
      finished = true;
      return code;
    });
    // Wait until the first answer is buffered, then give it plenty of turns of the event loop.
    while (stdout.readableLength === 0) await new Promise((resolve) => setImmediate(resolve));
    for (let i = 0; i < 200; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(finished).toBe(false);
    expect(pulled).toBeLessThan(10);
    const output = captured(stdout);
    expect(await running).toBe(0);
    expect(output.text.trim().split("\n")).toHaveLength(40);
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
            // Words a plain-object lookup would find on Object.prototype, in questions and turns.
            fc
              .record({
                id: fc.constantFrom("constructor", "__proto__"),
                question: fc.constantFrom(
                  "what is constructor?",
                  "toString",
                  "hasOwnProperty BYD",
                  "__proto__",
                ),
                turns: fc.array(fc.constantFrom("constructor", "__proto__", "toString", "hasOwnProperty"), {
                  maxLength: 3,
                }),
              })
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
