/**
 * The primary collection end to end: the built `newind` binary searches and answers over
 * it with `--primary` (its index built once and cached under $XDG_CACHE_HOME/newind), and
 * `trend` dates a folder's own documents from front matter, corpus.json or file names.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const bin = fileURLToPath(new URL("../../apps/cli-chat/dist/newind.js", import.meta.url));
let root: string;

function newind(args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    encoding: "utf8",
    env: { PATH: process.env.PATH, HOME: root, XDG_CACHE_HOME: join(root, "cache"), NO_COLOR: "1" },
    maxBuffer: 64 << 20,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface Span {
  docId: string;
  start: number;
  end: number;
  quote: string;
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "newind-primary-cli-"));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("--primary with ask, search and sources", () => {
  it("searches the collection alone with exact Chinese quotes, and answers from the same cached index", () => {
    const sources = newind(["sources", "--json", "--primary", "--no-default-corpus"]);
    expect(sources.status, sources.stderr).toBe(0);
    const documents = (JSON.parse(sources.stdout) as { documents: { id: string; text: string }[] }).documents;
    expect(documents).toHaveLength(61);
    const textOf = (docId: string) => documents.find((document) => document.id === docId)?.text ?? "";

    const search = newind([
      "search",
      "走新型工业化道路",
      "--primary",
      "--no-default-corpus",
      "--json",
      "--limit",
      "5",
    ]);
    expect(search.status, search.stderr).toBe(0);
    const hits = (JSON.parse(search.stdout) as { hits: Span[] }).hits;
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) expect(textOf(hit.docId).slice(hit.start, hit.end)).toBe(hit.quote);
    expect(hits.some((hit) => hit.quote.includes("新型工业化"))).toBe(true);

    const ask = newind(["ask", "十六大报告怎么说新型工业化？", "--primary", "--no-default-corpus", "--json"]);
    expect(ask.status, ask.stderr).toBe(0);
    const answer = JSON.parse(ask.stdout) as { citations: Span[]; related?: Span[] };
    for (const cited of [...answer.citations, ...(answer.related ?? [])]) {
      expect(textOf(cited.docId).slice(cited.start, cited.end)).toBe(cited.quote);
    }
  }, 240_000);
});

describe("trend over a folder of the user's own dated documents", () => {
  it("dates them from front matter, corpus.json or the file name, and lists an undated one as undated", () => {
    const folder = join(root, "notes");
    mkdirSync(folder);
    writeFileSync(
      join(folder, "minutes.md"),
      "---\ntitle: Minutes\ndate: 2021-03-05\n---\n\nThe battery plant opened.\n",
    );
    writeFileSync(join(folder, "report-2019.txt"), "Report\n\nBattery output doubled.\n");
    writeFileSync(join(folder, "listed.txt"), "Listed\n\nA battery, and another battery.\n");
    writeFileSync(join(folder, "undated.txt"), "Undated\n\nOne battery.\n");
    writeFileSync(
      join(folder, "corpus.json"),
      JSON.stringify({ documents: [{ file: "listed.txt", date: "2023" }] }),
    );
    const result = newind(["trend", "battery", "--json", "--no-default-corpus", "--corpus", folder]);
    expect(result.status, result.stderr).toBe(0);
    const trend = JSON.parse(result.stdout) as {
      documents: { docId: string; year: number | null; counts: Record<string, number> }[];
      missingYears: number[];
    };
    expect(
      trend.documents.map((document) => [document.docId, document.year, document.counts.battery]),
    ).toEqual([
      ["report-2019", 2019, 1],
      ["minutes", 2021, 1],
      ["listed", 2023, 2],
      ["undated", null, 1],
    ]);
    expect(trend.missingYears).toEqual([2020, 2022]);
    const chart = newind(["trend", "battery", "--no-default-corpus", "--corpus", folder]);
    expect(chart.stdout).toMatch(/^2020 +┄ no document$/m);
    expect(chart.stdout).toMatch(/^undated +█+ 1$/m);

    // With the primary collection beside the folder (the default for trend): 61 + 4 documents.
    const both = newind(["trend", "battery", "--json", "--corpus", folder]);
    expect((JSON.parse(both.stdout) as { documents: unknown[] }).documents).toHaveLength(65);
  }, 120_000);
});
