import { createHash, randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import { dirname, isAbsolute, join } from "node:path";

/**
 * The folder newind caches into: `$XDG_CACHE_HOME/newind`, or `~/.cache/newind` when
 * `XDG_CACHE_HOME` is unset, empty or relative (as the XDG spec says to treat it).
 * Never one of the user's corpus folders.
 */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env.XDG_CACHE_HOME;
  const base = xdg && isAbsolute(xdg) ? xdg : join(env.HOME || homedir(), ".cache");
  return join(base, "newind");
}

/** The first line of a cache file; the payload follows on the second. */
interface CacheHeader {
  format: "newind-cache";
  version: 1;
  /** What the payload is for: a reader asks for one key and takes nothing else. */
  key: string;
  /** sha256 of the payload: a file cut short or altered is never used. */
  sha256: string;
}

/** What {@link readCacheFile} found: the payload, or why there is none (nothing for a first run). */
export interface CacheRead {
  payload?: string;
  problem?: string;
}

/**
 * Reads a cache file written by {@link writeCacheFile} for `key`. Returns the payload
 * only when the header parses, names this key, and the payload's checksum matches; a
 * missing file is `{}`, anything else is `{problem}` (the caller rebuilds).
 */
export async function readCacheFile(file: string, key: string): Promise<CacheRead> {
  let content: Buffer;
  try {
    content = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // No cache yet is the normal first run, not a problem.
    if (code === "ENOENT" || code === "ENOTDIR") return {};
    return { problem: `cannot read ${file} (${(error as Error).message})` };
  }
  // Bytes, not a string: the payload is hashed as read and decoded once (files are megabytes).
  const newline = content.indexOf(0x0a);
  let header: Partial<CacheHeader> | null;
  try {
    header = JSON.parse(
      content.toString("utf8", 0, newline < 0 ? content.length : newline),
    ) as Partial<CacheHeader> | null;
  } catch {
    return { problem: `${file} is corrupt (no header)` };
  }
  if (header?.format !== "newind-cache" || header.version !== 1)
    return { problem: `${file} has another format` };
  if (header.key !== key) return { problem: `${file} is for another corpus or version` };
  const payload = newline < 0 ? Buffer.alloc(0) : content.subarray(newline + 1);
  if (sha256(payload) !== header.sha256) return { problem: `${file} is corrupt (checksum mismatch)` };
  // Mark it recently used, so pruning keeps it; a failure here does not matter.
  const now = new Date();
  await utimes(file, now, now).catch(() => {});
  return { payload: payload.toString("utf8") };
}

/**
 * Writes `payload` for `key` to `file` atomically: into a temporary file beside it, then
 * renamed into place, so readers see the old file or the new one, never half of one.
 * Then keeps only the `keep` most recently used files of the same prefix in the folder.
 *
 * @returns undefined, or why the file could not be written (the caller carries on without it).
 */
export async function writeCacheFile(
  file: string,
  key: string,
  payload: string,
  prune: { prefix: string; keep: number },
): Promise<string | undefined> {
  const header: CacheHeader = { format: "newind-cache", version: 1, key, sha256: sha256(payload) };
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  try {
    await mkdir(dirname(file), { recursive: true, mode: 0o700 });
    await writeFile(temporary, `${JSON.stringify(header)}\n${payload}`, { mode: 0o600 });
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => {});
    return `cannot write the cache file ${file} (${(error as Error).message})`;
  }
  await pruneCacheFiles(dirname(file), file, prune).catch(() => {});
  return undefined;
}

async function pruneCacheFiles(
  dir: string,
  current: string,
  { prefix, keep }: { prefix: string; keep: number },
) {
  const names = (await readdir(dir)).filter(
    (name) => name.startsWith(prefix) && /\.json(?:\.\d+\.[0-9a-f]+\.tmp)?$/.test(name),
  );
  const entries = await Promise.all(
    names.map(async (name) => {
      const path = join(dir, name);
      const info = await stat(path).catch(() => undefined);
      return { path, name, mtime: info?.mtimeMs ?? 0 };
    }),
  );
  // Another process may be writing a temporary right now: only old ones are strays.
  const hourAgo = Date.now() - 60 * 60 * 1000;
  const strays = entries.filter((entry) => entry.name.endsWith(".tmp") && entry.mtime < hourAgo);
  const old = entries
    .filter((entry) => !entry.name.endsWith(".tmp") && entry.path !== current)
    .sort((a, b) => b.mtime - a.mtime)
    .slice(keep - 1);
  await Promise.all([...strays, ...old].map((entry) => rm(entry.path, { force: true })));
}

/** sha256 of a string (as UTF-8) or of bytes, as hex. */
export function sha256(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}
