import type { Store } from "@newind/cache";
import type { Corpus } from "@newind/core";
import { escapeControl } from "@newind/core/text";
import type { SearchIndex } from "@newind/search";

/** What {@link loadSearchIndex} did, for `--debug`-style reporting and tests. */
export type IndexSource =
  /** The built-in corpus alone: the index `@newind/search`'s build stored in its package. */
  | "prebuilt"
  /** Read from the user's store (`$XDG_CACHE_HOME/newind`). */
  | "cache"
  /** Not in the store yet: built and stored. */
  | "built"
  /** The store's entry was corrupt, stale or unreadable: built again and stored anew. */
  | "rebuilt";

/** Options of {@link loadSearchIndex}. */
export interface LoadSearchIndexOptions {
  /** Where `XDG_CACHE_HOME` and `HOME` are read from. Default `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** The store; default the user's, `openStore(userCacheDir(env))`. */
  store?: Store;
  /** Told once what happened, and why when the cache was rebuilt or could not be written. */
  onReport?: (report: IndexReport) => void;
}

/** What {@link LoadSearchIndexOptions.onReport} is told. */
export interface IndexReport {
  source: IndexSource;
  /** The store's entry used or written (a file), when there is one. */
  file?: string;
  /** For `rebuilt`: why the entry was not trusted. */
  staleReason?: string;
  /** Why the new entry could not be written (the index still works, built in memory). */
  writeError?: string;
}

/**
 * The search index a command should use for `corpus` — the one call for `ask`, `search`
 * and `chat`:
 *
 * - the built-in corpus alone: the index `@newind/search`'s build stored in its package;
 * - otherwise (user folders): the index in the user's store (`@newind/cache`, under
 *   `$XDG_CACHE_HOME/newind`), keyed by the corpus hash, its datasets and the index format
 *   version, so a changed, added or removed file means another entry and a build. An entry
 *   is used only when its header and checksum hold and `@newind/search` finds it fits the
 *   corpus (format, corpus hash, datasets, sentence count); anything else is built again and
 *   stored anew, never trusted. Writes are atomic, so a crash never leaves half an entry. A
 *   store that cannot be written (read-only home) is reported and the built index is used.
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
  // Imported here, not at the top: the chat loads this module before its first frame.
  const [search, { openStore, userCacheDir }] = await Promise.all([
    import("@newind/search"),
    import("@newind/cache"),
  ]);
  const report = options.onReport ?? (() => {});
  // The entry is keyed by the corpus hash and datasets: only the built-in corpus alone is in the package's store.
  const prebuilt = await search.readSearchIndex(search.prebuiltIndexStore(), corpus);
  if (prebuilt.status === "hit") {
    report({ source: "prebuilt" });
    return prebuilt.value;
  }
  const store = options.store ?? openStore(userCacheDir(options.env));
  const cached = await search.readSearchIndex(store, corpus);
  if (cached.status === "hit") {
    report({ source: "cache", file: cached.location });
    return cached.value;
  }
  const index = await search.createSearchIndex(corpus);
  const written = await search.writeSearchIndex(store, index);
  const result: IndexReport = {
    source: cached.status === "miss" ? "built" : "rebuilt",
    file: written.location,
  };
  if (cached.status === "invalid") result.staleReason = cached.problem;
  if (written.problem !== undefined)
    result.writeError = `${written.problem}; the index is rebuilt on every run`;
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
        stderr.write(`newind: index: ${report.source}${detail ? ` ${escapeControl(detail)}` : ""}\n`);
      }
      if (report.writeError) stderr.write(`newind: warning: ${escapeControl(report.writeError)}\n`);
    },
  };
}
