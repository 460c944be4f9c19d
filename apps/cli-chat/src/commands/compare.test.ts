import type { Keyness } from "@newind/analytics";
import { loadPrimaryCorpus } from "@newind/data";
import { describe, expect, it } from "vitest";
import { UsageError } from "../errors.js";
import { run } from "./compare.js";
import { runCommand } from "./testing/run-command.js";

const compare = (argv: string[]) => runCommand(run, ["compare", ...argv], { loadCorpus: loadPrimaryCorpus });

describe("newind compare", () => {
  it("--json lists what each side says markedly more, with counts, rates and log-likelihood", async () => {
    const { code, stdout } = await compare(["cpc-16", "cpc-20", "--json"]);
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as Keyness;
    expect(result.a).toMatchObject({ label: "cpc-16", docIds: ["cpc-16"] });
    expect(result.b).toMatchObject({ label: "cpc-20", docIds: ["cpc-20"] });
    expect(result.moreInB.map((key) => key.word)).toContain("新时代");
    const era = result.moreInB.find((key) => key.word === "新时代");
    expect(era).toMatchObject({ countA: 0, countB: 39 });
    expect(result.moreInA.every((key) => key.perMillionA > key.perMillionB && key.score >= 15.13)).toBe(true);
  }, 60_000);

  it("compares ranges of years and prints both lists", async () => {
    const { stdout } = await compare(["2003-2015", "2016-2023", "--limit", "5"]);
    expect(stdout).toContain("2003–2015 vs 2016–2023 — keyness (log-likelihood)");
    expect(stdout).toContain("A: 2003–2015 — 15 documents");
    expect(stdout).toMatch(/More in 2016–2023\n {2}新时代 +2 \/ 110 +×\d+\.\d +G² \d+/);
  }, 60_000);

  it.each([
    [["2003"]],
    [["2003", "2004", "2005"]],
    [["cpc-99", "cpc-16"]],
    [["1961-1963", "2003"]],
    [["2003-2015", "2010"]],
  ])("refuses %j as a usage error", async (argv) => {
    await expect(compare(argv)).rejects.toThrow(UsageError);
  });
});
