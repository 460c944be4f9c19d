/**
 * A snapshot of what a bot derives from the built-in corpus — the evidence index (every
 * sentence tokenised, stemmed, matched against the entities and read for figures and
 * cues), the vocabulary counts, the glossary's phrase expansions and the curated records'
 * prepared texts — written at build time (`dist/default-context.json`, by
 * scripts/build-context-snapshot.mjs) so a one-shot `newind ask` does not derive them
 * again on every start.
 *
 * It is used only for the very corpus it was made from and the very code that made it:
 * the same snapshot format, the same corpus hash (documents and parser version), the same
 * datasets, and the same compiled modules behind the derivation (the sha256 of this
 * module and of every module of the package it imports, recursively; the derivation uses
 * no other package's code). So a tokenizer or stemmer rebuilt with plain `tsc`
 * invalidates it, while a change to how answers are composed does not. Anything else — a
 * missing, truncated or foreign snapshot, another corpus, changed code — and the context
 * is derived as without a snapshot. From `src/` the default snapshot names a file that
 * does not exist, so tests run from source always derive.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import type { Corpus } from "@newind/core";
import type { EntityMatcher } from "./analysis/find-entities.js";
import { glossaryExpansions, type PhraseExpansion } from "./analysis/query-terms.js";
import { countVocabulary, type VocabularyCounts } from "./analysis/vocabulary.js";
import { buildEvidenceIndex, type EvidenceIndex, type SentenceRecord } from "./answering/evidence-index.js";
import type { PreparedText } from "./answering/match-records.js";
// A cycle (bot-context reads snapshots through this module), used only inside writeContextSnapshot.
import { botContextOf } from "./bot-context.js";

/** The `format` field of a context snapshot file. */
export const CONTEXT_SNAPSHOT_FORMAT = "newind-bot-context";

/** Version of the snapshot's layout and encoding: bump it whenever either changes. */
export const CONTEXT_SNAPSHOT_VERSION = 2;

/** Where a context snapshot is, and the compiled code it must have been made by. */
export interface ContextSnapshotLocation {
  /** The snapshot file. */
  snapshot: URL;
  /** The compiled module that derives the data: it and the modules it imports, recursively, key the snapshot. */
  code: URL;
}

/** The built-in snapshot beside the compiled modules, `dist/default-context.json`, keyed on this module's import graph. */
export const DEFAULT_CONTEXT_SNAPSHOT: ContextSnapshotLocation = {
  snapshot: new URL("./default-context.json", import.meta.url),
  code: new URL(import.meta.url),
};

/** What a bot context derives from its corpus, apart from what is cheap to build (matchers, options). */
export interface ContextData {
  index: EvidenceIndex;
  vocabulary: VocabularyCounts;
  phrases: PhraseExpansion[];
  /** Curated records' texts prepared for coverage so far, by text (the snapshot holds them all). */
  prepared: Map<string, PreparedText>;
}

/** The contents of a context snapshot file. */
interface ContextSnapshot {
  format: typeof CONTEXT_SNAPSHOT_FORMAT;
  version: typeof CONTEXT_SNAPSHOT_VERSION;
  corpusHash: string;
  /** sha256 of the corpus's datasets as JSON. */
  datasets: string;
  /** The code files (relative to the code module's folder, sorted) and the sha256 of them all. */
  code: { files: string[]; sha256: string };
  /** Every sentence record's fields, encoded (see {@link encode}), in reading order. */
  records: Array<Record<string, unknown>>;
  /** The evidence index's other fields, encoded. */
  index: Record<string, unknown>;
  vocabulary: VocabularyCounts;
  phrases: PhraseExpansion[];
  /** {@link ContextData.prepared} of every curated record, encoded. */
  prepared: unknown;
}

