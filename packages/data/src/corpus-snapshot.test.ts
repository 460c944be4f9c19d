import { existsSync } from "node:fs";
import { appendFile, copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { openStore, type Store, sha256Hex } from "@newind/cache";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CorpusLoadError, type CorpusLocation } from "./corpus-files.js";
import {
  CORPUS_SNAPSHOT_KIND,
  loadCorpusWithSnapshot,
  packageStore,
  readCorpusSnapshot,
  writeCorpusSnapshot,
} from "./corpus-snapshot.js";
import { DATASET_NAMES } from "./dataset-names.js";
import { DEFAULT_CORPUS_DIR, DEFAULT_DATASETS_DIR } from "./default-corpus.js";
import { DEFAULT_CORPUS_LOADER, loadCorpusFromManifest } from "./load-corpus.js";

/** A copy of the built-in corpus and datasets in a temporary folder, with a store beside them. */
async function copyOfBuiltInCorpus(): Promise<{ root: string; location: CorpusLocation; store: Store }> {
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
    },
    store: openStore(join(root, "store")),
  };
}

/** The corpus the full way: read, checked, parsed, validated. */
function fullLoad(location: CorpusLocation) {
  return loadCorpusFromManifest(
    location.corpusDir,
    location.datasetsDir ? { datasetsDir: location.datasetsDir } : {},
  );
}

/** The one snapshot entry's file in `store`. */
async function entryFile(store: Store): Promise<string> {
  const names = (await readdir(store.location)).filter((name) => name.startsWith(`${CORPUS_SNAPSHOT_KIND}-`));
  expect(names).toHaveLength(1);
  return join(store.location, names[0] as string);
}

/** Rewrites an entry's payload and its header's length and checksum: a tampered entry the store's checks pass. */
async function tamper(file: string, change: (payload: string) => string): Promise<void> {
  const content = await readFile(file, "utf8");
  const newline = content.indexOf("\n");
  const payload = change(content.slice(newline + 1));
  const header = JSON.parse(content.slice(0, newline));
  const bytes = Buffer.from(payload);
  await writeFile(
    file,
    `${JSON.stringify({ ...header, bytes: bytes.length, sha256: sha256Hex(bytes) })}\n${payload}`,
  );
}

