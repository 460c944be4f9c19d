import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { runLineChat } from "./line-chat.js";
import { fakeBackend, fakeCorpus } from "./testing/fake-corpus.js";

async function pipeThrough(
  input: string,
  color = false,
): Promise<{ code: number; output: string; asked: string[] }> {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  let output = "";
  stdout.on("data", (chunk: Buffer) => {
    output += chunk.toString("utf8");
  });
  const backend = fakeBackend();
  stdin.end(input);
  const code = await runLineChat({
    corpus: fakeCorpus,
    input: stdin,
    output: stdout,
    env: {},
    color,
    plain: false,
    interactive: false,
    cwd: process.cwd(),
    loadIndex: () => Promise.reject(new Error("not used")),
    backend,
  });
  return { code, output, asked: backend.asked };
}

describe(runLineChat, () => {
  it("answers each input line in plain text, with its sources", async () => {
    const { code, output, asked } = await pipeThrough(
      "When did BYD make batteries?\nHow many auto manufacturers?\n",
    );
    expect(code).toBe(0);
    expect(asked).toEqual(["When did BYD make batteries?", "How many auto manufacturers?"]);
    expect(output).toContain("› When did BYD make batteries?\n");
    expect(output).toContain("[1] “New Industrialization”: The Industrial Upgrading Theory ¶4");
    expect(output.includes("\u001b")).toBe(false);
  });

  it("answers a last line without a newline, skips blank lines, and runs /commands", async () => {
    const { output, asked } = await pipeThrough("\n\n/timeline\nWhen did BYD make batteries?");
    expect(asked).toEqual(["When did BYD make batteries?"]);
    expect(output).toContain("Timeline · 3 dated events");
  });

  it("stops at /quit", async () => {
    const { asked } = await pipeThrough("/quit\nWhen did BYD make batteries?\n");
    expect(asked).toEqual([]);
  });

  it("colours [n] markers only when asked to", async () => {
    const { output } = await pipeThrough("When did BYD make batteries?\n", true);
    expect(output).toContain("\u001b[1;36m[1]\u001b[22;39m");
  });
});
