import type { Concordance } from "@newind/analytics";
import { loadPrimaryCorpus } from "@newind/data";
import { describe, expect, it } from "vitest";
import { textWidth } from "../chat/text-width.js";
import { UsageError } from "../errors.js";
import { run } from "./kwic.js";
import { runCommand } from "./testing/run-command.js";

const kwic = (argv: string[], color = false) =>
  runCommand(run, ["kwic", ...argv], { loadCorpus: loadPrimaryCorpus, color });
const corpus = await loadPrimaryCorpus();
const textOf = (docId: string) => corpus.documents.find((document) => document.id === docId)?.text ?? "";

describe("newind kwic", () => {
  it("--json gives every hit with exact spans: quote, before and after are slices of the document", async () => {
    const { code, stdout } = await kwic(["新型工业化", "--json", "--limit", "1000", "--context", "15"]);
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as Concordance;
    expect(Object.keys(result)).toEqual(["term", "total", "hits"]);
    expect(result.total).toBe(22);
    expect(result.hits).toHaveLength(22);
    for (const hit of result.hits) {
      expect(Object.keys(hit)).toEqual([
        "docId",
        "title",
        "year",
        "start",
        "end",
        "quote",
        "before",
        "after",
      ]);
      const text = textOf(hit.docId);
      expect(text.slice(hit.start, hit.end)).toBe(hit.quote);
      expect(text.slice(hit.start - hit.before.length, hit.start)).toBe(hit.before);
      expect(text.slice(hit.end, hit.end + hit.after.length)).toBe(hit.after);
      expect([...hit.before].length).toBeLessThanOrEqual(15);
    }
    expect(result.hits[0]).toMatchObject({
      docId: "cpc-16",
      year: 2002,
      before: "（一）走",
      after: "道路，大力实施科教兴国战略和可",
    });
  });

  it("shows the first hits aligned on the keyword, marked «…» without colour", async () => {
    const { stdout } = await kwic(["新型工业化", "--limit", "3"]);
    const lines = stdout.split("\n");
    expect(lines[0]).toBe("新型工业化 — 22 hits, the first 3 shown");
    const hits = lines.filter((line) => line.includes("«新型工业化»"));
    expect(hits).toHaveLength(3);
    expect(hits[0]).toMatch(/^2002 cpc-16 +（一）走 «新型工业化» 道路，/);
    // The keyword starts at the same terminal column on every line.
    expect(new Set(hits.map((line) => textWidth(line.slice(0, line.indexOf("«")))))).toHaveProperty(
      "size",
      1,
    );
  });

  it("highlights the keyword in colour when colour is on", async () => {
    const { stdout } = await kwic(["新型工业化", "--limit", "1"], true);
    expect(stdout).toContain("\u001b[1;33m新型工业化\u001b[22;39m");
  });

  it("says so when a term does not occur", async () => {
    const { stdout } = await kwic(["不存在的词语"]);
    expect(stdout).toBe("不存在的词语 — no hits\n\n");
  });

  it.each([[[]], [[""]], [["x".repeat(10_000)]], [["\u001b]0;x\u0007"]]])(
    "refuses %j (exit 2)",
    async (argv) => {
      await expect(kwic(argv as string[])).rejects.toThrow(UsageError);
    },
  );
});
