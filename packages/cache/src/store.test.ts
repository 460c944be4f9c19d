import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { writeFileAtomic, writeFileAtomicSync } from "./atomic-write.js";
import { userCacheDir } from "./cache-dir.js";
import { createMemoryStore } from "./memory-store.js";
import { openStore, type Store } from "./store.js";
import { type StoreEntry, storeEntry, storeKey } from "./store-key.js";

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "newind-store-"));
});

afterEach(async () => {
  await chmod(dir, 0o700).catch(() => undefined);
  await rm(dir, { recursive: true, force: true });
});

const entryOf = (kind: string, ...inputs: unknown[]): StoreEntry =>
  storeEntry(kind, { code: "test@1", inputs });

/** A decoder that checks the content against its input, as every caller's must. */
const decodeWords = (expected: string) => (payload: string) => {
  const value = JSON.parse(payload) as { words?: unknown };
  return value.words === expected ? value.words : undefined;
};

describe(storeKey, () => {
  it("is the same for the same code and inputs, and differs when either changes", () => {
    const key = storeKey({ code: "index@2", inputs: ["a".repeat(64)] });
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(storeKey({ code: "index@2", inputs: ["a".repeat(64)] })).toBe(key);
    expect(storeKey({ code: "index@3", inputs: ["a".repeat(64)] })).not.toBe(key);
    expect(storeKey({ code: "index@2", inputs: ["b".repeat(64)] })).not.toBe(key);
  });

  it("never gives two different derivations the same key (no ambiguity between code and inputs)", () => {
    fc.assert(
      fc.property(
        fc.tuple(fc.string(), fc.array(fc.string())),
        fc.tuple(fc.string(), fc.array(fc.string())),
        ([codeA, inputsA], [codeB, inputsB]) => {
          fc.pre(codeA !== codeB || JSON.stringify(inputsA) !== JSON.stringify(inputsB));
          expect(storeKey({ code: codeA, inputs: inputsA })).not.toBe(
            storeKey({ code: codeB, inputs: inputsB }),
          );
        },
      ),
    );
  });
});

describe(storeEntry, () => {
  it.each([["../etc"], ["Index"], [""], ["a/b"], ["x".repeat(41)]])("refuses the kind %j", (kind) => {
    expect(() => storeEntry(kind, { code: "x", inputs: [] })).toThrow(TypeError);
  });

  it("refuses a key that is not a sha256 wherever an entry is used", async () => {
    const store = openStore(dir);
    await expect(store.read({ kind: "index", key: "../../passwd" }, () => 1)).rejects.toThrow(TypeError);
    await expect(store.write({ kind: "index", key: "abc" }, "{}")).rejects.toThrow(TypeError);
  });
});

describe(userCacheDir, () => {
  it("is $XDG_CACHE_HOME/newind, else ~/.cache/newind (a relative or empty XDG_CACHE_HOME is ignored)", () => {
    expect(userCacheDir({ XDG_CACHE_HOME: "/var/cache/me", HOME: "/home/me" })).toBe("/var/cache/me/newind");
    expect(userCacheDir({ HOME: "/home/me" })).toBe("/home/me/.cache/newind");
    expect(userCacheDir({ XDG_CACHE_HOME: "", HOME: "/home/me" })).toBe("/home/me/.cache/newind");
    expect(userCacheDir({ XDG_CACHE_HOME: "relative", HOME: "/home/me" })).toBe("/home/me/.cache/newind");
  });
});

