import { existsSync } from "node:fs";
import { appendFile, copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  CORPUS_SNAPSHOT_VERSION,
  type CorpusSnapshotLocation,
  loadCorpusWithSnapshot,
  readCorpusSnapshot,
  writeCorpusSnapshot,
} from "./corpus-snapshot.js";
import { DATASET_NAMES } from "./dataset-names.js";
import {
  CorpusLoadError,
  DEFAULT_CORPUS_DIR,
  DEFAULT_DATASETS_DIR,
  loadCorpusFromManifest,
} from "./load-corpus.js";

/** A copy of the built-in corpus and datasets in a temporary folder, with a snapshot path beside them. */
async function copyOfBuiltInCorpus(): Promise<{ root: string; location: CorpusSnapshotLocation }> {
  const root = await mkdtemp(join(tmpdir(), "newind-snapshot-"));
  await mkdir(join(root, "corpus"));
  await mkdir(join(root, "datasets"));
  for (const file of ["manifest.json", "new-industrialization.txt"]) {
    await copyFile(new URL(file, DEFAULT_CORPUS_DIR), join(root, "corpus", file));
  }
  for (const name of DATASET_NAMES) {
    await copyFile(new URL(`${name}.json`, DEFAULT_DATASETS_DIR), join(root, "datasets", `${name}.json`));
  }
  const url = (path: string) => pathToFileURL(join(root, path));
  return {
    root,
    location: {
      corpusDir: new URL(`${url("corpus").href}/`),
      datasetsDir: new URL(`${url("datasets").href}/`),
      snapshot: url("default-corpus.json"),
    },
  };
}

/** The corpus the full way: read, checked, parsed, validated. */
function fullLoad(location: CorpusSnapshotLocation) {
  return loadCorpusFromManifest(
    location.corpusDir,
    location.datasetsDir ? { datasetsDir: location.datasetsDir } : {},
  );
}

describe(loadCorpusWithSnapshot, () => {
  let root: string;
  let location: CorpusSnapshotLocation;
  beforeEach(async () => {
    ({ root, location } = await copyOfBuiltInCorpus());
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it("uses a current snapshot, and restores exactly what the full parse gives (key order included)", async () => {
    await writeCorpusSnapshot(location);
    const loaded = await loadCorpusWithSnapshot(location);
    expect(loaded.source).toBe("snapshot");
    const full = await fullLoad(location);
    expect(loaded.corpus).toStrictEqual(full);
    // JSON output (sources --json, cache keys over the datasets) depends on key order too.
    expect(JSON.stringify(loaded.corpus)).toBe(JSON.stringify(full));
  });

  it("gives each document the path of its file where the corpus is now, not where the snapshot was made", async () => {
    await writeCorpusSnapshot(location);
    const moved = await copyOfBuiltInCorpus();
    try {
      await copyFile(location.snapshot, moved.location.snapshot);
      const loaded = await loadCorpusWithSnapshot(moved.location);
      expect(loaded.source).toBe("snapshot");
      expect(loaded.corpus.documents[0]?.path).toBe(join(moved.root, "corpus", "new-industrialization.txt"));
    } finally {
      await rm(moved.root, { recursive: true, force: true });
    }
  });

  it("without a snapshot, loads the full way", async () => {
    const loaded = await loadCorpusWithSnapshot(location);
    expect(loaded.source).toBe("full");
    expect(loaded.problem).toContain("cannot read the corpus snapshot");
    expect(loaded.corpus).toStrictEqual(await fullLoad(location));
  });

  it.each([
    ["truncated", (json: string) => json.slice(0, json.length / 2)],
    ["not an object", () => "null"],
    [
      "of another version",
      (json: string) => json.replace(/"version":\d+/, `"version":${CORPUS_SNAPSHOT_VERSION + 1}`),
    ],
    ["of another parser", (json: string) => json.replace(/"parserVersion":"[^"]*"/, '"parserVersion":"0"')],
    [
      "missing the manifest's hash",
      (json: string) => json.replace('"file":"manifest.json"', '"file":"other.json"'),
    ],
    [
      "with a hash that does not fit its documents",
      (json: string) => json.replace(/"hash":"[0-9a-f]+"}$/, '"hash":"0"}'),
    ],
  ])("ignores a snapshot that is %s and loads the full way", async (_, corrupt) => {
    await writeCorpusSnapshot(location);
    await writeFile(location.snapshot, corrupt(await readFile(location.snapshot, "utf8")));
    const loaded = await loadCorpusWithSnapshot(location);
    expect(loaded.source).toBe("full");
    expect(loaded.problem).toBeDefined();
    expect(loaded.corpus).toStrictEqual(await fullLoad(location));
  });

  it("never serves a stale dataset: an edited dataset file means the full load, with the edit", async () => {
    await writeCorpusSnapshot(location);
    const file = join(root, "datasets", "metrics.json");
    const metrics = JSON.parse(await readFile(file, "utf8")) as { label: string }[];
    const first = metrics[0];
    if (!first) throw new Error("metrics.json has no records");
    first.label = `${first.label} (edited)`;
    await writeFile(file, JSON.stringify(metrics));
    const loaded = await loadCorpusWithSnapshot(location);
    expect(loaded.source).toBe("full");
    expect(loaded.problem).toBe("datasets/metrics.json changed");
    expect(loaded.corpus.datasets.metrics[0]?.label).toMatch(/\(edited\)$/);
  });

  it("never serves a stale manifest: a retitled document means the full load, with the new title", async () => {
    await writeCorpusSnapshot(location);
    const file = join(root, "corpus", "manifest.json");
    const manifest = JSON.parse(await readFile(file, "utf8")) as { documents: { title: string }[] };
    for (const document of manifest.documents) document.title = "Retitled";
    await writeFile(file, JSON.stringify(manifest));
    const loaded = await loadCorpusWithSnapshot(location);
    expect(loaded.source).toBe("full");
    expect(loaded.corpus.documents[0]?.title).toBe("Retitled");
  });

  it("with an input file gone, loads the full way, which reports it", async () => {
    await writeCorpusSnapshot(location);
    await rm(join(root, "datasets", "lists.json"));
    expect((await readCorpusSnapshot(location)).problem).toMatch(/^cannot read datasets\/lists\.json/);
    const error = await loadCorpusWithSnapshot(location).catch((caught: unknown) => caught);
    expect((error as Error).message).toContain("lists.json: cannot read the file");
  });

  it("reports a changed corpus file with the full load's changed-bytes error, snapshot or not", async () => {
    await writeCorpusSnapshot(location);
    await appendFile(join(root, "corpus", "new-industrialization.txt"), "\nAn added line.\n");
    expect((await readCorpusSnapshot(location)).problem).toBe("corpus/new-industrialization.txt changed");
    const error = await loadCorpusWithSnapshot(location).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CorpusLoadError);
    expect((error as Error).message).toContain("the file's bytes changed");
  });
});

describe("the built-in corpus's snapshot (dist/default-corpus.json, written by the build)", () => {
  const snapshot = new URL("../dist/default-corpus.json", import.meta.url);
  it.skipIf(!existsSync(snapshot))(
    "is current, and restores what parsing the shipped files gives",
    async () => {
      const location = { corpusDir: DEFAULT_CORPUS_DIR, datasetsDir: DEFAULT_DATASETS_DIR, snapshot };
      const read = await readCorpusSnapshot(location);
      expect(read.problem).toBeUndefined();
      expect(JSON.stringify(read.corpus)).toBe(JSON.stringify(await fullLoad(location)));
    },
  );
});
