import { existsSync } from "node:fs";
import { appendFile, cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { openStore } from "@newind/cache";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CorpusLoadError, sha256Hex } from "./corpus-files.js";
import { readCorpusSnapshot } from "./corpus-snapshot.js";
import { loadPrimaryCorpusFromManifest, PRIMARY_CORPUS_LOADER } from "./load-primary-corpus.js";
import { loadPrimaryCorpus, PRIMARY_CORPUS_DIR } from "./primary-corpus.js";
import { PrimaryManifest } from "./primary-manifest.js";

const manifest = PrimaryManifest.parse(
  JSON.parse(await readFile(new URL("manifest.json", PRIMARY_CORPUS_DIR), "utf8")),
);
// The collection as the project received it, when this checkout sits beside it.
const shared = new URL("../../../../shared/corpus/primary/", import.meta.url);

/** Non-overlapping occurrences, left to right: what `String.prototype.split` counts. */
const naiveCount = (text: string, term: string) => text.split(term).length - 1;

describe("the shipped primary collection", () => {
  it("has a valid manifest listing every text of the folder, 61 documents", async () => {
    const texts = (await readdir(PRIMARY_CORPUS_DIR)).filter((file) => file.endsWith(".txt")).sort();
    expect(manifest.documents.map((document) => document.file).sort()).toEqual(texts);
    expect(manifest.documents).toHaveLength(61);
    expect(manifest.documents.filter((document) => document.kind === "government-work-report")).toHaveLength(
      52,
    );
    expect(manifest.documents.filter((document) => document.kind === "party-congress-report")).toHaveLength(
      9,
    );
    expect(manifest.licence).toMatch(/public domain/i);
  });

  it("ships every file byte for byte, with the sha256 the manifest records", async () => {
    for (const document of manifest.documents) {
      const bytes = await readFile(new URL(document.file, PRIMARY_CORPUS_DIR));
      expect(sha256Hex(bytes), document.file).toBe(document.sha256);
    }
  });

  it.skipIf(!existsSync(shared))("is the collection of ../shared/corpus/primary, unchanged", async () => {
    for (const file of [...manifest.documents.map((document) => document.file), "manifest.json"]) {
      const [ours, theirs] = await Promise.all([
        readFile(new URL(file, PRIMARY_CORPUS_DIR)),
        readFile(new URL(file, shared)),
      ]);
      expect(ours.equals(theirs), file).toBe(true);
    }
  });
});

describe(loadPrimaryCorpus, () => {
  it("loads the 61 documents with their kind, date or year, language and url, once per process", async () => {
    const corpus = await loadPrimaryCorpus();
    expect(loadPrimaryCorpus()).toBe(loadPrimaryCorpus());
    expect(corpus.documents).toHaveLength(61);
    expect(corpus.documents.find((document) => document.id === "cpc-16")).toMatchObject({
      kind: "party-congress-report",
      published: "2002-11-08",
      language: "zh-Hans",
      title: "全面建设小康社会，开创中国特色社会主义事业新局面 (十六大)",
      url: expect.stringMatching(/^https:\/\/zh\.wikisource\.org\//),
    });
    expect(corpus.documents.find((document) => document.id === "gwr-2003")?.published).toBe("2003");
    expect(corpus.datasets.glossary).toEqual([]);
  });

  it("gives exact spans, and leaves the title blocks and licence footers out of every passage", async () => {
    const corpus = await loadPrimaryCorpus();
    const texts = new Map(corpus.documents.map((document) => [document.id, document.text]));
    for (const sentence of corpus.sentences) {
      expect(texts.get(sentence.docId)?.slice(sentence.span.start, sentence.span.end)).toBe(sentence.text);
    }
    for (const passage of corpus.passages) {
      expect(passage.text).not.toMatch(/^本作品|Public domain|公有领域|^——在.*上的报告$/);
    }
    const first = (docId: string) => corpus.passages.find((passage) => passage.docId === docId)?.text;
    expect(first("cpc-19")).toBe("同志们：");
    expect(first("gwr-2024")).toBe("各位代表：");
  });

  it("keeps every mention of 新型工业化 in a passage: as many as each file holds", async () => {
    const corpus = await loadPrimaryCorpus();
    for (const document of corpus.documents) {
      const inPassages = corpus.passages
        .filter((passage) => passage.docId === document.id)
        .reduce(
          (sum, passage) =>
            sum + naiveCount(document.text.slice(passage.span.start, passage.span.end), "新型工业化"),
          0,
        );
      expect(inPassages, document.id).toBe(naiveCount(document.text, "新型工业化"));
    }
    const cpc16 = corpus.sentences.filter(
      (sentence) => sentence.docId === "cpc-16" && sentence.text.includes("走新型工业化道路"),
    );
    expect(cpc16.length).toBeGreaterThan(0);
  });
});

describe(loadPrimaryCorpusFromManifest, () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "newind-primary-"));
    await cp(fileURLToPath(PRIMARY_CORPUS_DIR), dir, { recursive: true });
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("names a missing file of the collection", async () => {
    await rm(join(dir, "gwr-2003.txt"));
    const error = await loadPrimaryCorpusFromManifest(dir).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CorpusLoadError);
    expect((error as CorpusLoadError).file).toBe(join(dir, "gwr-2003.txt"));
    expect((error as Error).message).toBe(
      `${join(dir, "gwr-2003.txt")}: cannot read corpus file of "gwr-2003" (no such file)`,
    );
  });

  it("catches a changed file by its checksum, naming it", async () => {
    await appendFile(join(dir, "cpc-16.txt"), "新型工业化");
    const error = await loadPrimaryCorpusFromManifest(dir).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CorpusLoadError);
    expect((error as Error).message).toMatch(
      /cpc-16\.txt: the file's bytes changed — its sha256 is [0-9a-f]{64}, but manifest\.json records/,
    );
  });

  it("reports a manifest error with its record and field", async () => {
    const json = JSON.parse(await readFile(join(dir, "manifest.json"), "utf8"));
    json.documents[2].date = "1999-01-01";
    await writeFile(join(dir, "manifest.json"), JSON.stringify(json));
    const error = await loadPrimaryCorpusFromManifest(dir).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CorpusLoadError);
    expect((error as Error).message).toContain("documents[2]");
    expect((error as Error).message).toContain("date");
  });
});

describe("the primary collection's snapshot (in dist/store/, written by the build)", () => {
  const store = new URL("../dist/store/", import.meta.url);
  it.skipIf(!existsSync(store))("is current, and restores what parsing the shipped files gives", async () => {
    const location = { corpusDir: PRIMARY_CORPUS_DIR };
    const read = await readCorpusSnapshot(
      openStore(store, { readOnly: true }),
      location,
      PRIMARY_CORPUS_LOADER,
    );
    expect(read.problem).toBeUndefined();
    const full = await loadPrimaryCorpusFromManifest(PRIMARY_CORPUS_DIR);
    // Compared as JSON (key order included), without printing megabytes when they differ.
    expect(JSON.stringify(read.corpus) === JSON.stringify(full)).toBe(true);
  });
});
