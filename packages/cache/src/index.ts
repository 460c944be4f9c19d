export { writeFileAtomic, writeFileAtomicSync } from "./atomic-write.js";
export { userCacheDir } from "./cache-dir.js";
export { createMemoryStore } from "./memory-store.js";
export {
  type Decode,
  KEEP_PER_KIND,
  type OpenStoreOptions,
  openStore,
  type Store,
  type StoreRead,
  type StoreWrite,
} from "./store.js";
export {
  checkEntry,
  type Derivation,
  type StoreEntry,
  sha256Hex,
  storeEntry,
  storeKey,
} from "./store-key.js";