/** Derives the context data the slow way: what {@link createBotContext} does without a snapshot. */
export function deriveContextData(corpus: Corpus, matcher: EntityMatcher): ContextData {
  const index = buildEvidenceIndex(corpus, matcher);
  const glossaryWords = corpus.datasets.glossary.flatMap((term) => [term.en, ...term.synonyms]);
  const entityWords = corpus.datasets.entities.flatMap((entity) => [entity.name, ...entity.aliases]);
  const vocabulary = countVocabulary(
    index.sentences.map((record) => record.text),
    [...entityWords, ...glossaryWords],
  );
  return { index, vocabulary, phrases: glossaryExpansions(corpus.datasets.glossary), prepared: new Map() };
}

/**
 * Prepares into `data.prepared` every curated text a bot over `data` may prepare (an answer
 * prepares most of them), as the snapshot stores them.
 */
export function prepareCuratedTexts(corpus: Corpus, matcher: EntityMatcher, data: ContextData): void {
  const context = botContextOf(corpus, undefined, {}, matcher, data);
  for (const curated of [...context.metrics, ...context.timeline, ...context.entities, ...context.lists])
    void curated.prepared;
  for (const list of context.lists) void list.items;
}

/** Which way {@link loadContextData} got the data. */
export interface ContextDataLoad {
  data: ContextData;
  /** `snapshot`: restored from it; `derived`: computed from the corpus. */
  source: "snapshot" | "derived";
  /** For `derived`: why the snapshot was not used. */
  problem?: string;
}

/**
 * The context data of `corpus`: from the snapshot at `location` when it was made from this
 * corpus by this code, else derived. Never throws for a bad snapshot. `location: false`
 * always derives.
 */
export function loadContextData(
  corpus: Corpus,
  matcher: EntityMatcher,
  location: ContextSnapshotLocation | false = DEFAULT_CONTEXT_SNAPSHOT,
): ContextDataLoad {
  if (location !== false) {
    const read = readContextSnapshot(corpus, location);
    if (read.data) return { data: read.data, source: "snapshot" };
    return { data: deriveContextData(corpus, matcher), source: "derived", problem: read.problem };
  }
  return { data: deriveContextData(corpus, matcher), source: "derived" };
}

/**
 * Derives the context data of `corpus` and writes its snapshot to `location.snapshot`,
 * keyed on the code in `location.code` as it is now. For the build.
 *
 * @returns the number of bytes written
 */
export function writeContextSnapshot(
  corpus: Corpus,
  matcher: EntityMatcher,
  location: ContextSnapshotLocation,
): number {
  const data = deriveContextData(corpus, matcher);
  const { index, vocabulary, phrases, prepared } = data;
  prepareCuratedTexts(corpus, matcher, data);
  const files = codeFiles(location.code);
  const refs = referenceKeys(corpus, index.sentences);
  const { sentences, ...rest } = index;
  const snapshot: ContextSnapshot = {
    format: CONTEXT_SNAPSHOT_FORMAT,
    version: CONTEXT_SNAPSHOT_VERSION,
    corpusHash: corpus.hash,
    datasets: sha256Hex(JSON.stringify(corpus.datasets)),
    code: { files, sha256: codeHash(location.code, files) },
    records: sentences.map((record) => encodeFields(record, refs)),
    index: encodeFields(rest, refs),
    vocabulary,
    phrases,
    prepared: encode(prepared, refs),
  };
  const json = JSON.stringify(snapshot);
  writeFileSync(location.snapshot, json);
  return Buffer.byteLength(json);
}

/** What {@link readContextSnapshot} found: the data, or why the snapshot cannot be used. */
export type ContextSnapshotRead =
  | { data: ContextData; problem?: undefined }
  | { data?: undefined; problem: string };