describe(openStore, () => {
  it("misses on an empty store, then returns what was written, as <kind>-<key>.json", async () => {
    const store = openStore(join(dir, "newind"));
    const entry = entryOf("index", "corpus-1");
    expect(await store.read(entry, decodeWords("solid-state"))).toEqual({
      status: "miss",
      location: join(dir, "newind", `index-${entry.key}.json`),
    });
    const written = await store.write(entry, JSON.stringify({ words: "solid-state" }));
    expect(written).toEqual({ location: store.locate(entry) });
    const read = await store.read(entry, decodeWords("solid-state"));
    expect(read).toEqual({ status: "hit", value: "solid-state", location: store.locate(entry) });
    expect(await readdir(join(dir, "newind"))).toEqual([`index-${entry.key}.json`]);
  });

  it("verifies the stored content, not only its checksum: a payload that does not fit its inputs is invalid", async () => {
    const store = openStore(dir);
    const entry = entryOf("index", "corpus-1");
    await store.write(entry, JSON.stringify({ words: "solid-state" }));
    const unfit = await store.read(entry, decodeWords("sodium-ion"));
    expect(unfit).toMatchObject({
      status: "invalid",
      problem: `${store.locate(entry)} does not fit its inputs`,
    });
    const throwing = await store.read(entry, () => {
      throw new Error("built for another corpus");
    });
    expect(throwing).toMatchObject({
      status: "invalid",
      problem: `${store.locate(entry)} cannot be loaded (built for another corpus)`,
    });
  });

  it.each([
    ["garbage", () => "not a store entry at all"],
    ["an empty file", () => ""],
    ["a file cut short", (text: string) => text.slice(0, text.length - 5)],
    ["an altered payload", (text: string) => text.replace("solid", "SOLID")],
    ["a payload altered with its length kept", (text: string) => text.replace("state", "STATE")],
    ["another format", (text: string) => text.replace('"format":"newind-store"', '"format":"other"')],
  ])("refuses %s without decoding it", async (_name, corrupt) => {
    const store = openStore(dir);
    const entry = entryOf("folders", "a");
    await store.write(entry, JSON.stringify({ words: "solid-state" }));
    const file = store.locate(entry);
    await writeFile(file, corrupt(await readFile(file, "utf8")));
    let decoded = false;
    const read = await store.read(entry, (payload) => {
      decoded = true;
      return payload;
    });
    expect(read.status).toBe("invalid");
    expect(decoded).toBe(false);
    expect(read.status === "invalid" && read.problem.startsWith(file)).toBe(true);
  });

  it("refuses an entry's file copied under another entry's name", async () => {
    const store = openStore(dir);
    const a = entryOf("index", "a");
    const b = entryOf("index", "b");
    await store.write(a, JSON.stringify({ words: "x" }));
    await writeFile(store.locate(b), await readFile(store.locate(a)));
    expect(await store.read(b, decodeWords("x"))).toMatchObject({
      status: "invalid",
      problem: `${store.locate(b)} was written for another entry`,
    });
  });

  it("replaces an invalid entry on the next write", async () => {
    const store = openStore(dir);
    const entry = entryOf("index", "a");
    await writeFile(store.locate(entry), "garbage");
    await store.write(entry, JSON.stringify({ words: "x" }));
    expect((await store.read(entry, decodeWords("x"))).status).toBe("hit");
  });

  it("writes atomically: no temporary file is left, and a failed write says why without throwing", async () => {
    const store = openStore(dir);
    for (let n = 0; n < 3; n++) await store.write(entryOf("index", n), "{}");
    expect((await readdir(dir)).filter((name) => name.endsWith(".tmp"))).toEqual([]);

    await writeFile(join(dir, "blocked"), "a file where the store's folder should be");
    const blocked = openStore(join(dir, "blocked", "newind"));
    const write = await blocked.write(entryOf("index", "a"), "{}");
    expect(write.problem).toMatch(/^cannot write .*blocked\/newind\/index-[0-9a-f]{64}\.json \(/);
    expect(await blocked.read(entryOf("index", "a"), () => 1)).toMatchObject({ status: "miss" });
  });

  it("says why an entry cannot be read, and does not throw", async () => {
    const store = openStore(dir);
    const entry = entryOf("index", "a");
    await store.write(entry, "{}");
    await chmod(store.locate(entry), 0o000);
    const read = await store.read(entry, () => 1);
    // root reads anything: then the entry is simply there.
    if (read.status !== "hit")
      expect(read).toMatchObject({ status: "invalid", problem: expect.stringMatching(/^cannot read /) });
  });

  describe("the eviction rule", () => {
    it("keeps the most recently used entries of the written kind, and leaves other kinds alone", async () => {
      const store = openStore(dir, { keep: 3 });
      await store.write(entryOf("vectors", "other"), "{}");
      const entries = Array.from({ length: 3 }, (_, n) => entryOf("index", n));
      for (const [n, entry] of entries.entries()) {
        await store.write(entry, "{}");
        // mtimes a second apart, so "most recently used" does not depend on the clock's resolution.
        const time = new Date(Date.now() - (10 - n) * 1000);
        await utimes(store.locate(entry), time, time);
      }
      // Reading the oldest makes it the most recently used.
      await store.read(entries[0] as StoreEntry, () => 1);
      await new Promise((resolve) => setTimeout(resolve, 20));
      await store.write(entryOf("index", "newest"), "{}");
      const names = await readdir(dir);
      expect(names.filter((name) => name.startsWith("index-")).sort()).toEqual(
        [entries[0], entries[2], entryOf("index", "newest")]
          .map((entry) => `index-${entry?.key}.json`)
          .sort(),
      );
      expect(names).toContain(`vectors-${entryOf("vectors", "other").key}.json`);
    });

    it("removes temporary files older than an hour, and keeps a fresh one another process may be writing", async () => {
      const store = openStore(dir);
      const key = entryOf("index", "a").key;
      const stray = join(dir, `index-${key}.json.123.abcd.tmp`);
      const fresh = join(dir, `index-${key}.json.456.ef01.tmp`);
      await writeFile(stray, "half");
      await writeFile(fresh, "half");
      const old = new Date(Date.now() - 2 * 60 * 60 * 1000);
      await utimes(stray, old, old);
      await store.write(entryOf("folders", "b"), "{}");
      const names = await readdir(dir);
      expect(names).not.toContain(`index-${key}.json.123.abcd.tmp`);
      expect(names).toContain(`index-${key}.json.456.ef01.tmp`);
    });

    it("leaves files that are not entries alone", async () => {
      const store = openStore(dir, { keep: 1 });
      await writeFile(join(dir, "history.json"), "{}");
      await store.write(entryOf("index", "a"), "{}");
      await store.write(entryOf("index", "b"), "{}");
      expect(await readdir(dir)).toContain("history.json");
    });
  });

  it("a read-only store (one shipped in a package) is never written and reading does not touch it", async () => {
    const writable = openStore(dir);
    const entry = entryOf("corpus", "a");
    await writable.write(entry, JSON.stringify({ words: "x" }));
    const time = new Date(Date.now() - 60_000);
    await utimes(writable.locate(entry), time, time);
    const shipped = openStore(dir, { readOnly: true });
    expect((await shipped.read(entry, decodeWords("x"))).status).toBe("hit");
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(Math.round((await stat(shipped.locate(entry))).mtimeMs)).toBe(time.getTime());
    expect((await shipped.write(entryOf("corpus", "b"), "{}")).problem).toMatch(/read-only/);
    expect(await readdir(dir)).toHaveLength(1);
  });
});

describe(createMemoryStore, () => {
  const contract = async (store: Store) => {
    const entry = entryOf("index", "a");
    expect((await store.read(entry, decodeWords("x"))).status).toBe("miss");
    await store.write(entry, JSON.stringify({ words: "x" }));
    expect(await store.read(entry, decodeWords("x"))).toMatchObject({ status: "hit", value: "x" });
    expect((await store.read(entry, decodeWords("y"))).status).toBe("invalid");
  };

  it("keeps the same contract as a folder store: a miss, a verified hit, an unfit entry refused", async () => {
    await contract(createMemoryStore());
    await contract(openStore(dir));
  });

  it("applies the eviction rule per kind", async () => {
    const store = createMemoryStore({ keep: 2 });
    for (let n = 0; n < 4; n++) await store.write(entryOf("index", n), "1");
    await store.write(entryOf("vectors", 0), "1");
    const present = async (entry: StoreEntry) =>
      (await store.read(entry, (payload) => payload)).status === "hit";
    expect(await present(entryOf("index", 0))).toBe(false);
    expect(await present(entryOf("index", 3))).toBe(true);
    expect(await present(entryOf("vectors", 0))).toBe(true);
  });
});

describe(writeFileAtomic, () => {
  it("creates the folder, writes the file readable by its owner only, and leaves no temporary file", async () => {
    const path = join(dir, "state", "history.json");
    await writeFileAtomic(path, "one");
    writeFileAtomicSync(path, "two");
    expect(await readFile(path, "utf8")).toBe("two");
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(await readdir(join(dir, "state"))).toEqual(["history.json"]);
  });

  it("throws, and removes its temporary file, when the rename fails", async () => {
    const path = join(dir, "a-folder");
    await mkdir(join(path, "inside"), { recursive: true });
    // Renaming a file over a non-empty folder fails on every platform.
    await expect(writeFileAtomic(path, "new")).rejects.toThrow();
    expect(() => writeFileAtomicSync(path, "new")).toThrow();
    expect((await readdir(dir)).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });
});
