import { loadDefaultCorpus } from "@newind/data";
import { describe, expect, it } from "vitest";
import { UsageError } from "../errors.js";
import { run } from "./search.js";
import { runCommand } from "./testing/run-command.js";

const runSearch = (argv: string[], color = false) =>
  runCommand(run, argv, { loadCorpus: loadDefaultCorpus, color });

// biome-ignore lint/suspicious/noControlCharactersInRegex: asserting that no escape reaches the terminal
const ESCAPE = /\u001b/;

describe("newind search", () => {
  it("--json prints {query, hits} with exact quotes", async () => {
    const { code, stdout } = await runSearch(["search", "local protectionism", "--limit", "3", "--json"]);
    expect(code).toBe(0);
    const output = JSON.parse(stdout) as { query: string; hits: Array<Record<string, unknown>> };
    expect(output.query).toBe("local protectionism");
    expect(output.hits).toHaveLength(3);
    const [document] = (await loadDefaultCorpus()).documents;
    for (const hit of output.hits) {
      expect(Object.keys(hit).sort()).toEqual(
        [
          "docId",
          "end",
          "highlights",
          "matchedTerms",
          "paragraph",
          "passageId",
          "quote",
          "score",
          "start",
        ].sort(),
      );
      expect(document?.text.slice(Number(hit.start), Number(hit.end))).toBe(hit.quote);
    }
  });

  it("defaults to 5 hits", async () => {
    const { stdout } = await runSearch(["search", "manufacturing", "--json"]);
    expect((JSON.parse(stdout) as { hits: unknown[] }).hits).toHaveLength(5);
  });

  it("prints numbered quotes with their ¶ for people, without escapes when colour is off", async () => {
    const { code, stdout } = await runSearch(["search", "local protectionism", "--limit", "2"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^1\. ¶\d+ {2}\S.*local protectionism/im);
    expect(stdout).toMatch(/\n2\. ¶\d+ {2}/);
    expect(stdout).not.toMatch(ESCAPE);
  });

  it("highlights matched words in bold colour when colour is on", async () => {
    const { stdout } = await runSearch(["search", "protectionism", "--limit", "1"], true);
    expect(stdout).toContain("\u001b[1;33mprotectionism\u001b[0m");
  });

  it("notes spelling corrections", async () => {
    const { stdout } = await runSearch(["search", "premeir li quiang", "--limit", "1"]);
    expect(stdout).toContain("premeir → premier");
    expect(stdout).toContain("Premier Li Qiang");
  });

  it("says so when nothing matches, and never echoes control characters", async () => {
    const { code, stdout } = await runSearch(["search", "zyxxyqq \u001b]0;pwned\u0007"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^No passages match/);
    expect(stdout).not.toMatch(ESCAPE);
  });

  it.each([[[]], [["   "]], [["?!…"]], [["\u0007\u001b[2J"]], [["🙂🚀"]]])(
    "is a usage error without a word to search for: %j",
    async (words) => {
      await expect(runSearch(["search", ...words])).rejects.toThrow(UsageError);
    },
  );
});
