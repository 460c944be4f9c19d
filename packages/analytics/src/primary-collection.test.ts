import { readFile } from "node:fs/promises";
import { loadPrimaryCorpus, PRIMARY_CORPUS_DIR } from "@newind/data";
import { describe, expect, it } from "vitest";
import { concordance } from "./concordance.js";
import { termTrend } from "./term-trend.js";

// The shipped collection, as the issue describes it: the fade and revival of 新型工业化.
const corpus = await loadPrimaryCorpus();
const manifest = JSON.parse(await readFile(new URL("manifest.json", PRIMARY_CORPUS_DIR), "utf8")) as {
  documents: { id: string; file: string }[];
};
const fileOf = new Map(manifest.documents.map((document) => [document.id, document.file]));
const TERM: string = "新型工业化";
/** Non-overlapping occurrences in the file as shipped. */
const naiveCount = (text: string, term: string) => text.split(term).length - 1;

describe("termTrend over the primary collection", () => {
  const trend = termTrend(corpus, [TERM]);
  const count = (docId: string) => trend.documents.find((document) => document.docId === docId)?.counts[TERM];

  it("counts 新型工业化 in every document as often as a naive count of its file", async () => {
    expect(trend.documents).toHaveLength(61);
    for (const document of trend.documents) {
      const text = await readFile(new URL(fileOf.get(document.docId) ?? "", PRIMARY_CORPUS_DIR), "utf8");
      expect(document.counts[TERM], document.docId).toBe(naiveCount(text, TERM));
    }
  });

  it("shows the fade and the revival: 3 in 2002's congress report, 10 of 13 work reports 2003–2015, none 2016–2023, 3 in 2024", () => {
    expect(count("cpc-16")).toBe(3);
    const reports = (from: number, to: number) =>
      trend.documents.filter(
        (document) =>
          document.kind === "government-work-report" &&
          (document.year ?? 0) >= from &&
          (document.year ?? 0) <= to,
      );
    expect(reports(2003, 2015)).toHaveLength(13);
    expect(reports(2003, 2015).filter((document) => document.counts[TERM] === 1)).toHaveLength(10);
    expect(reports(2016, 2023).map((document) => document.counts[TERM])).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(count("gwr-2024")).toBe(3);
  });

  it("lists the years the collection has no document for as missing, 2020 among them", () => {
    expect(trend.missingYears).toEqual([
      1961, 1962, 1963, 1965, 1966, 1967, 1968, 1969, 1970, 1971, 1972, 1973, 1974, 1976, 1977, 1989, 1990,
      1991, 1996, 2020,
    ]);
  });
});

describe("concordance over the primary collection", () => {
  it("gives hits whose quote, before and after are exact slices of the shipped files", () => {
    const texts = new Map(corpus.documents.map((document) => [document.id, document.text]));
    for (const term of ["新型工业化", "工业化", "。", "GDP"]) {
      const result = concordance(corpus, term, { context: 20, limit: 100_000 });
      expect(result.hits).toHaveLength(result.total);
      for (const hit of result.hits) {
        const text = texts.get(hit.docId) ?? "";
        expect(text.slice(hit.start, hit.end)).toBe(hit.quote);
        expect(text.slice(hit.start - hit.before.length, hit.end + hit.after.length)).toBe(
          `${hit.before}${hit.quote}${hit.after}`,
        );
      }
    }
    const [first] = concordance(corpus, "新型工业化").hits;
    expect(first).toMatchObject({ docId: "cpc-16", year: 2002, quote: "新型工业化" });
  });
});
