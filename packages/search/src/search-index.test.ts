import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore } from "@newind/cache";
import type { Corpus } from "@newind/core";
import { loadDefaultCorpus } from "@newind/data";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import {
  loadOrBuildSearchIndex,
  readSearchIndex,
  searchCitations,
  searchIndexEntry,
  writeSearchIndex,
} from "./default-index.js";
import {
  type CitationHit,
  createSearchIndex,
  INDEX_FORMAT_VERSION,
  loadSearchIndex,
  type SearchIndex,
  StaleIndexError,
} from "./search-index.js";

let corpus: Corpus;
let index: SearchIndex;
beforeAll(async () => {
  corpus = await loadDefaultCorpus();
  index = await createSearchIndex(corpus);
});

const textOf = (hit: CitationHit) =>
  corpus.documents.find((document) => document.id === hit.docId)?.text ?? "";
const top = (query: string, limit = 3) => index.searchCitations(query, { limit }).map((hit) => hit.quote);

describe("createSearchIndex ranking on real questions", () => {
  it("finds the capacity figure for a paraphrase with a percent sign", () => {
    expect(top("how many car makers ran under 60% capacity?", 1)[0]).toContain(
      "101 were running at less than 60 percent",
    );
  });

  it("corrects typos against the vocabulary before searching", () => {
    expect(top("premeir li quiang state councel", 1)[0]).toContain("Premier Li Qiang presided");
    expect(index.analyze("premeir li quiang").corrections.map((c) => c.to)).toEqual(["premier", "qiang"]);
  });

  it("expands an acronym the text never defines through capitalised names (IEA)", () => {
    expect(top("IEA forecast cleantech market", 1)[0]).toContain("International Energy Agency");
  });

  it("answers a Chinese query through the glossary and entities", () => {
    expect(top("中国在哪些清洁技术制造领域占据全球主导地位？").join(" ")).toContain(
      "dominates global production",
    );
  });

  it("expands user words to the document's terms (green tech → cleantech)", () => {
    const analyzed = index.analyze("green tech");
    expect(analyzed.terms.map((term) => term.term)).toContain("cleantech");
  });

  it("completes an unfinished last word", () => {
    expect(top("local protectioni", 1)[0]).toMatch(/local protectionism/i);
    expect(index.suggest("local protecti")).toContain("local protectionism");
  });

  it("cites list items rather than only the sentence announcing them", () => {
    const quotes = top("what were the telecom bureau chiefs told to do?", 3);
    expect(quotes.some((quote) => /optical fiber|5G|6G|data centers/.test(quote))).toBe(true);
  });

  it("filters by document id", () => {
    expect(index.searchCitations("local protectionism", { docIds: ["no-such-document"] })).toEqual([]);
    expect(
      index.searchCitations("local protectionism", { docIds: [corpus.documents[0]?.id ?? ""] }).length,
    ).toBe(5);
  });
});

describe("CitationHit", () => {
  it("carries an exact quote, its ¶, and highlights inside the quote", () => {
    const [hit] = index.searchCitations("local protectionism", { limit: 1 });
    expect(hit).toBeDefined();
    if (!hit) return;
    expect(hit.quote).toBe(textOf(hit).slice(hit.start, hit.end));
    expect(hit.paragraph).toBeGreaterThan(0);
    expect(hit.matchedTerms.map((term) => term.toLowerCase())).toEqual(
      expect.arrayContaining(["local", "protectionism"]),
    );
    for (const span of hit.highlights) {
      expect(span.start).toBeGreaterThanOrEqual(hit.start);
      expect(span.end).toBeLessThanOrEqual(hit.end);
    }
    expect(textOf(hit).slice(hit.highlights[0]?.start, hit.highlights[0]?.end)).toMatch(
      /local|protectionism/i,
    );
  });

  it("never quotes a footnote marker", () => {
    const markers = corpus.footnotes.map((footnote) => footnote.span);
    for (const hit of index.searchCitations("middle-income trap goals for 2035 two-way squeeze", {
      limit: 20,
    })) {
      expect(markers.some((marker) => marker.start < hit.end && hit.start < marker.end)).toBe(false);
    }
  });
});

