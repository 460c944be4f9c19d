import { createHash, randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import { isAbsolute, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Corpus } from "@newind/core";
import type { SearchIndex } from "@newind/search";

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

/** The first line of a cache file; the serialised index follows on the second. */
interface CacheHeader {
  format: "newind-index-cache";
  version: 1;
  corpusHash: string;
  /**
   * sha256 of the curated datasets and the search format version: the index's query
   * expansions come from the datasets, which `Corpus.hash` does not cover.
   */
  contextHash: string;
  /** sha256 of the payload line: a file cut short or altered is never loaded. */
  sha256: string;
}

const CACHE_FORMAT = "newind-index-cache";
/** How many cache files to keep: enough for someone switching between a few folder sets. */
const KEEP_CACHE_FILES = 8;

/**
 * The folder the index cache lives in: `$XDG_CACHE_HOME/newind`, or `~/.cache/newind`
 * when `XDG_CACHE_HOME` is unset, empty or relative (as the XDG spec says to treat it).
 */
export function indexCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env.XDG_CACHE_HOME;
  const base = xdg && isAbsolute(xdg) ? xdg : join(env.HOME || homedir(), ".cache");
  return join(base, "newind");
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

  const cacheDir = options.cacheDir ?? indexCacheDir(options.env);
  const file = indexCacheFile(corpus, cacheDir);
  const contextHash = sha256(`${search.INDEX_FORMAT_VERSION}\n${JSON.stringify(corpus.datasets)}`);
  const cached = await readCache(file, corpus, contextHash, search.loadSearchIndex);
  if (cached.index) {
    // Mark it recently used, so pruning keeps it; a failure here does not matter.
    const now = new Date();
    await utimes(file, now, now).catch(() => {});
    report({ source: "cache", file });
    return cached.index;
  }
  const index = await search.createSearchIndex(corpus);
  const writeError = await writeCache(file, { corpusHash: corpus.hash, contextHash }, index);
  const result: IndexReport = { source: cached.problem === undefined ? "built" : "rebuilt", file };
  if (cached.problem !== undefined) result.staleReason = cached.problem;
  if (writeError !== undefined) result.writeError = writeError;
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
  const { DEFAULT_CORPUS_DIR } = await import("@newind/data");
  const builtInDir = fileURLToPath(DEFAULT_CORPUS_DIR);
  return (
    corpus.documents.length > 0 &&
    corpus.documents.every((document) => document.path?.startsWith(builtInDir) === true)
  );
}

type LoadStored = (corpus: Corpus, data: string) => SearchIndex;

async function readCache(
  file: string,
  corpus: Corpus,
  contextHash: string,
  load: LoadStored,
): Promise<{ index?: SearchIndex; problem?: string }> {
  let content: string;
  try {
    content = await readFile(file, "utf8");
  } catch (error) {
    // No cache yet is the normal first run, not a problem.
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return {};
    return { problem: `cannot read ${file} (${(error as Error).message})` };
  }
  const newline = content.indexOf("\n");
  let header: Partial<CacheHeader>;
  try {
    header = JSON.parse(newline < 0 ? content : content.slice(0, newline)) as Partial<CacheHeader>;
  } catch {
    return { problem: `${file} is corrupt (no header)` };
  }
  if (header?.format !== CACHE_FORMAT || header.version !== 1)
    return { problem: `${file} has another format` };
  if (header.corpusHash !== corpus.hash) return { problem: `${file} is for another corpus` };
  if (header.contextHash !== contextHash)
    return { problem: `${file} was built with other datasets or search version` };
  const payload = newline < 0 ? "" : content.slice(newline + 1);
  if (sha256(payload) !== header.sha256) return { problem: `${file} is corrupt (checksum mismatch)` };
  try {
    // Checks the search format version and corpus hash again, and parses the index.
    return { index: load(corpus, payload) };
  } catch (error) {
    return { problem: `${file} cannot be loaded (${(error as Error).message})` };
  }
}

async function writeCache(
  file: string,
  keys: Pick<CacheHeader, "corpusHash" | "contextHash">,
  index: SearchIndex,
): Promise<string | undefined> {
  const payload = JSON.stringify(index.toJSON());
  const header: CacheHeader = { format: CACHE_FORMAT, version: 1, ...keys, sha256: sha256(payload) };
  const dir = join(file, "..");
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    await writeFile(temporary, `${JSON.stringify(header)}\n${payload}`, { mode: 0o600 });
    // rename() replaces the old file in one step: readers see the old cache or the new, never half of one.
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => {});
    return `cannot write the index cache ${file} (${(error as Error).message}); the index is rebuilt on every run`;
  }
  await pruneCache(dir, file).catch(() => {});
  return undefined;
}

/** Keeps the {@link KEEP_CACHE_FILES} most recently used cache files; removes older ones and stray temporaries. */
async function pruneCache(dir: string, keep: string): Promise<void> {
  const names = (await readdir(dir)).filter((name) =>
    /^index-[0-9a-f]+\.json(?:\.\d+\.[0-9a-f]+\.tmp)?$/.test(name),
  );
  const entries = await Promise.all(
    names.map(async (name) => {
      const path = join(dir, name);
      const info = await stat(path).catch(() => undefined);
      return { path, name, mtime: info?.mtimeMs ?? 0 };
    }),
  );
  const hourAgo = Date.now() - 60 * 60 * 1000;
  // Another process may be writing a temporary right now: only old ones are strays.
  const strays = entries.filter((entry) => entry.name.endsWith(".tmp") && entry.mtime < hourAgo);
  const caches = entries
    .filter((entry) => !entry.name.endsWith(".tmp") && entry.path !== keep)
    .sort((a, b) => b.mtime - a.mtime)
    .slice(KEEP_CACHE_FILES - 1);
  await Promise.all([...strays, ...caches].map((entry) => rm(entry.path, { force: true })));
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
