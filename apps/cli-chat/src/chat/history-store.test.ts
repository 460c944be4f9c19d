import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { addToHistory, appendToStore, HISTORY_LIMIT, HistoryStore, stateDirectory } from "./history-store.js";

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
