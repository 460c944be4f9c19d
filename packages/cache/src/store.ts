import { readdir, readFile, rm, stat, utimes } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { writeFileAtomic } from "./atomic-write.js";
import { checkEntry, type StoreEntry, sha256Hex } from "./store-key.js";

/**
 * Turns a stored payload back into the artefact, checking it against the inputs it claims
 * to be derived from (the documents' texts, the corpus's hash, the sentence count…).
 * Returns undefined — or throws — when it does not fit: the store then reports the entry
 * as invalid and the caller derives the artefact again.
 */
export type Decode<T> = (payload: string) => T | undefined | Promise<T | undefined>;

/** What {@link Store.read} found. */
export type StoreRead<T> =
  /** The artefact, decoded and verified. */
  | { readonly status: "hit"; readonly value: T; readonly location: string }
  /** Nothing is stored under the entry (the normal first run). */
  | { readonly status: "miss"; readonly location: string }
  /** Something is stored but cannot be used: unreadable, cut short, altered, or not fitting its inputs. */
  | { readonly status: "invalid"; readonly location: string; readonly problem: string };

/** What {@link Store.write} did: where the entry is, and why it could not be written, if it could not. */
export interface StoreWrite {
  readonly location: string;
  /** Set when nothing was written (a read-only home, a full disk): the caller carries on without it. */
  readonly problem?: string;
}

/**
 * A content-addressed store of derived artefacts (parsed documents, snapshots, search indexes,
 * sentence vectors). Entries are named by the hash of what they are derived from (see
 * {@link storeEntry}), so a changed input is another entry, never a stale one.
 */
export interface Store {
  /** Where the entries are (a folder), for messages. */
  readonly location: string;
  /** Where one entry is (a file), for messages. */
  locate(entry: StoreEntry): string;
  /**
   * The artefact stored under `entry`, decoded and verified by `decode`; never throws for
   * what is or is not on disk (only for an entry that is not one: a `TypeError`).
   */
  read<T>(entry: StoreEntry, decode: Decode<T>): Promise<StoreRead<T>>;
  /**
   * Stores `payload` under `entry`, atomically (readers see the old entry or the new one,
   * never part of one), then applies the eviction rule. Never throws for the disk's sake.
   */
  write(entry: StoreEntry, payload: string): Promise<StoreWrite>;
}

/** Options of {@link openStore}. */
export interface OpenStoreOptions {
  /**
   * The eviction rule: after a write, only the `keep` most recently used entries of the
   * written kind stay (reading an entry counts as using it). Default {@link KEEP_PER_KIND}.
   */
  keep?: number;
  /**
   * A store shipped inside a package (the build's snapshots): read, never written, and
   * reading does not touch the files.
   */
  readOnly?: boolean;
}

/** How many entries of each kind a store keeps: enough for someone switching between a few folder sets. */
export const KEEP_PER_KIND = 8;

/** A temporary file older than this is a stray from a process that died mid-write. */
const STRAY_AGE_MS = 60 * 60 * 1000;

/** The first line of an entry's file; the payload follows on the second. */
interface EntryHeader {
  format: "newind-store";
  version: 1;
  /** The entry the payload was written for: a file copied to another name is refused. */
  kind: string;
  key: string;
  /** The payload's length in bytes (a file cut short is refused before it is hashed). */
  bytes: number;
  /** The payload's sha256 (a file altered is refused before it is decoded). */
  sha256: string;
}

/**
 * Opens the store in folder `dir` (created on the first write). Each entry is one file,
 * `<kind>-<key>.json`: a header line (format, the entry's kind and key, the payload's length
 * and sha256) and the payload. Reading checks all of these, then hands the payload to the
 * caller's `decode`, which checks the content against its inputs; anything that fails is
 * reported as `invalid`, never returned.
 *
 * @example
 * const store = openStore(userCacheDir());
 * const entry = storeEntry("index", { code: "search-index@2", inputs: [corpus.hash] });
 * const read = await store.read(entry, (payload) => loadSearchIndex(corpus, payload));
 * if (read.status !== "hit") await store.write(entry, JSON.stringify(index));
 */