/** Restores the context data from the snapshot at `location` when it is current for `corpus`. Never throws. */
export function readContextSnapshot(corpus: Corpus, location: ContextSnapshotLocation): ContextSnapshotRead {
  let snapshot: ContextSnapshot;
  try {
    snapshot = JSON.parse(readFileSync(location.snapshot, "utf8")) as ContextSnapshot;
  } catch (error) {
    return { problem: `cannot read the context snapshot (${(error as Error).message})` };
  }
  if (!isSnapshot(snapshot)) return { problem: "the context snapshot has another format or version" };
  // Cheapest first: a folder corpus fails on its hash before any file is read.
  if (snapshot.corpusHash !== corpus.hash) return { problem: "the context snapshot is of another corpus" };
  if (snapshot.datasets !== sha256Hex(JSON.stringify(corpus.datasets)))
    return { problem: "the context snapshot is of other datasets" };
  try {
    if (codeHash(location.code, snapshot.code.files) !== snapshot.code.sha256)
      return { problem: "the context snapshot was made by other code" };
  } catch (error) {
    return { problem: `the context snapshot's code is gone (${(error as Error).message})` };
  }
  try {
    return { data: decodeData(snapshot, corpus) };
  } catch (error) {
    return { problem: `the context snapshot is damaged (${(error as Error).message})` };
  }
}

function sha256Hex(text: string | Uint8Array): string {
  return createHash("sha256").update(text).digest("hex");
}

// Static imports and re-exports from a relative path, side-effect imports and import() of one.
const RELATIVE_IMPORT = /\b(?:from|import)\s*\(?\s*["'](\.\.?\/[^"']+)["']/g;

/** The code module and every module it imports, recursively: paths relative to its folder, sorted. */
function codeFiles(code: URL): string[] {
  const folder = new URL("./", code);
  const seen = new Set<string>();
  const queue = [code];
  for (let url = queue.pop(); url; url = queue.pop()) {
    const file = url.href.slice(folder.href.length);
    if (seen.has(file)) continue;
    seen.add(file);
    for (const match of readFileSync(url, "utf8").matchAll(RELATIVE_IMPORT)) {
      // A path in a comment or a string that names no file is no import.
      if (match[1] && existsSync(new URL(match[1], url))) queue.push(new URL(match[1], url));
    }
  }
  return [...seen].sort();
}

/** One sha256 over the files' names and bytes; throws when one cannot be read. */
function codeHash(code: URL, files: readonly string[]): string {
  const hash = createHash("sha256");
  for (const file of files)
    hash.update(`${file}\u0000`).update(readFileSync(new URL(file, new URL("./", code))));
  return hash.digest("hex");
}

/*
 * Encoding: the index is a graph — records point at their passage, their neighbours and
 * (through maps) at documents and entities — so objects of the corpus and the records
 * themselves are written as references ({$ref}), Sets and Maps as {$set} and {$map} (a
 * Set of strings without spaces as one string, {$words}), and numbers JSON cannot hold as
 * {$number}. Anything else is copied as it is, so a field added to SentenceRecord or
 * EvidenceIndex is snapshotted without a change here.
 */

type Encoded = unknown;

/** Reference keys of every object of the corpus and every record. */
function referenceKeys(corpus: Corpus, records: readonly SentenceRecord[]): Map<object, string> {
  const refs = new Map<object, string>([[corpus, "corpus"]]);
  for (const [key, object] of referenceEntries(corpus)) refs.set(object, key);
  records.forEach((record, i) => {
    refs.set(record, `record:${i}`);
  });
  return refs;
}

/** The corpus's objects by reference key (documents, passages, sentences, footnotes, dataset records). */
function referenceEntries(corpus: Corpus): Array<[string, object]> {
  const entries: Array<[string, object]> = [];
  const add = (kind: string, list: readonly object[]) => {
    list.forEach((object, i) => {
      entries.push([`${kind}:${i}`, object]);
    });
  };
  add("document", corpus.documents);
  add("passage", corpus.passages);
  add("sentence", corpus.sentences);
  add("footnote", corpus.footnotes);
  for (const [name, list] of Object.entries(corpus.datasets)) if (Array.isArray(list)) add(name, list);
  return entries;
}

function encodeFields(object: object, refs: ReadonlyMap<object, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(object)) out[key] = encode(value, refs);
  return out;
}

