import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Corpus } from "@newind/core";
import type { SearchIndex } from "@newind/search";
import { cacheDir, readCacheFile, sha256, writeCacheFile } from "./cache-file.js";

/** What {@link loadSearchIndex} did, for `--debug`-style reporting and tests. */
export type IndexSource =
  /** The built-in corpus alone: `@newind/search`'s prebuilt index. */
  | "prebuilt"
  /** Read from the cache file for this corpus hash. */
  | "cache"
  /** No cache file for this corpus yet: built and written. */
  | "built"
  /** The cache file was corrupt, stale or unreadable: built again and rewritten. */
  | "rebuilt";

/** Options of {@link loadSearchIndex}. */
export interface LoadSearchIndexOptions {
  /** Where `XDG_CACHE_HOME` and `HOME` are read from. Default `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** The cache folder; default {@link indexCacheDir}`(env)`. */
  cacheDir?: string;
  /** Told once what happened, and why when the cache was rebuilt or could not be written. */
  onReport?: (report: IndexReport) => void;
}

/** What {@link LoadSearchIndexOptions.onReport} is told. */
export interface IndexReport {
  source: IndexSource;
  /** The cache file used, when there is one. */
  file?: string;
  /** For `rebuilt`: why the cache file was not trusted. */
  staleReason?: string;
  /** Why the new cache file could not be written (the index still works, built in memory). */
  writeError?: string;
}

/** How many index files to keep: enough for someone switching between a few folder sets. */
const KEEP_CACHE_FILES = 8;

/**
 * The folder the index cache lives in: `$XDG_CACHE_HOME/newind`, or `~/.cache/newind`
 * when `XDG_CACHE_HOME` is unset, empty or relative (as the XDG spec says to treat it).
 */
export function indexCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return cacheDir(env);
}

/** The cache file for a corpus: one per {@link Corpus.hash}, which covers every document's content. */
export function indexCacheFile(corpus: Pick<Corpus, "hash">, cacheDir: string): string {
  return join(cacheDir, `index-${corpus.hash}.json`);
}

/**
 * The search index a command should use for `corpus` — the one call for `ask`, `search`
 * and `chat`:
 *
 * - the built-in corpus alone: `@newind/search`'s prebuilt index (`loadDefaultSearchIndex`);
 * - otherwise (user folders): the index cached under `$XDG_CACHE_HOME/newind` (default
 *   `~/.cache/newind`) in a file named by the corpus hash, so a changed, added or removed
 *   file means another key and a rebuild. A cache file is used only when its header,
 *   its checksum, its format version and its corpus hash all match and it parses; anything
 *   else is rebuilt and overwritten, never trusted. Writes go to a temporary file that is
 *   renamed into place, so a crash never leaves a half-written cache. A cache that cannot
 *   be written (read-only home) is reported and the built index is used anyway.
 *
 * Nothing is written into the user's folders.
 *
 * @example
 * const corpus = await context.loadCorpus();
 * const index = await loadSearchIndex(corpus);
 * index.searchCitations("local protectionism", { limit: 5 });
 */
export async function loadSearchIndex(
  corpus: Corpus,
  options: LoadSearchIndexOptions = {},
): Promise<SearchIndex> {
  const search = await import("@newind/search");
  const report = options.onReport ?? (() => {});
  if (await isBuiltInCorpusAlone(corpus)) {
    const index = await search.loadDefaultSearchIndex();
    // The prebuilt index is for the built-in corpus as this process loaded it; anything else is built.
    if (index.corpus.hash === corpus.hash) {
      report({ source: "prebuilt" });
      return index;
    }
  }

  const file = indexCacheFile(corpus, options.cacheDir ?? cacheDir(options.env));
  // The index's query expansions come from the curated datasets, which Corpus.hash does
  // not cover, and its layout from the search format version: both are part of the key.
  const key = `${corpus.hash}:${sha256(`${search.INDEX_FORMAT_VERSION}\n${JSON.stringify(corpus.datasets)}`)}`;
  const cached = await readCacheFile(file, key);
  let staleReason = cached.problem;
  if (cached.payload !== undefined) {
    try {
      // Checks the search format version and corpus hash again, and parses the index.
      const index = search.loadSearchIndex(corpus, cached.payload);
      report({ source: "cache", file });
      return index;
    } catch (error) {
      staleReason = `${file} cannot be loaded (${(error as Error).message})`;
    }
  }
  const index = await search.createSearchIndex(corpus);
  const writeError = await writeCacheFile(file, key, JSON.stringify(index.toJSON()), {
    prefix: "index-",
    keep: KEEP_CACHE_FILES,
  });
  const result: IndexReport = { source: staleReason === undefined ? "built" : "rebuilt", file };
  if (staleReason !== undefined) result.staleReason = staleReason;
  if (writeError !== undefined) result.writeError = `${writeError}; the index is rebuilt on every run`;
  report(result);
  return index;
}

/**
 * The {@link LoadSearchIndexOptions} for a command: the command's environment, and a
 * reporter that prints a cache that cannot be written as one warning line on `stderr`
 * (a rebuilt corrupt cache is not worth one); with `NEWIND_DEBUG` set, where the index
 * came from is printed too.
 *
 * @example
 * const index = await loadSearchIndex(await context.loadCorpus(), commandIndexOptions(context));
 */
export function commandIndexOptions(context: {
  env: NodeJS.ProcessEnv;
  stderr: NodeJS.WritableStream;
}): LoadSearchIndexOptions {
  const { env, stderr } = context;
  return {
    env,
    onReport: (report) => {
      if (env.NEWIND_DEBUG) {
        const detail = [report.file, report.staleReason].filter(Boolean).join(": ");
        stderr.write(`newind: index: ${report.source}${detail ? ` ${detail}` : ""}\n`);
      }
      if (report.writeError) stderr.write(`newind: warning: ${report.writeError}\n`);
    },
  };
}

/**
 * Returns a memoised `() => Promise<SearchIndex>` over a command's corpus loader: what a
 * command context can carry next to `loadCorpus`, so `ask`, `search` and `chat` share
 * one index per process.
 */
export function createSearchIndexLoader(
  loadCorpus: () => Promise<Corpus>,
  context: { env: NodeJS.ProcessEnv; stderr: NodeJS.WritableStream },
): () => Promise<SearchIndex> {
  let loading: Promise<SearchIndex> | undefined;
  return () => {
    loading ??= (async () => loadSearchIndex(await loadCorpus(), commandIndexOptions(context)))();
    return loading;
  };
}

async function isBuiltInCorpusAlone(corpus: Corpus): Promise<boolean> {
  const { DEFAULT_CORPUS_DIR } = await import("@newind/data/loaders");
  const builtInDir = resolve(fileURLToPath(DEFAULT_CORPUS_DIR));
  // In that folder itself: the primary collection lives in a subfolder of it.
  return (
    corpus.documents.length > 0 &&
    corpus.documents.every((document) => document.path !== undefined && dirname(document.path) === builtInDir)
  );
}