export function openStore(dir: string | URL, options: OpenStoreOptions = {}): Store {
  const folder = typeof dir === "string" ? dir : fileURLToPath(dir);
  const keep = options.keep ?? KEEP_PER_KIND;
  if (!(keep >= 1)) throw new RangeError("openStore: keep must be at least 1");
  const readOnly = options.readOnly ?? false;
  const locate = (entry: StoreEntry) => {
    checkEntry(entry);
    return join(folder, `${entry.kind}-${entry.key}.json`);
  };
  return {
    location: folder,
    locate,
    async read<T>(entry: StoreEntry, decode: Decode<T>): Promise<StoreRead<T>> {
      const location = locate(entry);
      let content: Buffer;
      try {
        content = await readFile(location);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === "ENOENT" || code === "ENOTDIR") return { status: "miss", location };
        return { status: "invalid", location, problem: `cannot read ${location} (${messageOf(error)})` };
      }
      const payload = checkedPayload(content, entry);
      if (typeof payload === "string") {
        return { status: "invalid", location, problem: `${location} ${payload}` };
      }
      let value: T | undefined;
      try {
        value = await decode(payload.toString("utf8"));
      } catch (error) {
        return { status: "invalid", location, problem: `${location} cannot be loaded (${messageOf(error)})` };
      }
      if (value === undefined) {
        return { status: "invalid", location, problem: `${location} does not fit its inputs` };
      }
      // Mark it recently used, for the eviction rule; not awaited: a failure changes nothing.
      if (!readOnly) {
        const now = new Date();
        utimes(location, now, now).catch(() => undefined);
      }
      return { status: "hit", value, location };
    },
    async write(entry: StoreEntry, payload: string): Promise<StoreWrite> {
      const location = locate(entry);
      if (readOnly) return { location, problem: `${folder} is a read-only store` };
      const body = Buffer.from(payload, "utf8");
      const header: EntryHeader = {
        format: "newind-store",
        version: 1,
        kind: entry.kind,
        key: entry.key,
        bytes: body.length,
        sha256: sha256Hex(body),
      };
      try {
        await writeFileAtomic(location, Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), body]));
      } catch (error) {
        return { location, problem: `cannot write ${location} (${messageOf(error)})` };
      }
      await evict(folder, entry.kind, location, keep).catch(() => undefined);
      return { location };
    },
  };
}

/** The payload of an entry's file when its header is sound and names `entry`, else why not. */
function checkedPayload(content: Buffer, entry: StoreEntry): Buffer | string {
  const newline = content.indexOf(0x0a);
  if (newline < 0) return "is corrupt (no header)";
  let header: Partial<EntryHeader> | null;
  try {
    header = JSON.parse(content.toString("utf8", 0, newline)) as Partial<EntryHeader> | null;
  } catch {
    return "is corrupt (no header)";
  }
  if (header?.format !== "newind-store" || header.version !== 1) return "has another format";
  if (header.kind !== entry.kind || header.key !== entry.key) return "was written for another entry";
  const payload = content.subarray(newline + 1);
  if (header.bytes !== payload.length) return "is corrupt (cut short or grown)";
  if (header.sha256 !== sha256Hex(payload)) return "is corrupt (checksum mismatch)";
  return payload;
}

/**
 * The one eviction rule: of the entries of `kind`, only the `keep` most recently used stay
 * (the one just written among them); temporary files older than an hour are strays of a
 * process that died mid-write.
 */
async function evict(folder: string, kind: string, current: string, keep: number): Promise<void> {
  const prefix = `${kind}-`;
  const pattern = /^[a-z0-9-]+-[0-9a-f]{64}\.json(?:\.\d+\.[0-9a-f]+\.tmp)?$/;
  const names = (await readdir(folder)).filter((name) => pattern.test(name));
  const entries = await Promise.all(
    names.map(async (name) => {
      const path = join(folder, name);
      const info = await stat(path).catch(() => undefined);
      return { path, name, mtime: info?.mtimeMs ?? 0 };
    }),
  );
  const strayBefore = Date.now() - STRAY_AGE_MS;
  const strays = entries.filter((entry) => entry.name.endsWith(".tmp") && entry.mtime < strayBefore);
  const old = entries
    .filter(
      (entry) => entry.name.startsWith(prefix) && !entry.name.endsWith(".tmp") && entry.path !== current,
    )
    .filter((entry) => /^[0-9a-f]{64}\.json$/.test(entry.name.slice(prefix.length)))
    .sort((a, b) => b.mtime - a.mtime)
    .slice(keep - 1);
  await Promise.all([...strays, ...old].map((entry) => rm(entry.path, { force: true })));
}

function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\s+/g, " ");
}
