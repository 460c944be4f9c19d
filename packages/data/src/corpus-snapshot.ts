/**
 * A snapshot of the built-in corpus as `loadCorpusFromManifest` loads it — documents'
 * metadata, passages, sentences, footnotes, resolved datasets and the corpus hash —
 * written at build time (`dist/default-corpus.json`) so a one-shot command does not parse
 * the document, load zod and validate five datasets on every start.
 *
 * The snapshot records the sha256 of every file the full load read (the manifest, each
 * corpus file, each dataset file). It is used only when its format and parser versions
 * match and every one of those files still hashes the same; anything else — a missing,
 * truncated or foreign snapshot, an edited dataset, a changed corpus file — falls back
 * to the full read, parse and validation, which then reports any problem with the files
 * exactly as it would without a snapshot (the changed-bytes error included).
 */
import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { Corpus, Datasets, Footnote, Passage, Sentence, SourceDocument } from "@newind/core/text";
import { DATASET_NAMES } from "./dataset-names.js";
import {
  corpusHash,
  type LoadCorpusFromManifestOptions,
  loadCorpusFromManifest,
  MANIFEST_FILE,
  sha256Hex,
} from "./load-corpus.js";
import { PARSER_VERSION } from "./parser-version.js";

/** The `format` field of a snapshot file. */
export const CORPUS_SNAPSHOT_FORMAT = "newind-corpus-snapshot";

/** Version of the snapshot's layout: bump it whenever the fields below change. */
export const CORPUS_SNAPSHOT_VERSION = 2;

/** A file the full load read, and its sha256 when the snapshot was written. */
export interface SnapshotInput {
  /** Which folder the file is in. */
  dir: "corpus" | "datasets";
  /** Its name inside that folder. */
  file: string;
  sha256: string;
}

/** A document of the snapshot: everything but its text (read from `file`) and its absolute `path`. */
export interface SnapshotDocument {
  /** The corpus file, relative to the corpus folder. */
  file: string;
  metadata: Omit<SourceDocument, "text" | "path">;
}

