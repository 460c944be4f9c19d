import {
  openStore,
  type Store,
  type StoreEntry,
  type StoreRead,
  type StoreWrite,
  storeEntry,
} from "@newind/cache";
import type { Corpus } from "@newind/core";
import {
  type CitationHit,
  createSearchIndex,
  datasetsHash,
  INDEX_FORMAT_VERSION,
  loadSearchIndex,
  type SearchIndex,
} from "./search-index.js";
import type { SearchOptions } from "./search-options.js";

/** The kind of a search index's entry in a store (`@newind/cache`). */
export const SEARCH_INDEX_KIND = "index";

/**
 * Where the index of `corpus` is kept in a store: keyed by the corpus hash, its curated
 * datasets (which feed expansions and ranking, and which the corpus hash leaves out) and
 * {@link INDEX_FORMAT_VERSION}, so any change to them is another entry.
 */
export function searchIndexEntry(corpus: Corpus): StoreEntry {
  return storeEntry(SEARCH_INDEX_KIND, {
    code: `search-index@${INDEX_FORMAT_VERSION}`,
    inputs: [corpus.hash, datasetsHash(corpus)],
  });
}

/**
 * The index of `corpus` from `store`, checked by {@link loadSearchIndex} (format version,
 * corpus hash, datasets, sentence count) before it is returned; a stale or corrupt entry
 * is `invalid`, never used.
 */
export function readSearchIndex(store: Store, corpus: Corpus): Promise<StoreRead<SearchIndex>> {
  return store.read(searchIndexEntry(corpus), (payload) => loadSearchIndex(corpus, payload));
}

/** Stores `index` in `store` under {@link searchIndexEntry} of its corpus (atomically; see `Store.write`). */
export function writeSearchIndex(store: Store, index: SearchIndex): Promise<StoreWrite> {
  return store.write(searchIndexEntry(index.corpus), JSON.stringify(index.toJSON()));
}

/**
 * The store shipped in this package (`dist/store/`, from `src/` too): the build's index of the
 * default corpus, found by {@link searchIndexEntry} of that corpus. Read-only.
 */
export function prebuiltIndexStore(): Store {
  return openStore(new URL("../dist/store/", import.meta.url), { readOnly: true });
}

/**
 * The index of `corpus` from `store` (by default this package's own, with the default
 * corpus's index from the build), or built when the store has none for it or what it has is
 * stale or corrupt — a stale index is never trusted. Nothing is written.
 *
 * @returns the index and whether it came from the store
 */
export async function loadOrBuildSearchIndex(
  corpus: Corpus,
  store: Store = prebuiltIndexStore(),
): Promise<{ index: SearchIndex; loaded: boolean }> {
  const read = await readSearchIndex(store, corpus);
  if (read.status === "hit") return { index: read.value, loaded: true };
  return { index: await createSearchIndex(corpus), loaded: false };
}

let defaultIndex: Promise<SearchIndex> | undefined;

/**
 * The index of `@newind/data`'s default corpus: the build's, from this package's store, when
 * it matches the corpus, else built on the spot. Loaded once per process.
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
