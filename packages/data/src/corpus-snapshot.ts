/**
 * A snapshot of a built-in corpus as its full load gives it — documents' metadata, passages,
 * sentences, footnotes, resolved datasets and the corpus hash — kept in a store (see
 * `@newind/cache`) so a one-shot command does not parse the documents, load zod and validate
 * five datasets on every start. The build writes the built-in corpora's snapshots into this
 * package's own store (`dist/store/`).
 *
 * A snapshot's entry is keyed by the sha256 of every file the full load reads (the manifest,
 * each corpus file, each dataset file) and by the parser's version, so an edited file is
 * another entry: never a stale snapshot. Reading checks the content too — every document is
 * one of the files just read with the sha256 recorded, the corpus hash is recomputed, every
 * span lies inside its text, and texts are sliced from the files — and anything else falls
 * back to the full read, parse and validation, which then reports any problem with the files
 * exactly as it would without a snapshot (the changed-bytes error included).
 */
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { openStore, type Store, type StoreEntry, sha256Hex, storeEntry } from "@newind/cache";
import type { Corpus, Datasets, Footnote, Passage, Sentence, SourceDocument } from "@newind/core/text";
import { type CorpusLoader, type CorpusLocation, MANIFEST_FILE } from "./corpus-files.js";
import { DATASET_NAMES } from "./dataset-names.js";
import { PACKAGE_STORE_DIR } from "./package-dirs.js";

/** Version of the snapshot's layout: bump it whenever the fields below change. */
export const CORPUS_SNAPSHOT_VERSION = 3;

/** The kind of a snapshot's entry in a store. */
export const CORPUS_SNAPSHOT_KIND = "corpus";

/** A document of the snapshot: everything but its text (read from `file`) and its absolute `path`. */
export interface SnapshotDocument {
  /** The corpus file, relative to the corpus folder. */
  file: string;
  metadata: Omit<SourceDocument, "text" | "path">;
}

/** The payload of a snapshot's entry. */
export interface CorpusSnapshot {
  documents: SnapshotDocument[];
  /** The passages, `text` null where it is exactly the raw slice of its span (restored from the document). */
  passages: SnapshotText<Passage>[];
  /** The sentences, `text` null likewise (always, as the parser writes them). */
  sentences: SnapshotText<Sentence>[];
  footnotes: Footnote[];
  datasets: Datasets;
  hash: string;
}

/**
 * A passage or sentence as a snapshot stores it: its `text` is null when it is the raw
 * slice of its span, so the snapshot does not hold the corpus's text twice more.
 */
export type SnapshotText<T extends { text: string }> = Omit<T, "text"> & { text: string | null };

/** The store shipped in this package (`dist/store/`), with the build's snapshots; read-only. */
export function packageStore(): Store {
  return openStore(PACKAGE_STORE_DIR, { readOnly: true });
}

/** The dataset files the full load reads, in its order (see `loadDatasets`). */
const DATASET_FILES = DATASET_NAMES.map((name) => `${name}.json`);

/** The files of a corpus as read now: its snapshot's entry, and each corpus file's bytes and sha256. */
interface CorpusInputs {
  entry: StoreEntry;
  /** The corpus files, in the manifest's order. */
  files: string[];
  corpusFiles: Map<string, { bytes: Uint8Array; sha256: string }>;
}

/**
 * Reads every file the full load reads and keys the snapshot on their sha256. Throws when a
 * file cannot be read or the manifest does not list files (the full load then says why).
 */
