import { closeSync, constants, fstatSync, openSync, readSync, renameSync, type Stats } from "node:fs";
import { homedir } from "node:os";
import { isAbsolute, join } from "node:path";
import { writeFileAtomicSync } from "@newind/cache";
import { escapeControl } from "@newind/core/text";

/** At most this many entries are kept; the oldest go first. */
export const HISTORY_LIMIT = 500;

/** An entry is kept to this many characters: recalling a pasted book with ↑ helps nobody. */
export const MAX_ENTRY_LENGTH = 10_000;

/** A history file bigger than this is not a history newind wrote (500 × 10,000 characters fit). */
const MAX_HISTORY_BYTES = 32 * 1024 * 1024;

/**
 * The directory for newind's state: `$XDG_STATE_HOME/newind`, or `~/.local/state/newind`
 * (the XDG spec says a relative `XDG_STATE_HOME` must be ignored).
 */
export function stateDirectory(env: NodeJS.ProcessEnv): string {
  const base = env.XDG_STATE_HOME;
  const root = base && isAbsolute(base) ? base : join(env.HOME || homedir(), ".local", "state");
  return join(root, "newind");
}

/** What loading found. */
export interface LoadedHistory {
  readonly entries: string[];
  /** When the file could not be read as history: where it was moved. */
  readonly setAside?: string;
  /**
   * When the history cannot be used at all (the path is a named pipe or a device, or the
   * file is too big to be one): why, in a sentence to show once. Nothing is written then.
   */
  readonly problem?: string;
}

/** What {@link readHistoryFile} found: the text, nothing (no file), or why it cannot be read. */
type HistoryRead = { text: string } | { missing: true } | { problem: string };

/**
 * Reads the history file without ever blocking: it is opened non-blocking and checked on
 * the descriptor, so a named pipe (which would wait for a writer for ever) or a device
 * (`/dev/zero`, which never ends) is refused, and no more than {@link MAX_HISTORY_BYTES}
 * is read.
 */
function readHistoryFile(path: string): HistoryRead {
  let descriptor: number;
  try {
    descriptor = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return { missing: true };
    return { problem: `cannot be read (${describeError(error)})` };
  }
  try {
    const info = fstatSync(descriptor);
    if (!info.isFile()) return { problem: `is not a regular file (${kindOf(info)})` };
    if (info.size > MAX_HISTORY_BYTES) return { problem: "is too big to be a history" };
    const buffer = Buffer.allocUnsafe(Math.min(MAX_HISTORY_BYTES + 1, info.size + 1));
    let length = 0;
    for (;;) {
      const count = readSync(descriptor, buffer, length, buffer.length - length, null);
      if (count === 0) break;
      length += count;
      if (length >= buffer.length) return { problem: "is too big to be a history" };
    }
    return { text: buffer.toString("utf8", 0, length) };
  } catch (error) {
    return { problem: `cannot be read (${describeError(error)})` };
  } finally {
    closeSync(descriptor);
  }
}

function kindOf(info: Stats): string {
  if (info.isFIFO()) return "a named pipe";
  if (info.isCharacterDevice() || info.isBlockDevice()) return "a device";
  if (info.isSocket()) return "a socket";
  if (info.isDirectory()) return "a folder";
  return "not a file";
}

function describeError(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "ENOSPC") return "no space left on the device";
  if (code === "EROFS") return "a read-only file system";
  return escapeControl(String(message).replace(/\s+/g, " "));
}

/**
 * The input history, persisted as JSON `{version: 1, entries: [...]}` (oldest first).
 * Writes go to a temporary file that is renamed over the old one, so a crash never leaves a
 * half-written history; a file that does not parse is renamed aside, never overwritten.
 */
export class HistoryStore {
  readonly path: string;
  /** Why the last {@link save} failed (undefined after one that worked, or when loading already said why). */
  lastError: string | undefined;
  /** Set when loading found a path that is no history file: nothing is written to it. */
  private unusable = false;

