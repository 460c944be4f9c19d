import { spawnSync } from "node:child_process";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  addToHistory,
  appendToStore,
  HISTORY_LIMIT,
  HistoryStore,
  MAX_ENTRY_LENGTH,
  stateDirectory,
  unsavedHistoryNotice,
} from "./history-store.js";

const temporary = () => mkdtempSync(join(tmpdir(), "newind-history-"));

describe(stateDirectory, () => {
  it("uses $XDG_STATE_HOME/newind", () => {
    expect(stateDirectory({ XDG_STATE_HOME: "/state", HOME: "/home/u" })).toBe("/state/newind");
  });
  it("falls back to ~/.local/state/newind, ignoring a relative XDG_STATE_HOME", () => {
    expect(stateDirectory({ HOME: "/home/u" })).toBe("/home/u/.local/state/newind");
    expect(stateDirectory({ XDG_STATE_HOME: "relative", HOME: "/home/u" })).toBe(
      "/home/u/.local/state/newind",
    );
  });
});

describe(HistoryStore, () => {
  it("round-trips entries and creates the directory", () => {
    const dir = temporary();
    const store = HistoryStore.forEnvironment({ XDG_STATE_HOME: dir });
    expect(store.load().entries).toEqual([]);
    expect(store.save(["a", "b"])).toBe(true);
    expect(HistoryStore.forEnvironment({ XDG_STATE_HOME: dir }).load().entries).toEqual(["a", "b"]);
    // Written through a temporary file that was renamed: nothing is left beside it.
    expect(readdirSync(join(dir, "newind"))).toEqual(["history.json"]);
  });

  it("sets a corrupt file aside instead of losing it", () => {
    const dir = temporary();
    const store = new HistoryStore(join(dir, "history.json"));
    writeFileSync(store.path, "{not json");
    const loaded = store.load(new Date("2026-12-01T09:00:00Z"));
    expect(loaded.entries).toEqual([]);
    expect(loaded.setAside).toBe(`${store.path}.corrupt-2026-12-01T09-00-00-000Z`);
    expect(readFileSync(loaded.setAside as string, "utf8")).toBe("{not json");
    expect(existsSync(store.path)).toBe(false);
  });

  it("sets aside JSON that is not a history", () => {
    const store = new HistoryStore(join(temporary(), "history.json"));
    writeFileSync(store.path, JSON.stringify({ entries: [1, 2] }));
    expect(store.load().setAside).toBeDefined();
  });

  it.skipIf(process.platform === "win32")(
    "refuses a named pipe without waiting on it, and never writes over it",
    () => {
      const dir = temporary();
      const store = new HistoryStore(join(dir, "history.json"));
      expect(spawnSync("mkfifo", [store.path]).status).toBe(0);
      const loaded = store.load();
      expect(loaded.entries).toEqual([]);
      expect(loaded.problem).toBe(
        `The history file ${store.path} is not a regular file (a named pipe); this session's questions will not be kept.`,
      );
      expect(store.save(["a"])).toBe(false);
      expect(appendToStore(store, "b", [])).toEqual(["b"]);
      expect(spawnSync("test", ["-p", store.path]).status).toBe(0);
    },
  );

  it.skipIf(!existsSync("/dev/zero"))("refuses a link to /dev/zero instead of reading it for ever", () => {
    const store = new HistoryStore(join(temporary(), "history.json"));
    symlinkSync("/dev/zero", store.path);
    expect(store.load().problem).toContain("is not a regular file (a device)");
  });

  it.skipIf(process.getuid?.() === 0 || process.platform === "win32")(
    "says why a history cannot be saved",
    () => {
      const dir = temporary();
      mkdirSync(join(dir, "newind"));
      chmodSync(join(dir, "newind"), 0o500);
      const store = HistoryStore.forEnvironment({ XDG_STATE_HOME: dir });
      expect(store.save(["a"])).toBe(false);
      expect(store.lastError).toBe(`cannot write ${store.path} (permission denied)`);
      expect(unsavedHistoryNotice(store)).toMatch(/could not be saved .*permission denied.* until you quit/);
    },
  );

  it("says why a history cannot be saved into a path that is not a folder", () => {
    const dir = temporary();
    writeFileSync(join(dir, "newind"), "a file where the folder should be");
    const store = HistoryStore.forEnvironment({ XDG_STATE_HOME: dir });
    expect(store.save(["a"])).toBe(false);
    expect(store.lastError).toMatch(/^cannot write .*history\.json \(/);
  });

  it("cuts entries to their first 10,000 characters, in the file and when added", () => {
    const store = new HistoryStore(join(temporary(), "history.json"));
    writeFileSync(store.path, JSON.stringify({ version: 1, entries: ["x".repeat(1_000_000)] }));
    expect(store.load().entries[0]).toHaveLength(MAX_ENTRY_LENGTH);
    expect(addToHistory([], "y".repeat(20_000))[0]).toHaveLength(MAX_ENTRY_LENGTH);
  });

  it("keeps only the newest entries", () => {
    const store = new HistoryStore(join(temporary(), "history.json"));
    store.save(Array.from({ length: HISTORY_LIMIT + 5 }, (_, i) => `q${i}`));
    const { entries } = store.load();
    expect(entries).toHaveLength(HISTORY_LIMIT);
    expect(entries.at(-1)).toBe(`q${HISTORY_LIMIT + 4}`);
  });
});

describe(addToHistory, () => {
  it("skips blank lines and immediate repeats", () => {
    expect(addToHistory(["a"], "a")).toEqual(["a"]);
    expect(addToHistory(["a"], "  ")).toEqual(["a"]);
    expect(addToHistory(["a"], " b ")).toEqual(["a", "b"]);
  });
});

describe(appendToStore, () => {
  it("keeps what another session wrote in the meantime", () => {
    const store = new HistoryStore(join(temporary(), "history.json"));
    store.save(["mine"]);
    const other = new HistoryStore(store.path);
    other.save(["mine", "theirs"]);
    expect(appendToStore(store, "mine again", ["mine"])).toEqual(["mine", "theirs", "mine again"]);
    expect(store.load().entries).toEqual(["mine", "theirs", "mine again"]);
  });
});
