import { join } from "node:path";
import type { CorpusCache } from "@newind/data";
import { readCacheFile, writeCacheFile } from "./cache-file.js";

/** How many parsed-folder files to keep: enough for someone switching between a few folder sets. */
const KEEP_FILES = 8;

/**
 * A {@link CorpusCache} in newind's cache folder (`$XDG_CACHE_HOME/newind`): one
 * checksummed file per key, `folders-<key>.json`, written atomically. `loadCorpus`
 * checks what it returns against the files it read, so a stale or tampered file is
 * re-parsed, never trusted.
 *
 * @example
 * await loadCorpus({ dirs, cache: createCorpusFileCache(cacheDir(process.env)) });
 */
export function createCorpusFileCache(dir: string): CorpusCache {
  const fileOf = (key: string) => join(dir, `folders-${key}.json`);
  return {
    read: async (key) => (await readCacheFile(fileOf(key), key)).payload,
    write: async (key, value) => {
      await writeCacheFile(fileOf(key), key, value, { prefix: "folders-", keep: KEEP_FILES });
    },
  };
}
