import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore } from "@newind/cache";
import type { Corpus } from "@newind/core";
import { loadCorpus, loadDefaultCorpus } from "@newind/data";
import { searchIndexEntry } from "@newind/search";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type IndexReport, loadSearchIndex } from "./index-cache.js";

let root: string;
let notes: string;
let cacheDir: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "newind-index-cache-"));
  notes = join(root, "notes");
  cacheDir = join(root, "cache", "newind");
  await mkdir(notes);
  await writeFile(
    join(notes, "batteries.md"),
    "# Battery notes\n\nHefei battery makers doubled their solid-state capacity in 2024.\n",
  );
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function load(): Promise<{
  report: IndexReport | undefined;
  hits: string[];
  hash: string;
  file: string;
}> {
  const corpus = await loadCorpus({ dirs: [notes] });
  let report: IndexReport | undefined;
  const index = await loadSearchIndex(corpus, {
    store: openStore(cacheDir),
    onReport: (value) => (report = value),
  });
  const hits = index.searchCitations("solid-state battery capacity", { limit: 3 }).map((hit) => hit.quote);
  return { report, hits, hash: corpus.hash, file: entryFile(corpus) };
}

/** The file of the corpus's index entry in the test's store. */
function entryFile(corpus: Corpus): string {
  return openStore(cacheDir).locate(searchIndexEntry(corpus));
}

describe(loadSearchIndex, () => {
  it("uses the prebuilt index for the built-in corpus alone, writing no cache", async () => {
    let report: IndexReport | undefined;
    await loadSearchIndex(await loadDefaultCorpus(), {
      store: openStore(cacheDir),
      onReport: (value) => (report = value),
    });
    expect(report).toEqual({ source: "prebuilt" });
    await expect(readdir(cacheDir)).rejects.toThrow();
  });

  it("builds and caches a folder corpus's index under its hash, then loads it from the cache", async () => {
    const first = await load();
    expect(first.report).toEqual({ source: "built", file: first.file });
    expect(first.hits[0]).toContain("solid-state capacity");
    expect(await readdir(cacheDir)).toEqual([first.file.slice(cacheDir.length + 1)]);
    expect(first.file).toMatch(/index-[0-9a-f]{64}\.json$/);

    const second = await load();
    expect(second.report?.source).toBe("cache");
    expect(second.hits).toEqual(first.hits);
  });

  it("uses another key, and so rebuilds, when a file changes, is added or removed", async () => {
    const original = await load();
    await writeFile(join(notes, "batteries.md"), "# Battery notes\n\nCATL opened a sodium-ion line.\n");
    const changed = await load();
    expect(changed.hash).not.toBe(original.hash);
    expect(changed.report?.source).toBe("built");
    await writeFile(join(notes, "more.txt"), "More notes\n\nSolid-state cells.\n");
    expect((await load()).report?.source).toBe("built");
    await rm(join(notes, "more.txt"));
    expect((await load()).report?.source).toBe("cache");
  });

  it.each([
    ["garbage", () => "not json at all"],
    ["a truncated file", (text: string) => text.slice(0, Math.floor(text.length / 2))],
    ["an altered payload", (text: string) => text.replace("solid", "SOLID")],
    ["an empty file", () => ""],
  ])("rebuilds, never trusts, a corrupt cache: %s", async (_name, corrupt) => {
    const { file } = await load();
    await writeFile(file, corrupt(await readFile(file, "utf8")));
    const rebuilt = await load();
    expect(rebuilt.report?.source).toBe("rebuilt");
    expect(rebuilt.report?.staleReason).toContain(file);
    expect(rebuilt.hits[0]).toContain("solid-state capacity");
    expect((await load()).report?.source).toBe("cache");
  });

  it("rebuilds a cache whose header is intact but whose index is of another format version", async () => {
    const { file } = await load();
    const [headerLine, payload] = (await readFile(file, "utf8")).split("\n", 2) as [string, string];
    const stale = payload.replace(/"formatVersion":\d+/, '"formatVersion":0');
    const { createHash } = await import("node:crypto");
    const header = {
      ...JSON.parse(headerLine),
      bytes: Buffer.byteLength(stale),
      sha256: createHash("sha256").update(stale).digest("hex"),
    };
    await writeFile(file, `${JSON.stringify(header)}\n${stale}`);
    const rebuilt = await load();
    expect(rebuilt.report?.source).toBe("rebuilt");
    expect(rebuilt.report?.staleReason).toMatch(/cannot be loaded/);
  });

  it("still returns the index when the cache cannot be written, and says why", async () => {
    await mkdir(join(root, "cache"), { recursive: true });
    await writeFile(cacheDir, "a file where the cache folder should be");
    const result = await load();
    expect(result.report?.source).toBe("built");
    expect(result.report?.writeError).toMatch(
      /cannot write .*index-[0-9a-f]{64}\.json .*rebuilt on every run/,
    );
    expect(result.hits[0]).toContain("solid-state capacity");
  });

  it("leaves no temporary file behind and writes nothing into the user's folder", async () => {
    await load();
    await load();
    expect((await readdir(cacheDir)).filter((name) => name.endsWith(".tmp"))).toEqual([]);
    expect(await readdir(notes)).toEqual(["batteries.md"]);
  });
});