  constructor(path: string) {
    this.path = path;
  }

  /** The store under {@link stateDirectory}. */
  static forEnvironment(env: NodeJS.ProcessEnv): HistoryStore {
    return new HistoryStore(join(stateDirectory(env), "history.json"));
  }

  /** Reads the history; a missing file is an empty history. Never throws, never blocks. */
  load(now: Date = new Date()): LoadedHistory {
    const read = readHistoryFile(this.path);
    if ("missing" in read) return { entries: [] };
    if ("problem" in read) {
      this.unusable = true;
      return {
        entries: [],
        problem: `The history file ${escapeControl(this.path)} ${read.problem}; this session's questions will not be kept.`,
      };
    }
    const entries = parseHistory(read.text);
    if (entries) return { entries: entries.slice(-HISTORY_LIMIT).map(capEntry) };
    const aside = `${this.path}.corrupt-${now.toISOString().replace(/[:.]/g, "-")}`;
    try {
      renameSync(this.path, aside);
      return { entries: [], setAside: aside };
    } catch {
      return { entries: [] };
    }
  }

  /**
   * Writes `entries` (the last {@link HISTORY_LIMIT}) atomically. Returns false when it
   * could not, with the reason in {@link lastError}.
   */
  save(entries: readonly string[]): boolean {
    // Loading said why (LoadedHistory.problem): no second notice for each question.
    if (this.unusable) return false;
    try {
      const body = `${JSON.stringify({ version: 1, entries: entries.slice(-HISTORY_LIMIT) }, null, 1)}\n`;
      writeFileAtomicSync(this.path, body);
      this.lastError = undefined;
      return true;
    } catch (error) {
      this.lastError = `cannot write ${escapeControl(this.path)} (${describeError(error)})`;
      return false;
    }
  }
}

/** The entries of a history file's text, or undefined when it is not one. */
function parseHistory(text: string): string[] | undefined {
  try {
    const value = JSON.parse(text) as unknown;
    if (
      typeof value === "object" &&
      value !== null &&
      Array.isArray((value as { entries?: unknown }).entries) &&
      (value as { entries: unknown[] }).entries.every((entry) => typeof entry === "string")
    ) {
      return (value as { entries: string[] }).entries;
    }
  } catch {
    // not JSON
  }
  return undefined;
}

function capEntry(entry: string): string {
  if (entry.length <= MAX_ENTRY_LENGTH) return entry;
  const code = entry.charCodeAt(MAX_ENTRY_LENGTH - 1);
  return entry.slice(0, code >= 0xd800 && code <= 0xdbff ? MAX_ENTRY_LENGTH - 1 : MAX_ENTRY_LENGTH);
}

/** The notice shown, once a session, when the history could not be saved. */
export function unsavedHistoryNotice(store: HistoryStore): string {
  return `The input history could not be saved (${store.lastError ?? "unknown reason"}); this session's questions are kept only until you quit.`;
}

/**
 * Adds `text` to the history on disk: re-reads the file first, so two chats running at once
 * both keep their questions (the last writer no longer wins). Returns the entries written.
 */
export function appendToStore(store: HistoryStore, text: string, fallback: readonly string[]): string[] {
  const current = readQuietly(store) ?? fallback;
  const next = addToHistory(current, text);
  store.save(next);
  return next;
}

// The file's entries when it is a valid history; undefined otherwise (never sets it aside:
// only a start-up load does that, where the user is told).
function readQuietly(store: HistoryStore): string[] | undefined {
  const read = readHistoryFile(store.path);
  return "text" in read ? parseHistory(read.text) : undefined;
}

/** Appends `text` (cut to {@link MAX_ENTRY_LENGTH} characters) unless it repeats the newest entry. */
export function addToHistory(entries: readonly string[], text: string): string[] {
  const trimmed = capEntry(text.trim());
  if (trimmed === "" || entries[entries.length - 1] === trimmed) return [...entries];
  return [...entries, trimmed].slice(-HISTORY_LIMIT);
}