describe(loadCorpusWithSnapshot, () => {
  let root: string;
  let location: CorpusLocation;
  let store: Store;
  const write = () => writeCorpusSnapshot(store, location, DEFAULT_CORPUS_LOADER);
  const load = () => loadCorpusWithSnapshot(store, location, DEFAULT_CORPUS_LOADER);
  const read = () => readCorpusSnapshot(store, location, DEFAULT_CORPUS_LOADER);
  beforeEach(async () => {
    ({ root, location, store } = await copyOfBuiltInCorpus());
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it("uses a current snapshot, and restores exactly what the full parse gives (key order included)", async () => {
    await write();
    const loaded = await load();
    expect(loaded.source).toBe("snapshot");
    const full = await fullLoad(location);
    expect(loaded.corpus).toStrictEqual(full);
    // JSON output (sources --json, cache keys over the datasets) depends on key order too.
    expect(JSON.stringify(loaded.corpus)).toBe(JSON.stringify(full));
  });

  it("gives each document the path of its file where the corpus is now, not where the snapshot was made", async () => {
    await write();
    const moved = await copyOfBuiltInCorpus();
    try {
      const loaded = await loadCorpusWithSnapshot(store, moved.location, DEFAULT_CORPUS_LOADER);
      expect(loaded.source).toBe("snapshot");
      expect(loaded.corpus.documents[0]?.path).toBe(join(moved.root, "corpus", "new-industrialization.txt"));
    } finally {
      await rm(moved.root, { recursive: true, force: true });
    }
  });

  it("without a snapshot, loads the full way", async () => {
    const loaded = await load();
    expect(loaded.source).toBe("full");
    expect(loaded.problem).toBe(`no snapshot for these files in ${store.location}`);
    expect(loaded.corpus).toStrictEqual(await fullLoad(location));
  });

  it.each([
    ["cut short", async (file: string) => writeFile(file, (await readFile(file, "utf8")).slice(0, -100))],
    ["not an object", (file: string) => tamper(file, () => "null")],
    [
      "with a hash that does not fit its documents",
      (file: string) => tamper(file, (json) => json.replace(/"hash":"[0-9a-f]+"}$/, '"hash":"0"}')),
    ],
    [
      "with a document whose sha256 is not its file's",
      (file: string) =>
        tamper(file, (json) => json.replace(/"sha256":"[0-9a-f]{64}"/, `"sha256":"${"0".repeat(64)}"`)),
    ],
    [
      "with a sentence outside its document",
      (file: string) =>
        tamper(file, (json) =>
          json.replace(/"span":\{"start":\d+,"end":\d+\}/, '"span":{"start":0,"end":99999999}'),
        ),
    ],
    [
      "with a passage whose text is not a string",
      (file: string) => tamper(file, (json) => json.replace('"text":null', '"text":7')),
    ],
  ])("ignores a snapshot %s and loads the full way", async (_, corrupt) => {
    await write();
    await corrupt(await entryFile(store));
    const loaded = await load();
    expect(loaded.source).toBe("full");
    expect(loaded.problem).toMatch(/^\/.*\/corpus-[0-9a-f]{64}\.json /);
    expect(loaded.corpus).toStrictEqual(await fullLoad(location));
  });

  it("never serves a stale dataset: an edited dataset file means the full load, with the edit", async () => {
    await write();
    const file = join(root, "datasets", "metrics.json");
    const metrics = JSON.parse(await readFile(file, "utf8")) as { label: string }[];
    const first = metrics[0];
    if (!first) throw new Error("metrics.json has no records");
    first.label = `${first.label} (edited)`;
    await writeFile(file, JSON.stringify(metrics));
    const loaded = await load();
    expect(loaded.source).toBe("full");
    // Another input, another entry: the old snapshot is not even looked at.
    expect(loaded.problem).toMatch(/^no snapshot for these files/);
    expect(loaded.corpus.datasets.metrics[0]?.label).toMatch(/\(edited\)$/);
  });

  it("never serves a stale manifest: a retitled document means the full load, with the new title", async () => {
    await write();
    const file = join(root, "corpus", "manifest.json");
    const manifest = JSON.parse(await readFile(file, "utf8")) as { documents: { title: string }[] };
    for (const document of manifest.documents) document.title = "Retitled";
    await writeFile(file, JSON.stringify(manifest));
    const loaded = await load();
    expect(loaded.source).toBe("full");
    expect(loaded.corpus.documents[0]?.title).toBe("Retitled");
  });

  it("with an input file gone, loads the full way, which reports it", async () => {
    await write();
    await rm(join(root, "datasets", "lists.json"));
    expect((await read()).problem).toMatch(/^cannot read the corpus's files \(ENOENT.*lists\.json/);
    const error = await load().catch((caught: unknown) => caught);
    expect((error as Error).message).toContain("lists.json: cannot read the file");
  });

  it("reports a changed corpus file with the full load's changed-bytes error, snapshot or not", async () => {
    await write();
    await appendFile(join(root, "corpus", "new-industrialization.txt"), "\nAn added line.\n");
    expect((await read()).problem).toMatch(/^no snapshot for these files/);
    const error = await load().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CorpusLoadError);
    expect((error as Error).message).toContain("the file's bytes changed");
  });
});

describe("the built-in corpus's snapshot (in dist/store/, written by the build)", () => {
  it.skipIf(!existsSync(new URL("../dist/store/", import.meta.url)))(
    "is current, and restores what parsing the shipped files gives",
    async () => {
      const location = { corpusDir: DEFAULT_CORPUS_DIR, datasetsDir: DEFAULT_DATASETS_DIR };
      const store = openStore(new URL("../dist/store/", import.meta.url), { readOnly: true });
      const read = await readCorpusSnapshot(store, location, DEFAULT_CORPUS_LOADER);
      expect(read.problem).toBeUndefined();
      expect(JSON.stringify(read.corpus)).toBe(JSON.stringify(await fullLoad(location)));
    },
  );

  it("is looked for in the package's own store, which is never written", async () => {
    expect(packageStore().location).toMatch(/[/\\]store[/\\]?$/);
    expect((await packageStore().write({ kind: "corpus", key: "0".repeat(64) }, "{}")).problem).toMatch(
      /read-only/,
    );
  });
});
