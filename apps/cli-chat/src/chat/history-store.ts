import { mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, isAbsolute, join } from "node:path";

/** At most this many entries are kept; the oldest go first. */
export const HISTORY_LIMIT = 500;

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
}

/**
 * The input history, persisted as JSON `{version: 1, entries: [...]}` (oldest first).
 * Writes go to a temporary file that is renamed over the old one, so a crash never leaves a
 * half-written history; a file that does not parse is renamed aside, never overwritten.
 */
export class HistoryStore {
  readonly path: string;

  constructor(path: string) {
    this.path = path;
  }

  /** The store under {@link stateDirectory}. */
  static forEnvironment(env: NodeJS.ProcessEnv): HistoryStore {
    return new HistoryStore(join(stateDirectory(env), "history.json"));
  }

  /** Reads the history; a missing file is an empty history. Never throws. */
  load(now: Date = new Date()): LoadedHistory {
    let text: string;
    try {
      text = readFileSync(this.path, "utf8");
    } catch {
      return { entries: [] };
    }
    try {
      const value = JSON.parse(text) as unknown;
      if (
        typeof value === "object" &&
        value !== null &&
        Array.isArray((value as { entries?: unknown }).entries) &&
        (value as { entries: unknown[] }).entries.every((entry) => typeof entry === "string")
      ) {
        return { entries: (value as { entries: string[] }).entries.slice(-HISTORY_LIMIT) };
      }
    } catch {
      // fall through: not JSON
    }
    const aside = `${this.path}.corrupt-${now.toISOString().replace(/[:.]/g, "-")}`;
    try {
      renameSync(this.path, aside);
      return { entries: [], setAside: aside };
    } catch {
      return { entries: [] };
    }
  }

  /** Writes `entries` (the last {@link HISTORY_LIMIT}) atomically. Returns false when it could not. */
  save(entries: readonly string[]): boolean {
    const temporary = `${this.path}.${process.pid}.${Date.now().toString(36)}.tmp`;
    try {
      mkdirSync(dirname(this.path), { recursive: true, mode: 0o700 });
      const body = `${JSON.stringify({ version: 1, entries: entries.slice(-HISTORY_LIMIT) }, null, 1)}\n`;
      writeFileSync(temporary, body, { encoding: "utf8", mode: 0o600 });
      renameSync(temporary, this.path);
      return true;
    } catch {
      try {
        unlinkSync(temporary);
      } catch {
        // nothing to clean up
      }
      return false;
    }
  }
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
  try {
    const value = JSON.parse(readFileSync(store.path, "utf8")) as { entries?: unknown };
    if (Array.isArray(value.entries) && value.entries.every((entry) => typeof entry === "string")) {
      return value.entries as string[];
    }
  } catch {
    // missing or unreadable: fall back
  }
  return undefined;
}

/** Appends `text` unless it repeats the newest entry. */
export function addToHistory(entries: readonly string[], text: string): string[] {
  const trimmed = text.trim();
  if (trimmed === "" || entries[entries.length - 1] === trimmed) return [...entries];
  return [...entries, trimmed].slice(-HISTORY_LIMIT);
}
