import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createCorpusFileCache } from "./corpus-cache.js";

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "newind-corpus-cache-"));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe(createCorpusFileCache, () => {
  it("stores a value under its key in a checksummed file, and reads it back", async () => {
    const cache = createCorpusFileCache(join(dir, "newind"));
    expect(await cache.read("abc")).toBeUndefined();
    await cache.write("abc", '{"documents":[]}');
    expect(await cache.read("abc")).toBe('{"documents":[]}');
    expect(await readdir(join(dir, "newind"))).toEqual(["folders-abc.json"]);
  });

  it("returns nothing for a file that was altered, cut short, or written for another key", async () => {
    const cache = createCorpusFileCache(dir);
    await cache.write("abc", '{"documents":["x"]}');
    const file = join(dir, "folders-abc.json");
    const original = await readFile(file, "utf8");
    await writeFile(file, original.replace('"x"', '"y"'));
    expect(await cache.read("abc")).toBeUndefined();
    await writeFile(file, original.slice(0, -3));
    expect(await cache.read("abc")).toBeUndefined();
    await writeFile(file, original.replace('"key":"abc"', '"key":"abd"'));
    expect(await cache.read("abc")).toBeUndefined();
  });

  it("keeps only the most recently used files", async () => {
    const cache = createCorpusFileCache(dir);
    for (let n = 0; n < 12; n++) await cache.write(`key${n}`, "{}");
    const names = await readdir(dir);
    expect(names).toHaveLength(8);
    expect(names).toContain("folders-key11.json");
  });
});
