import { createHash } from "node:crypto";

/** The sha256 of a string (as UTF-8) or of bytes, as lowercase hex. */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

/**
 * What an artefact is derived from: the code that derives it and the inputs it reads. Two
 * derivations with the same code and inputs give the same artefact, so they share a key.
 */
export interface Derivation {
  /**
   * The deriving code's identity: its name and version stamps (`"search-index@2"`). A change
   * to the code that changes its output for the same inputs must change this string.
   */
  readonly code: string;
  /**
   * The inputs: hashes of what was read (files' sha256, a corpus hash) and any small value
   * the output depends on, in a fixed order. JSON-serialisable.
   */
  readonly inputs: readonly unknown[];
}

/** Where an artefact lives in a {@link Store}: its kind and its content-derived key. */
export interface StoreEntry {
  /** What sort of artefact it is (`index`, `folders`): lower-case letters, digits and dashes. */
  readonly kind: string;
  /** The sha256 of its {@link Derivation} ({@link storeKey}), 64 hex digits. */
  readonly key: string;
}

/** The key of an artefact: the sha256 over its code and inputs (see {@link Derivation}). */
export function storeKey(derivation: Derivation): string {
  return sha256Hex(JSON.stringify([derivation.code, derivation.inputs]));
}

/**
 * The entry of an artefact of `kind` derived as `derivation` says.
 *
 * @example
 * const entry = storeEntry("index", { code: "search-index@2", inputs: [corpus.hash, datasetsHash] });
 */
export function storeEntry(kind: string, derivation: Derivation): StoreEntry {
  const entry = { kind, key: storeKey(derivation) };
  checkEntry(entry);
  return entry;
}

const KIND = /^[a-z0-9][a-z0-9-]{0,39}$/;
const KEY = /^[0-9a-f]{64}$/;

/** Throws a `TypeError` for an entry whose kind or key could not name a file safely. */
export function checkEntry(entry: StoreEntry): void {
  if (entry === null || typeof entry !== "object") throw new TypeError("a store entry is { kind, key }");
  if (typeof entry.kind !== "string" || !KIND.test(entry.kind)) {
    throw new TypeError("a store entry's kind is 1–40 lower-case letters, digits and dashes");
  }
  if (typeof entry.key !== "string" || !KEY.test(entry.key)) {
    throw new TypeError("a store entry's key is a sha256 (64 lower-case hex digits): use storeKey()");
  }
}