/** The contents of a snapshot file. */
export interface CorpusSnapshot {
  format: typeof CORPUS_SNAPSHOT_FORMAT;
  version: typeof CORPUS_SNAPSHOT_VERSION;
  parserVersion: string;
  inputs: SnapshotInput[];
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

/** The folders a corpus is loaded from, and where its snapshot is. */
export interface CorpusSnapshotLocation {
  /** The corpus folder (with `manifest.json`), a `file:` URL ending in `/`. */
  corpusDir: URL;
  /** The curated datasets' folder, a `file:` URL ending in `/`; none for a collection without datasets. */
  datasetsDir?: URL;
  /** The snapshot file. */
  snapshot: URL;
}

/**
 * How a kind of corpus is loaded the full way, and what identifies that way: the
 * built-in corpus ({@link DEFAULT_CORPUS_LOADER}) or another collection with its own
 * manifest schema and parser (the primary collection's).
 */
export interface CorpusLoader {
  /** The version of the parser the full load runs: a snapshot of another version is not used. */
  parserVersion: string;
  /** The full load: read, check, parse and validate; its errors name the file at fault. */
  load(location: Pick<CorpusSnapshotLocation, "corpusDir" | "datasetsDir">): Promise<Corpus>;
  /** The corpus hash of the documents, as the full load computes it. */
  hash(documents: readonly SourceDocument[]): string;
}

/** The built-in corpus's full load: {@link loadCorpusFromManifest} with its datasets. */
export const DEFAULT_CORPUS_LOADER: CorpusLoader = {
  parserVersion: PARSER_VERSION,
  load: (location) =>
    loadCorpusFromManifest(
      location.corpusDir,
      location.datasetsDir ? { datasetsDir: location.datasetsDir } : {},
    ),
  hash: corpusHash,
};

/** The dataset files the full load reads, in its order (see `loadDatasets`). */
const DATASET_FILES = DATASET_NAMES.map((name) => `${name}.json`);

/** Inputs every snapshot must have checked: the manifest (which names the corpus files) and any datasets. */
function requiredInputs(location: Pick<CorpusSnapshotLocation, "datasetsDir">) {
  return [
    ["corpus", MANIFEST_FILE] as const,
    ...(location.datasetsDir ? DATASET_FILES.map((file) => ["datasets", file] as const) : []),
  ];
}

/**
 * Loads the corpus the full way — read, check, parse, validate — and returns it with the
 * snapshot that reproduces it. For the build; the snapshot is what {@link writeCorpusSnapshot} writes.
 */
export async function createCorpusSnapshot(
  location: Pick<CorpusSnapshotLocation, "corpusDir" | "datasetsDir">,
  options: Pick<LoadCorpusFromManifestOptions, "parse"> & { loader?: CorpusLoader } = {},
): Promise<{ corpus: Corpus; snapshot: CorpusSnapshot }> {
  const loader = options.loader ?? DEFAULT_CORPUS_LOADER;
  const corpus = options.loader
    ? await loader.load(location)
    : await loadCorpusFromManifest(location.corpusDir, {
        ...(options.parse ? { parse: options.parse } : {}),
        ...(location.datasetsDir ? { datasetsDir: location.datasetsDir } : {}),
      });
  // Every file the load above read, hashed as it is now (it succeeded, so they are the ones it checked).
  const manifest = JSON.parse(await readFile(new URL(MANIFEST_FILE, location.corpusDir), "utf8")) as {
    documents: { id: string; file: string }[];
  };
  const files: Pick<SnapshotInput, "dir" | "file">[] = [
    { dir: "corpus", file: MANIFEST_FILE },
    ...manifest.documents.map((entry) => ({ dir: "corpus" as const, file: entry.file })),
    ...(location.datasetsDir ? DATASET_FILES.map((file) => ({ dir: "datasets" as const, file })) : []),
  ];
  const inputs = await Promise.all(
    files.map(async (input) => ({ ...input, sha256: sha256Hex(await readFile(inputUrl(location, input))) })),
  );
  const documents = corpus.documents.map((document, index): SnapshotDocument => {
    const { text: _text, path: _path, ...metadata } = document;
    const file = manifest.documents[index]?.file;
    const input = inputs.find((candidate) => candidate.dir === "corpus" && candidate.file === file);
    // A file rewritten between the load and the hashing above must not pair old passages with new bytes.
    if (
      file === undefined ||
      manifest.documents[index]?.id !== document.id ||
      input?.sha256 !== document.sha256
    ) {
      throw new Error(`corpus snapshot: ${file ?? document.id} changed while the snapshot was made`);
    }
    return { file, metadata };
  });
  const texts = new Map(corpus.documents.map((document) => [document.id, document.text]));
  const textOf = (docId: string) => texts.get(docId) ?? "";
  const snapshot: CorpusSnapshot = {
    format: CORPUS_SNAPSHOT_FORMAT,
    version: CORPUS_SNAPSHOT_VERSION,
    parserVersion: loader.parserVersion,
    inputs,
    documents,
    passages: corpus.passages.map((passage) => withoutRawText(passage, textOf)),
    sentences: corpus.sentences.map((sentence) => withoutRawText(sentence, textOf)),
    footnotes: corpus.footnotes,
    datasets: corpus.datasets,
    hash: corpus.hash,
  };
  return { corpus, snapshot };
}

/**
 * Loads the corpus the full way and writes its snapshot to `location.snapshot`.
 *
 * @returns the corpus and the number of bytes written
 */
export async function writeCorpusSnapshot(
  location: CorpusSnapshotLocation,
  loader: CorpusLoader = DEFAULT_CORPUS_LOADER,
): Promise<{ corpus: Corpus; bytes: number }> {
  const { corpus, snapshot } = await createCorpusSnapshot(location, { loader });
  const json = JSON.stringify(snapshot);
  await writeFile(location.snapshot, json);
  return { corpus, bytes: Buffer.byteLength(json) };
}

/** What {@link readCorpusSnapshot} found: the corpus, or why the snapshot cannot be used. */
export type SnapshotRead = { corpus: Corpus; problem?: undefined } | { corpus?: undefined; problem: string };

/**
 * Restores the corpus from its snapshot when the snapshot is current: the same format and
 * parser versions, and every input file hashing as recorded. Never throws: a snapshot
 * that cannot be used is `{problem}`, and the caller loads the corpus the full way.
 */
export async function readCorpusSnapshot(
  location: CorpusSnapshotLocation,
  loader: CorpusLoader = DEFAULT_CORPUS_LOADER,
): Promise<SnapshotRead> {
  let snapshot: CorpusSnapshot;
  try {
    snapshot = JSON.parse(await readFile(location.snapshot, "utf8")) as CorpusSnapshot;
  } catch (error) {
    return { problem: `cannot read the corpus snapshot (${(error as Error).message})` };
  }
  if (!isSnapshot(snapshot)) return { problem: "the corpus snapshot has another format or version" };
  if (snapshot.parserVersion !== loader.parserVersion)
    return { problem: "the corpus snapshot is of another parser" };
  // The manifest and every dataset must be among the checked inputs, or an edit to one would go unseen.
  if (!location.datasetsDir && snapshot.inputs.some((input) => input.dir === "datasets")) {
    return { problem: "the corpus snapshot is of a corpus with curated datasets" };
  }
  for (const [dir, file] of requiredInputs(location)) {
    if (!snapshot.inputs.some((input) => input.dir === dir && input.file === file)) {
      return { problem: `the corpus snapshot does not record the hash of ${dir}/${file}` };
    }
  }
  // Read together: each read is a round trip to the thread pool, and there are seven of them.
  const read = await Promise.all(
    snapshot.inputs.map((input) =>
      readFile(inputUrl(location, input)).then(
        (bytes) => ({ input, bytes }),
        (error: unknown) => ({ input, error: error as Error }),
      ),
    ),
  );
  const bytesOf = new Map<string, Uint8Array>();
  for (const result of read) {
    const { input } = result;
    if ("error" in result) {
      return { problem: `cannot read ${input.dir}/${input.file} (${result.error.message})` };
    }
    if (sha256Hex(result.bytes) !== input.sha256) return { problem: `${input.dir}/${input.file} changed` };
    if (input.dir === "corpus") bytesOf.set(input.file, result.bytes);
  }
  const documents: SourceDocument[] = [];
  for (const { file, metadata } of snapshot.documents) {
    const bytes = bytesOf.get(file);
    if (!bytes) return { problem: `the corpus snapshot does not record the hash of ${file}` };
    const url = new URL(file, location.corpusDir);
    // As loadCorpusFromManifest: the path where the file is now, the text decoded with its BOM kept.
    const path = url.protocol === "file:" ? fileURLToPath(url) : url.href;
    documents.push({ ...metadata, path, text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes) });
  }
  const hash = loader.hash(documents);
  if (hash !== snapshot.hash) return { problem: "the corpus snapshot's hash does not match its documents" };
  const texts = new Map(documents.map((document) => [document.id, document.text]));
  const textOf = (docId: string) => texts.get(docId) ?? "";
  const passages = snapshot.passages.map((passage) => withRawText(passage, textOf));
  const sentences = snapshot.sentences.map((sentence) => withRawText(sentence, textOf));
  const { footnotes, datasets } = snapshot;
  return { corpus: { documents, passages, sentences, footnotes, datasets, hash } };
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
 * The corpus of `location`: from its snapshot when that is current, else the full way
 * ({@link loadCorpusFromManifest} with the datasets), whose errors propagate unchanged.
 */
export async function loadCorpusWithSnapshot(
  location: CorpusSnapshotLocation,
  loader: CorpusLoader = DEFAULT_CORPUS_LOADER,
): Promise<SnapshotLoad> {
  const read = await readCorpusSnapshot(location, loader);
  if (read.corpus) return { corpus: read.corpus, source: "snapshot" };
  const corpus = await loader.load(location);
  return { corpus, source: "full", problem: read.problem };
}

function inputUrl(
  location: Pick<CorpusSnapshotLocation, "corpusDir" | "datasetsDir">,
  input: Pick<SnapshotInput, "dir" | "file">,
): URL {
  // Without a datasets folder no dataset input is read (readCorpusSnapshot refuses such a snapshot).
  return new URL(
    input.file,
    input.dir === "corpus" ? location.corpusDir : (location.datasetsDir ?? location.corpusDir),
  );
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

/** The record with a null `text` restored from its document (key order kept). */
function withRawText<T extends SpannedText>(record: SnapshotText<T>, textOf: (docId: string) => string): T {
  if (record.text !== null) return record as T;
  return { ...record, text: textOf(record.docId).slice(record.span.start, record.span.end) } as T;
}

/** The shape a snapshot must have to be read at all; its contents were validated when it was written. */
function isSnapshot(value: unknown): value is CorpusSnapshot {
  if (typeof value !== "object" || value === null) return false;
  const snapshot = value as Partial<CorpusSnapshot>;
  return (
    snapshot.format === CORPUS_SNAPSHOT_FORMAT &&
    snapshot.version === CORPUS_SNAPSHOT_VERSION &&
    typeof snapshot.parserVersion === "string" &&
    typeof snapshot.hash === "string" &&
    Array.isArray(snapshot.inputs) &&
    snapshot.inputs.every(
      (input) =>
        (input.dir === "corpus" || input.dir === "datasets") &&
        typeof input.file === "string" &&
        typeof input.sha256 === "string",
    ) &&
    Array.isArray(snapshot.documents) &&
    snapshot.documents.every(
      (document) => typeof document?.file === "string" && typeof document.metadata === "object",
    ) &&
    Array.isArray(snapshot.passages) &&
    Array.isArray(snapshot.sentences) &&
    Array.isArray(snapshot.footnotes) &&
    typeof snapshot.datasets === "object" &&
    snapshot.datasets !== null
  );
}