function encode(value: unknown, refs: ReadonlyMap<object, string>): Encoded {
  if (typeof value === "number") return Number.isFinite(value) ? value : { $number: String(value) };
  if (typeof value === "function" || typeof value === "symbol" || typeof value === "bigint") {
    throw new Error(`cannot snapshot a ${typeof value}`);
  }
  if (value === null || typeof value !== "object") return value;
  const ref = refs.get(value);
  if (ref !== undefined) return { $ref: ref };
  if (value instanceof Set) {
    const items = [...value];
    // Sets of stems and ids, most of the snapshot: one string parses and splits far faster than an array.
    if (items.length > 0 && items.every((item) => typeof item === "string" && /^[^ ]+$/.test(item)))
      return { $words: items.join(" ") };
    return { $set: items.map((item) => encode(item, refs)) };
  }
  if (value instanceof Map)
    return { $map: [...value].map(([key, item]) => [encode(key, refs), encode(item, refs)]) };
  if (Array.isArray(value)) return value.map((item) => encode(item, refs));
  if (Object.getPrototypeOf(value) !== Object.prototype) throw new Error("cannot snapshot a class instance");
  return encodeFields(value, refs);
}

function decodeData(snapshot: ContextSnapshot, corpus: Corpus): ContextData {
  const refs = new Map<string, object>([["corpus", corpus], ...referenceEntries(corpus)]);
  // Every record exists before any is filled in: a record refers to the next one.
  const records = snapshot.records.map((_, i) => {
    const record = {};
    refs.set(`record:${i}`, record);
    return record;
  });
  snapshot.records.forEach((fields, i) => {
    Object.assign(records[i] as object, decode(fields, refs));
  });
  const index = { sentences: records, ...(decode(snapshot.index, refs) as object) } as EvidenceIndex;
  const prepared = decode(snapshot.prepared, refs);
  if (!(prepared instanceof Map)) throw new Error("no prepared texts");
  return {
    index,
    vocabulary: snapshot.vocabulary,
    phrases: snapshot.phrases,
    prepared: prepared as Map<string, PreparedText>,
  };
}

function decode(value: Encoded, refs: ReadonlyMap<string, object>): unknown {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((item) => decode(item, refs));
  const tagged = value as Record<string, unknown>;
  if (typeof tagged.$ref === "string") {
    const object = refs.get(tagged.$ref);
    if (!object) throw new Error(`unknown reference ${tagged.$ref}`);
    return object;
  }
  if (typeof tagged.$words === "string") return new Set(tagged.$words.split(" "));
  if (Array.isArray(tagged.$set)) return new Set(tagged.$set.map((item) => decode(item, refs)));
  if (Array.isArray(tagged.$map)) {
    return new Map(
      tagged.$map.map((entry) => {
        const [key, item] = entry as [Encoded, Encoded];
        return [decode(key, refs), decode(item, refs)];
      }),
    );
  }
  if (typeof tagged.$number === "string") return Number(tagged.$number);
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(tagged)) out[key] = decode(item, refs);
  return out;
}

/** The shape a snapshot must have to be read at all. */
function isSnapshot(value: unknown): value is ContextSnapshot {
  if (typeof value !== "object" || value === null) return false;
  const snapshot = value as Partial<ContextSnapshot>;
  return (
    snapshot.format === CONTEXT_SNAPSHOT_FORMAT &&
    snapshot.version === CONTEXT_SNAPSHOT_VERSION &&
    typeof snapshot.corpusHash === "string" &&
    typeof snapshot.datasets === "string" &&
    typeof snapshot.code === "object" &&
    snapshot.code !== null &&
    Array.isArray(snapshot.code.files) &&
    snapshot.code.files.every((file) => typeof file === "string") &&
    typeof snapshot.code.sha256 === "string" &&
    Array.isArray(snapshot.records) &&
    snapshot.records.every((record) => typeof record === "object" && record !== null) &&
    typeof snapshot.index === "object" &&
    snapshot.index !== null &&
    typeof snapshot.vocabulary === "object" &&
    snapshot.vocabulary !== null &&
    typeof snapshot.vocabulary.texts === "number" &&
    Array.isArray(snapshot.vocabulary.documentFrequency) &&
    Array.isArray(snapshot.vocabulary.wordFrequency) &&
    Array.isArray(snapshot.phrases)
  );
}
