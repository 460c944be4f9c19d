import type { Collocations } from "@newind/analytics";
import { loadPrimaryCorpus } from "@newind/data";
import { describe, expect, it } from "vitest";
import { UsageError } from "../errors.js";
import { run } from "./collocations.js";
import { runCommand } from "./testing/run-command.js";

const collocations = (argv: string[]) =>
  runCommand(run, ["collocations", ...argv], { loadCorpus: loadPrimaryCorpus });

describe("newind collocations", () => {
  it("--json ranks the words near the term by log-likelihood: 走 and 道路 keep 新型工业化 company", async () => {
    const { code, stdout } = await collocations(["新型工业化", "--json"]);
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as Collocations;
    expect(result).toMatchObject({ term: "新型工业化", window: 5, occurrences: 22 });
    expect(result.collocates.slice(0, 2).map((collocate) => collocate.word)).toEqual(["走", "道路"]);
    const scores = result.collocates.map((collocate) => collocate.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(
      result.collocates.every((collocate) => collocate.count >= 3 && collocate.count > collocate.expected),
    ).toBe(true);
  }, 60_000);

  it("prints a table of word, count near, count in the corpus and G²", async () => {
    const { stdout } = await collocations(["新型工业化", "--limit", "3"]);
    expect(stdout).toContain("新型工业化 — words within 5 of its 22 occurrences, by log-likelihood (G²)");
    expect(stdout).toMatch(/^走 +13 +185 +118\.6 █+$/m);
  }, 60_000);

  it("refuses an empty term", async () => {
    await expect(collocations([" "])).rejects.toThrow(UsageError);
  });
});