describe("bad input", () => {
  it.each([
    ["empty", ""],
    ["whitespace", "  \n\t "],
    ["punctuation", "?!… — ,,, ;"],
    ["control characters", "\u0000\u0007\u001b[31m\u009b"],
    ["emoji", "🙂🚀🇨🇳"],
  ])("gives no hits for %s", (_name, query) => {
    expect(index.searchCitations(query)).toEqual([]);
  });

  it("answers a 100 KB query without throwing", () => {
    const query = "local protectionism ".repeat(5000);
    expect(query.length).toBeGreaterThanOrEqual(100_000);
    expect(index.searchCitations(query).length).toBeGreaterThan(0);
  });

  it("takes null options as the defaults, and a query that is not a string as empty", async () => {
    expect(index.searchCitations("local protectionism", null)).toEqual(
      index.searchCitations("local protectionism"),
    );
    expect(await searchCitations("local protectionism", null)).toHaveLength(5);
    expect(index.searchCitations(undefined as never)).toEqual([]);
    expect(index.analyze(undefined as never)).toMatchObject({ query: "", terms: [] });
    expect(index.analyze(42 as never).terms).toEqual([]);
  });

  it("rejects a limit or docIds of the wrong type or range instead of quietly returning nothing", () => {
    expect(() => index.searchCitations("BYD", { limit: Number.NaN })).toThrow(RangeError);
    expect(() => index.searchCitations("BYD", { limit: -1 })).toThrow(
      "limit must be a number from 0 up, not -1",
    );
    expect(() => index.searchCitations("BYD", { limit: "abc" as never })).toThrow(TypeError);
    expect(() => index.searchCitations("BYD", { limit: "abc" as never })).toThrow('not string "abc"');
    expect(() => index.searchCitations("BYD", { docIds: "new-industrialization" as never })).toThrow(
      TypeError,
    );
    expect(() => index.suggest("local prot", Number.NaN)).toThrow(RangeError);
    expect(index.searchCitations("BYD", { limit: 2.7 })).toHaveLength(2);
    expect(index.searchCitations("BYD", { limit: Number.POSITIVE_INFINITY }).length).toBeGreaterThan(5);
  });

  it("rejects index options out of range", async () => {
    await expect(createSearchIndex(corpus, { passageWeight: Number.NaN })).rejects.toThrow(RangeError);
  });

  it("searches for Object.prototype's property names as words", () => {
    const analyzed = index.analyze("constructor toString hasOwnProperty __proto__");
    for (const term of analyzed.terms) expect(typeof term.term).toBe("string");
    expect(index.searchCitations("constructor of the BYD battery").length).toBeGreaterThan(0);
  });

  it("never throws on arbitrary strings, and every hit's span is exact", () => {
    const words = [
      ...corpus.sentences.flatMap((sentence) => sentence.text.split(/\s+/)).slice(0, 400),
      "constructor",
      "__proto__",
      "toString",
      "hasOwnProperty",
    ];
    const query = fc.oneof(
      fc.string({ unit: "binary", maxLength: 200 }),
      fc.array(fc.constantFrom(...words), { maxLength: 8 }).map((list) => list.join(" ")),
      fc
        .tuple(fc.constantFrom(...words), fc.string({ maxLength: 5 }))
        .map(([word, noise]) => `${word}${noise}`),
    );
    fc.assert(
      fc.property(query, fc.integer({ min: 0, max: 12 }), (text, limit) => {
        const hits = index.searchCitations(text, { limit });
        expect(hits.length).toBeLessThanOrEqual(limit);
        for (const hit of hits) {
          expect(hit.quote).toBe(textOf(hit).slice(hit.start, hit.end));
          expect(hit.end - hit.start).toBeLessThanOrEqual(750);
        }
        expect(Array.isArray(index.suggest(text))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe("serialisation", () => {
  it("gives the same hits after a JSON round trip", () => {
    const restored = loadSearchIndex(corpus, JSON.stringify(index));
    for (const query of [
      "local protectionism",
      "wat percnt of small suplliers",
      "中国 清洁技术",
      "IEA 2030",
    ]) {
      expect(restored.searchCitations(query)).toEqual(index.searchCitations(query));
    }
  });

  it("refuses data of another format version or another corpus", () => {
    const data = index.toJSON();
    expect(() => loadSearchIndex(corpus, { ...data, formatVersion: INDEX_FORMAT_VERSION + 1 })).toThrow(
      StaleIndexError,
    );
    expect(() => loadSearchIndex(corpus, { ...data, corpusHash: "0".repeat(64) })).toThrow(StaleIndexError);
    const edited = {
      ...corpus,
      datasets: { ...corpus.datasets, glossary: corpus.datasets.glossary.slice(1) },
    };
    expect(() => loadSearchIndex(edited, data)).toThrow(StaleIndexError);
  });

  it("loads a matching entry from a store, and rebuilds instead of trusting a stale or corrupt one", async () => {
    const store = openStore(mkdtempSync(join(tmpdir(), "newind-search-")));
    expect((await loadOrBuildSearchIndex(corpus, store)).loaded).toBe(false);
    expect((await writeSearchIndex(store, index)).problem).toBeUndefined();
    expect((await loadOrBuildSearchIndex(corpus, store)).loaded).toBe(true);

    // Another corpus hash, or other datasets, is another entry.
    const edited = {
      ...corpus,
      datasets: { ...corpus.datasets, glossary: corpus.datasets.glossary.slice(1) },
    };
    expect(searchIndexEntry(edited)).not.toEqual(searchIndexEntry(corpus));
    expect(searchIndexEntry({ ...corpus, hash: "f".repeat(64) })).not.toEqual(searchIndexEntry(corpus));

    // An entry whose content is an index of another corpus is refused, though its checksum holds.
    await store.write(
      searchIndexEntry(corpus),
      JSON.stringify({ ...index.toJSON(), corpusHash: "f".repeat(64) }),
    );
    const stale = await readSearchIndex(store, corpus);
    expect(stale.status === "invalid" && stale.problem).toMatch(
      /cannot be loaded \(search index was built for another corpus/,
    );
    const rebuilt = await loadOrBuildSearchIndex(corpus, store);
    expect(rebuilt.loaded).toBe(false);
    expect(rebuilt.index.searchCitations("local protectionism")).toEqual(
      index.searchCitations("local protectionism"),
    );

    writeFileSync(
      store.locate(searchIndexEntry(corpus)),
      '{"format":"newind-search-index","formatVersion":1,',
    );
    expect((await loadOrBuildSearchIndex(corpus, store)).loaded).toBe(false);
  });
});

describe(searchCitations, () => {
  it("searches the default corpus like an index built over it", async () => {
    expect(await searchCitations("local protectionism", { limit: 3 })).toEqual(
      index.searchCitations("local protectionism", { limit: 3 }),
    );
  });
});
