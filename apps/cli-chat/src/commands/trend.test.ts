import { readFile } from "node:fs/promises";
import type { TermTrend } from "@newind/analytics";
import { loadPrimaryCorpus, PRIMARY_CORPUS_DIR } from "@newind/data";
import { describe, expect, it } from "vitest";
import { makeFolderCorpus } from "../chat/testing/analytics-corpus.js";
import { UsageError } from "../errors.js";
import { runCommand } from "./testing/run-command.js";
import { run, trendCsv } from "./trend.js";

const trend = (argv: string[], loadCorpus = loadPrimaryCorpus) =>
  runCommand(run, ["trend", ...argv], { loadCorpus });
const TERM: string = "新型工业化";
const manifest = JSON.parse(await readFile(new URL("manifest.json", PRIMARY_CORPUS_DIR), "utf8")) as {
  documents: { id: string; file: string }[];
};

describe("newind trend", () => {
  it("draws mentions per year as bars, with the years that have no document shown as missing, not zero", async () => {
    const { code, stdout } = await trend(["新型工业化"]);
    expect(code).toBe(0);
    const lines = stdout.split("\n");
    expect(lines[0]).toBe("新型工业化 — mentions per year in 61 documents, 1954–2025");
    expect(lines[1]).toBe("22 mentions in 17 documents");
    expect(lines).toContain("1954       0");
    expect(lines).toContain("1961–1963  ┄ no document");
    expect(lines).toContain("2020       ┄ no document");
    expect(lines.find((line) => line.startsWith("2002 "))).toMatch(
      /^2002 {7}█{40} 3 {2}gwr-2002 0 · cpc-16 3$/,
    );
    expect(lines.find((line) => line.startsWith("2003 "))).toMatch(/^2003 {7}█{13}▍ 1$/);
    expect(lines).toContain("2016       0");
    expect(lines.find((line) => line.startsWith("2024 "))).toMatch(/^2024 {7}█{40} 3$/);
    expect(lines.some((line) => /^2020 .*0$/.test(line))).toBe(false);
  });

  it("--json counts each document as often as a naive count of its file", async () => {
    const { code, stdout } = await trend(["新型工业化", "--json"]);
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as TermTrend;
    expect(Object.keys(result)).toEqual(["terms", "documents", "years", "missingYears"]);
    expect(result.documents).toHaveLength(manifest.documents.length);
    for (const { id, file } of manifest.documents) {
      const text = await readFile(new URL(file, PRIMARY_CORPUS_DIR), "utf8");
      const row = result.documents.find((document) => document.docId === id);
      expect(row?.counts[TERM], id).toBe(text.split(TERM).length - 1);
    }
    expect(result.missingYears).toContain(2020);
    expect(result.years.find((year) => year.year === 2002)?.counts).toEqual({ 新型工业化: 3 });
    expect(result.documents.find((document) => document.docId === "cpc-16")).toMatchObject({
      kind: "party-congress-report",
      year: 2002,
      date: "2002-11-08",
    });
  });

  it("--csv writes one row per document, with a column per term", async () => {
    const { stdout } = await trend(["新型工业化", "工业化", "--csv"]);
    const rows = stdout.split("\r\n");
    expect(rows[0]).toBe("docId,title,kind,year,date,chars,新型工业化,工业化");
    expect(rows).toContain(
      "cpc-16,全面建设小康社会，开创中国特色社会主义事业新局面 (十六大),party-congress-report,2002,2002-11-08,29095,3,12",
    );
  });

  it("--translate counts the glossary's equivalents and says which forms it counted", async () => {
    const { stdout } = await trend(["new industrialization", "--translate", "--json"]);
    const result = JSON.parse(stdout) as TermTrend;
    expect(result.forms).toEqual({
      "new industrialization": ["new industrialization", "新型工业化", "新型工业化道路"],
    });
    const cpc16 = result.documents.find((document) => document.docId === "cpc-16");
    expect(cpc16?.counts["new industrialization"]).toBe(3);
    const text = await trend(["new industrialization", "--translate"]);
    expect(text.stdout.replace(/\s+/g, "")).toContain(
      "newindustrializationcountedasnewindustrialization,新型工业化,新型工业化道路(curatedglossary)",
    );
  });

  it("charts several terms side by side, and plainly for screen readers", async () => {
    const { stdout } = await trend(["新型工业化", "高质量发展"]);
    expect(stdout).toMatch(/^2024 +[█▏▎▍▌▋▊▉]+ +3 {2}[█▏▎▍▌▋▊▉]+ +25$/m);
    const plain = await trend(["新型工业化", "--plain"]);
    expect(plain.stdout).toContain("2002: 3 (gwr-2002 0, cpc-16 3)");
    expect(plain.stdout).toContain("1961–1963: no document");
    expect(plain.stdout).not.toContain("█");
  });

  it("lists undated documents of a folder as undated, never dropping them", async () => {
    const { stdout } = await trend(["battery", "--json"], makeFolderCorpus);
    const result = JSON.parse(stdout) as TermTrend;
    expect(
      result.documents.map((document) => [document.docId, document.year, document.counts.battery]),
    ).toEqual([
      ["report-2019", 2019, 1],
      ["notes", 2021, 2],
      ["undated", null, 1],
    ]);
    expect(result.missingYears).toEqual([2020]);
    const chart = await trend(["battery"], makeFolderCorpus);
    expect(chart.stdout).toMatch(/^undated +█+ 1$/m);
  });

  it("counts punctuation and regex-looking terms literally", async () => {
    const { stdout } = await trend([".*", "--json"]);
    expect((JSON.parse(stdout) as TermTrend).documents.every((document) => document.counts[".*"] === 0)).toBe(
      true,
    );
  });

  it.each([[[]], [[""]], [["   "]], [["x".repeat(10_000)]], [["a\u001b[2Jb"]], [["x", "--json", "--csv"]]])(
    "refuses %j as a usage error (exit 2) before loading anything",
    async (argv) => {
      const loadCorpus = async () => {
        throw new Error("must not load");
      };
      await expect(trend(argv as string[], loadCorpus)).rejects.toThrow(UsageError);
    },
  );
});

describe(trendCsv, () => {
  it("quotes cells with commas or quotes and defuses spreadsheet formulas", () => {
    const csv = trendCsv({
      terms: ["a,b"],
      documents: [{ docId: "d", title: '=HYPERLINK("x")', year: null, chars: 1, counts: { "a,b": 0 } }],
      years: [],
      missingYears: [],
    });
    expect(csv).toBe('docId,title,kind,year,date,chars,"a,b"\r\nd,"\'=HYPERLINK(""x"")",,,,1,0\r\n');
  });
});
