import { copyFile, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CorpusManifest, SourceDocument } from "@newind/core";
import { describe, expect, it } from "vitest";
import { CorpusLoadError, corpusHash, sha256Hex } from "./corpus-files.js";
import { DEFAULT_CORPUS_DIR, loadDefaultCorpus } from "./default-corpus.js";
import { loadCorpusFromManifest } from "./load-corpus.js";
import { PARSER_VERSION } from "./parse-document.js";

const CORPUS_SHA256 = "14685e4aa55c4b1b99bb5503d87befefe7414768f0766bbaa5a235836a3cd7ff";

async function copyOfDefaultCorpus(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "newind-corpus-"));
  for (const file of ["manifest.json", "new-industrialization.txt"]) {
    await copyFile(new URL(file, DEFAULT_CORPUS_DIR), join(dir, file));
  }
  return dir;
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected the promise to reject");
}

describe("the shipped corpus", () => {
  it("is byte-for-byte the source file, with the sha256 the manifest records", async () => {
    const bytes = await readFile(new URL("new-industrialization.txt", DEFAULT_CORPUS_DIR));
    expect(sha256Hex(bytes)).toBe(CORPUS_SHA256);
    const manifest = CorpusManifest.parse(
      JSON.parse(await readFile(new URL("manifest.json", DEFAULT_CORPUS_DIR), "utf8")),
    );
    expect(manifest.documents).toEqual([
      expect.objectContaining({
        id: "new-industrialization",
        file: "new-industrialization.txt",
        sha256: CORPUS_SHA256,
        publisher: "CSIS Interpret: China",
        url: "https://interpret.csis.org/new-industrialization-the-industrial-upgrading-theory-driving-chinas-advanced-manufacturing-policy/",
        authors: [
          { name: "Kendra Schaefer", role: "Partner, Trivium China" },
          { name: "Cory Combs", role: "Associate Director, Trivium China" },
        ],
      }),
    ]);
  });
});

describe(loadDefaultCorpus, () => {
  it("returns the parsed, validated document with its datasets, loaded once", async () => {
    const corpus = await loadDefaultCorpus();
    expect(await loadDefaultCorpus()).toBe(corpus);
    const [document] = corpus.documents;
    expect(document && SourceDocument.parse(document)).toEqual(document);
    expect(document?.text.length).toBeGreaterThan(16_000);
    expect(corpus.footnotes.map((footnote) => footnote.n)).toEqual(
      Array.from({ length: 15 }, (_, i) => i + 1),
    );
    expect(corpus.passages.length).toBeGreaterThan(30);
    expect(corpus.sentences.length).toBeGreaterThan(corpus.passages.length);
    expect(corpus.datasets.metrics.length).toBeGreaterThan(0);
    expect(corpus.hash).toBe(corpusHash(corpus.documents));
  });
});

describe(corpusHash, () => {
  it("changes with the parser version's inputs: document ids and hashes, in order", () => {
    const a = { id: "a", sha256: "1".repeat(64) };
    const b = { id: "b", sha256: "2".repeat(64) };
    expect(corpusHash([a, b])).toMatch(/^[0-9a-f]{64}$/);
    expect(corpusHash([a, b])).not.toBe(corpusHash([b, a]));
    expect(corpusHash([a])).not.toBe(corpusHash([{ ...a, sha256: "3".repeat(64) }]));
    expect(corpusHash([a])).toBe(sha256Hex(`newind-parser@${PARSER_VERSION}\na:${a.sha256}`));
  });
});

describe(loadCorpusFromManifest, () => {
  it("loads a folder given as a path, with empty datasets when none are asked for", async () => {
    const dir = await copyOfDefaultCorpus();
    const corpus = await loadCorpusFromManifest(dir);
    expect(corpus.documents[0]?.path).toBe(join(dir, "new-industrialization.txt"));
    expect(corpus.datasets).toEqual({ metrics: [], timeline: [], entities: [], lists: [], glossary: [] });
  });

  it("says a corpus file's bytes changed, naming the file", async () => {
    const dir = await copyOfDefaultCorpus();
    const file = join(dir, "new-industrialization.txt");
    await writeFile(file, `${await readFile(file, "utf8")} `);
    const error = await rejection(loadCorpusFromManifest(dir));
    expect(error).toBeInstanceOf(CorpusLoadError);
    expect(error.message).toContain(file);
    expect(error.message).toContain("bytes changed");
    expect(error.message).toContain(CORPUS_SHA256);
  });

  it("names the file, record and field of a manifest error", async () => {
    const dir = await copyOfDefaultCorpus();
    const manifestFile = join(dir, "manifest.json");
    const manifest = JSON.parse(await readFile(manifestFile, "utf8"));
    manifest.documents[0].sha256 = "not-a-hash";
    await writeFile(manifestFile, JSON.stringify(manifest));
    const error = await rejection(loadCorpusFromManifest(dir));
    expect(error).toBeInstanceOf(CorpusLoadError);
    expect(error.message).toMatch(
      new RegExp(
        `^${manifestFile.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: record documents\\[0\\] \\(id "new-industrialization"\\), field "sha256": `,
      ),
    );
    expect(error.message).not.toMatch(/\n\s+at /);
  });

  it("reports a manifest that is not JSON, or missing, by file name", async () => {
    const dir = await copyOfDefaultCorpus();
    await writeFile(join(dir, "manifest.json"), "{ nope");
    expect((await rejection(loadCorpusFromManifest(dir))).message).toMatch(/manifest\.json: not valid JSON/);
    const empty = await mkdtemp(join(tmpdir(), "newind-empty-"));
    expect((await rejection(loadCorpusFromManifest(empty))).message).toMatch(/manifest\.json: cannot read/);
  });
});
