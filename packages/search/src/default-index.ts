import { readFile, writeFile } from "node:fs/promises";
import type { Corpus } from "@newind/core";
import {
  type CitationHit,
  createSearchIndex,
  loadSearchIndex,
  type SearchIndex,
  type SearchOptions,
} from "./search-index.js";

/** Where the build writes the default corpus's index (`dist/default-index.json` of this package). */
export const DEFAULT_INDEX_URL: URL = new URL("../dist/default-index.json", import.meta.url);

/**
 * Loads a prebuilt index for `corpus` from `file`, or builds one when the file is
 * missing, unreadable, corrupt, of another format version or for another corpus — a
 * stale index is never trusted.
 *
 * @returns the index and whether it came from the file
 */
export async function loadOrBuildSearchIndex(
  corpus: Corpus,
  file: URL | string = DEFAULT_INDEX_URL,
): Promise<{ index: SearchIndex; loaded: boolean }> {
  let text: string | undefined;
  try {
    text = await readFile(file, "utf8");
  } catch {
    text = undefined;
  }
  if (text !== undefined) {
    try {
      return { index: loadSearchIndex(corpus, text), loaded: true };
    } catch {
      // Corrupt or stale: fall through and rebuild.
    }
  }
  return { index: await createSearchIndex(corpus), loaded: false };
}

/**
 * Writes `index` as JSON to `file` (by default the package's `dist/default-index.json`).
 *
 * @returns the number of bytes written
 */
export async function writeSearchIndex(
  index: SearchIndex,
  file: URL | string = DEFAULT_INDEX_URL,
): Promise<number> {
  const json = JSON.stringify(index);
  await writeFile(file, json);
  return Buffer.byteLength(json);
}

let defaultIndex: Promise<SearchIndex> | undefined;

/**
 * The index of `@newind/data`'s default corpus: the prebuilt `dist/default-index.json`
 * when it matches the corpus, else built on the spot. Loaded once per process.
 */
export function loadDefaultSearchIndex(): Promise<SearchIndex> {
  defaultIndex ??= (async () => {
    const { loadDefaultCorpus } = await import("@newind/data/loaders");
    const corpus = await loadDefaultCorpus();
    return (await loadOrBuildSearchIndex(corpus)).index;
  })();
  return defaultIndex;
}

/**
 * Searches the default corpus: ranked exact sentences for `query` (see
 * {@link SearchIndex.searchCitations}: any query, `null` options; a `TypeError` or
 * `RangeError` only for options of the wrong type or range).
 *
 * @example
 * const [best] = await searchCitations("cleantech");
 * console.log(`¶${best?.paragraph} ${best?.quote}`);
 */
export async function searchCitations(query: string, options?: SearchOptions | null): Promise<CitationHit[]> {
  return (await loadDefaultSearchIndex()).searchCitations(query, options);
}
