import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Vector } from "@newind/bot";
import { createMemoryStore, type Store, sha256Hex } from "@newind/cache";
import { type LoadedCorpus, loadCorpus, loadDefaultCorpus } from "@newind/data";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { sentenceVectorCache } from "./vector-cache.js";

let root: string;
let corpus: LoadedCorpus;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "newind-vectors-"));
  await mkdir(join(root, "notes"));
  await writeFile(
    join(root, "notes", "batteries.md"),
    "# Battery notes\n\nHefei battery makers doubled their capacity. CATL opened a sodium-ion line. Prices fell.\n",
  );
  corpus = await loadCorpus({ dirs: [join(root, "notes")], includeDefault: false });
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** A unit vector pointing along axis `axis` of `dimensions`. */
function axisVector(axis: number, dimensions = 8): Vector {
  const vector = new Float32Array(dimensions);
  vector[axis] = 1;
  return vector;
}

/** The bot's options for `corpus` over `store`; a folder corpus always has them. */
async function cacheFor(of: LoadedCorpus, store: Store) {
  const cache = await sentenceVectorCache(of, store);
  if (!cache) throw new Error("no vector cache for a folder corpus");
  return cache;
}

/** The vectors the options read from `store` for `of`. */
async function readVectors(
  of: LoadedCorpus,
  store: Store,
): Promise<ReadonlyArray<Vector | undefined> | undefined> {
  const { sentenceVectors } = await cacheFor(of, store);
  return typeof sentenceVectors === "function" ? sentenceVectors() : sentenceVectors;
}

/** What the store gives back, once the write queued behind the last save has landed. */
async function storedVectors(store: Store): Promise<ReadonlyArray<Vector | undefined>> {
  let loaded: ReadonlyArray<Vector | undefined> | undefined;
  await vi.waitFor(async () => {
    loaded = await readVectors(corpus, store);
    expect(loaded).toBeDefined();
  });
  return loaded ?? [];
}

describe(sentenceVectorCache, () => {
  it("keeps a folder corpus's encoded sentences in the store, by sentence number, for the next run", async () => {
    const store = createMemoryStore();
    const cache = await cacheFor(corpus, store);
    expect(await readVectors(corpus, store)).toBeUndefined();
    expect(corpus.sentences.length).toBeGreaterThanOrEqual(3);
    // The bot saves every vector known so far: here those of sentences 0 and 2.
    const known = corpus.sentences.map((_sentence, i) => (i === 0 || i === 2 ? axisVector(i) : undefined));
    await cache.saveSentenceVectors?.(known);
    const restored = await storedVectors(store);
    expect(restored).toHaveLength(corpus.sentences.length);
    expect(restored.map((vector) => vector !== undefined)).toEqual(
      known.map((vector) => vector !== undefined),
    );
    // Stored quantised: the same direction, to within the quantisation.
    expect(restored[2]?.[2]).toBeCloseTo(1, 2);
    expect(restored[0]?.[0]).toBeCloseTo(1, 2);
  });

  it("writes saves that come faster than the store once, with the latest vectors", async () => {
    const writes: string[] = [];
    const memory = createMemoryStore();
    const store: Store = {
      ...memory,
      write: (entry, payload) => {
        writes.push(payload);
        return memory.write(entry, payload);
      },
    };
    const cache = await cacheFor(corpus, store);
    const some = corpus.sentences.map((_sentence, i) => (i === 0 ? axisVector(0) : undefined));
    const more = corpus.sentences.map((_sentence, i) => (i < 2 ? axisVector(i) : undefined));
    // Saved back to back, before the first write has begun.
    void cache.saveSentenceVectors?.(some);
    void cache.saveSentenceVectors?.(more);
    const restored = await storedVectors(store);
    expect(restored.filter(Boolean)).toHaveLength(2);
    expect(writes).toHaveLength(1);
  });

  it("ignores stored vectors that do not fit the corpus", async () => {
    const memory = createMemoryStore();
    const cache = await cacheFor(corpus, memory);
    await cache.saveSentenceVectors?.(
      corpus.sentences.map((_sentence, i) => (i === 0 ? axisVector(0) : undefined)),
    );
    await storedVectors(memory);
    // The same entry, its payload naming a sentence the corpus does not have.
    const tampered: Store = {
      ...memory,
      read: (entry, decode) =>
        memory.read(entry, (payload) =>
          decode(payload.replace(/"sentences":\[0\]/, `"sentences":[${corpus.sentences.length}]`)),
        ),
    };
    expect(await readVectors(corpus, tampered)).toBeUndefined();
  });

  it("leaves the built-in corpus alone to the vectors the bot ships", async () => {
    expect(await sentenceVectorCache(await loadDefaultCorpus(), createMemoryStore())).toBeUndefined();
  });

  it("keys the entry by the corpus: another corpus never reads these vectors", async () => {
    const store = createMemoryStore();
    await (await cacheFor(corpus, store)).saveSentenceVectors?.(corpus.sentences.map(() => axisVector(0)));
    await storedVectors(store);
    expect(await readVectors({ ...corpus, hash: sha256Hex("another corpus") }, store)).toBeUndefined();
  });
});