async function readInputs(location: CorpusLocation, loader: CorpusLoader): Promise<CorpusInputs> {
  const read = (file: string, dir: URL) => readFile(new URL(file, dir));
  // Read together: each read is a round trip to the thread pool.
  const [manifestBytes, ...datasetBytes] = await Promise.all([
    read(MANIFEST_FILE, location.corpusDir),
    ...(location.datasetsDir ? DATASET_FILES.map((file) => read(file, location.datasetsDir as URL)) : []),
  ]);
  const manifest = JSON.parse(new TextDecoder().decode(manifestBytes)) as { documents?: unknown };
  const files = Array.isArray(manifest?.documents)
    ? manifest.documents.map((document) => (document as { file?: unknown } | null)?.file)
    : [];
  if (files.length === 0 || !files.every((file): file is string => typeof file === "string")) {
    throw new Error(`${MANIFEST_FILE} lists no files`);
  }
  const corpusBytes = await Promise.all(files.map((file) => read(file, location.corpusDir)));
  const corpusFiles = new Map(
    files.map((file, i) => {
      const bytes = corpusBytes[i] as Uint8Array;
      return [file, { bytes, sha256: sha256Hex(bytes) }] as const;
    }),
  );
  const inputs = [
    ["corpus", MANIFEST_FILE, sha256Hex(manifestBytes as Uint8Array)],
    ...files.map((file) => ["corpus", file, corpusFiles.get(file)?.sha256]),
    ...datasetBytes.map((bytes, i) => ["datasets", DATASET_FILES[i], sha256Hex(bytes)]),
  ];
  const code = `corpus-snapshot@${CORPUS_SNAPSHOT_VERSION} parser@${loader.parserVersion}`;
  return { entry: storeEntry(CORPUS_SNAPSHOT_KIND, { code, inputs }), files, corpusFiles };
}

/**
 * Loads the corpus the full way — read, check, parse, validate — and stores its snapshot in
 * `store`. For the build: a file that changes while the snapshot is made, or a store that
 * cannot be written, is an error.
 *
 * @returns the corpus, the bytes written and where
 */
export async function writeCorpusSnapshot(
  store: Store,
  location: CorpusLocation,
  loader: CorpusLoader,
): Promise<{ corpus: Corpus; bytes: number; location: string }> {
  const corpus = await loader.load(location);
  // Every file the load above read, hashed as it is now (it succeeded, so they are the ones it checked).
  const inputs = await readInputs(location, loader);
  const { files } = inputs;
  const documents = corpus.documents.map((document, index): SnapshotDocument => {
    const { text: _text, path: _path, ...metadata } = document;
    const file = files[index];
    // A file rewritten between the load and the hashing above must not pair old passages with new bytes.
    if (file === undefined || inputs.corpusFiles.get(file)?.sha256 !== document.sha256) {
      throw new Error(`corpus snapshot: ${file ?? document.id} changed while the snapshot was made`);
    }
    return { file, metadata };
  });
  const texts = new Map(corpus.documents.map((document) => [document.id, document.text]));
  const textOf = (docId: string) => texts.get(docId) ?? "";
  const snapshot: CorpusSnapshot = {
    documents,
    passages: corpus.passages.map((passage) => withoutRawText(passage, textOf)),
    sentences: corpus.sentences.map((sentence) => withoutRawText(sentence, textOf)),
    footnotes: corpus.footnotes,
    datasets: corpus.datasets,
    hash: corpus.hash,
  };
  const json = JSON.stringify(snapshot);
  const written = await store.write(inputs.entry, json);
  if (written.problem) throw new Error(`corpus snapshot: ${written.problem}`);
  return { corpus, bytes: Buffer.byteLength(json), location: written.location };
}

/** What {@link readCorpusSnapshot} found: the corpus, or why the snapshot cannot be used. */
export type SnapshotRead = { corpus: Corpus; problem?: undefined } | { corpus?: undefined; problem: string };

/**
 * Restores the corpus from its snapshot in `store` when there is one for the files as they
 * are now and its content fits them. Never throws: a snapshot that cannot be used is
 * `{problem}`, and the caller loads the corpus the full way.
 */
export async function readCorpusSnapshot(
  store: Store,
  location: CorpusLocation,
  loader: CorpusLoader,
): Promise<SnapshotRead> {
  let inputs: CorpusInputs;
  try {
    inputs = await readInputs(location, loader);
  } catch (error) {
    return { problem: `cannot read the corpus's files (${(error as Error).message})` };
  }
  const read = await store.read(inputs.entry, (payload) => restore(payload, inputs, location, loader));
  if (read.status === "hit") return { corpus: read.value };
  return {
    problem: read.status === "miss" ? `no snapshot for these files in ${store.location}` : read.problem,
  };
}

