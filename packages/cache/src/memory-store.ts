import type { Decode, Store, StoreRead, StoreWrite } from "./store.js";
import { checkEntry, type StoreEntry } from "./store-key.js";

/**
 * A {@link Store} in memory: the same contract as a folder store (entries verified by
 * `decode` on every read, the eviction rule per kind), for tests and for programs that
 * want the work saved within one process only.
 *
 * @example
 * const corpus = await loadCorpus({ dirs: ["notes"], cache: createMemoryStore() });
 */
export function createMemoryStore(options: { keep?: number } = {}): Store {
  const keep = options.keep ?? Number.POSITIVE_INFINITY;
  // Insertion order is use order: an entry read or written is moved to the end.
  const entries = new Map<string, string>();
  const locate = (entry: StoreEntry) => {
    checkEntry(entry);
    return `memory:${entry.kind}-${entry.key}`;
  };
  return {
    location: "memory:",
    locate,
    async read<T>(entry: StoreEntry, decode: Decode<T>): Promise<StoreRead<T>> {
      const location = locate(entry);
      const payload = entries.get(location);
      if (payload === undefined) return { status: "miss", location };
      let value: T | undefined;
      try {
        value = await decode(payload);
      } catch (error) {
        return { status: "invalid", location, problem: `${location} cannot be loaded (${String(error)})` };
      }
      if (value === undefined)
        return { status: "invalid", location, problem: `${location} does not fit its inputs` };
      entries.delete(location);
      entries.set(location, payload);
      return { status: "hit", value, location };
    },
    async write(entry: StoreEntry, payload: string): Promise<StoreWrite> {
      const location = locate(entry);
      entries.delete(location);
      entries.set(location, payload);
      const ofKind = [...entries.keys()].filter((name) => name.startsWith(`memory:${entry.kind}-`));
      for (const name of ofKind.slice(0, Math.max(0, ofKind.length - keep))) entries.delete(name);
      return { location };
    },
  };
}