/** The corpus a snapshot's payload describes, when it fits the files read; else undefined. */
function restore(
  payload: string,
  inputs: CorpusInputs,
  location: CorpusLocation,
  loader: CorpusLoader,
): Corpus | undefined {
  const snapshot = JSON.parse(payload) as unknown;
  if (!isSnapshot(snapshot)) return undefined;
  const documents: SourceDocument[] = [];
  for (const { file, metadata } of snapshot.documents) {
    const input = inputs.corpusFiles.get(file);
    if (!input || input.sha256 !== metadata.sha256) return undefined;
    const url = new URL(file, location.corpusDir);
    // As the full load: the path where the file is now, the text decoded with its BOM kept.
    const path = url.protocol === "file:" ? fileURLToPath(url) : url.href;
    documents.push({
      ...metadata,
      path,
      text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(input.bytes),
    });
  }
  const hash = loader.hash(documents);
  if (hash !== snapshot.hash) return undefined;
  const texts = new Map(documents.map((document) => [document.id, document.text]));
  const passages: Passage[] = [];
  for (const passage of snapshot.passages) {
    const restored = withRawText(passage, texts);
    if (!restored) return undefined;
    passages.push(restored);
  }
  const sentences: Sentence[] = [];
  for (const sentence of snapshot.sentences) {
    const restored = withRawText(sentence, texts);
    if (!restored) return undefined;
    sentences.push(restored);
  }
  const { footnotes, datasets } = snapshot;
  return { documents, passages, sentences, footnotes, datasets, hash };
}

/** Which way {@link loadCorpusWithSnapshot} loaded the corpus. */
export interface SnapshotLoad {
  corpus: Corpus;
  /** `snapshot`: restored from it; `full`: read, parsed and validated. */
  source: "snapshot" | "full";
  /** For `full`: why the snapshot was not used. */
  problem?: string;
}

/**
 * The corpus of `location`: from its snapshot in `store` when there is a current one, else
 * the full way (`loader.load`), whose errors propagate unchanged.
 */
export async function loadCorpusWithSnapshot(
  store: Store,
  location: CorpusLocation,
  loader: CorpusLoader,
): Promise<SnapshotLoad> {
  const read = await readCorpusSnapshot(store, location, loader);
  if (read.corpus) return { corpus: read.corpus, source: "snapshot" };
  const corpus = await loader.load(location);
  return { corpus, source: "full", problem: read.problem };
}

interface SpannedText {
  docId: string;
  span: { start: number; end: number };
  text: string;
}

/** The record with `text: null` when its text is exactly the raw slice of its span (key order kept). */
function withoutRawText<T extends SpannedText>(
  record: T,
  textOf: (docId: string) => string,
): SnapshotText<T> {
  const raw = textOf(record.docId).slice(record.span.start, record.span.end);
  return record.text === raw ? { ...record, text: null } : record;
}

/**
 * The record with a null `text` restored from its document (key order kept), or undefined
 * when its span is not a range of a document of the snapshot.
 */
function withRawText<T extends SpannedText>(
  record: SnapshotText<T>,
  texts: ReadonlyMap<string, string>,
): T | undefined {
  const text = typeof record?.docId === "string" ? texts.get(record.docId) : undefined;
  const { start, end } = record?.span ?? {};
  if (
    text === undefined ||
    !Number.isInteger(start) ||
    !Number.isInteger(end) ||
    (start as number) < 0 ||
    (end as number) < (start as number) ||
    (end as number) > text.length
  ) {
    return undefined;
  }
  if (record.text !== null) return typeof record.text === "string" ? (record as T) : undefined;
  return { ...record, text: text.slice(start, end) } as T;
}

/** The shape a snapshot must have to be read at all; its contents were validated when it was written. */
function isSnapshot(value: unknown): value is CorpusSnapshot {
  if (typeof value !== "object" || value === null) return false;
  const snapshot = value as Partial<CorpusSnapshot>;
  return (
    typeof snapshot.hash === "string" &&
    Array.isArray(snapshot.documents) &&
    snapshot.documents.every(
      (document) =>
        typeof document?.file === "string" &&
        typeof document.metadata === "object" &&
        document.metadata !== null &&
        typeof document.metadata.sha256 === "string",
    ) &&
    Array.isArray(snapshot.passages) &&
    Array.isArray(snapshot.sentences) &&
    Array.isArray(snapshot.footnotes) &&
    typeof snapshot.datasets === "object" &&
    snapshot.datasets !== null
  );
}
