/**
 * What every corpus loader shares: the manifest and its files read and checked against their
 * sha256, the corpus hash, and the shape of a full load ({@link CorpusLoader}). No parsing here.
 */
import { readFile } from "node:fs/promises";
import { fileURLToPath, pathToFileURL } from "node:url";
import { sha256Hex } from "@newind/cache";
import type { Corpus, Datasets, SourceDocument } from "@newind/core/text";

import { PARSER_VERSION } from "./parser-version.js";

export { sha256Hex };

/** A corpus file or manifest that cannot be loaded; `file` names it, `message` says why. */
export class CorpusLoadError extends Error {
  override readonly name: string = "CorpusLoadError";
  /** The file at fault. */
  readonly file: string;
  /** Creates the error; `message` should already name the file. */
  constructor(file: string, message: string) {
    super(message);
    this.file = file;
  }
}

/** The name of the manifest file in a corpus folder. */
export const MANIFEST_FILE = "manifest.json";

/** Empty curated datasets, for corpora that have none. */
export function emptyDatasets(): Datasets {
  return { metrics: [], timeline: [], entities: [], lists: [], glossary: [] };
}

/** A folder as a `file:` URL ending in `/` (a path is resolved against the working directory). */
export function toDirectoryUrl(dir: URL | string): URL {
  const url = typeof dir === "string" ? pathToFileURL(dir) : new URL(dir.href);
  if (!url.pathname.endsWith("/")) url.pathname += "/";
  return url;
}

/** A URL as messages show it: a path for a `file:` URL. */
export function displayPath(url: URL): string {
  return url.protocol === "file:" ? fileURLToPath(url) : url.href;
}

/**
 * Reads and parses a corpus folder's `manifest.json`, as JSON; errors name the file.
 * The caller validates it against its schema.
 */
export async function readManifestJson(dir: URL): Promise<{ file: string; json: unknown }> {
  const url = new URL(MANIFEST_FILE, dir);
  const file = displayPath(url);
  let source: string;
  try {
    source = await readFile(url, "utf8");
  } catch (error) {
    throw new CorpusLoadError(file, `${file}: cannot read the corpus manifest (${(error as Error).message})`);
  }
  try {
    return { file, json: JSON.parse(source) };
  } catch (error) {
    throw new CorpusLoadError(file, `${file}: not valid JSON (${(error as Error).message})`);
  }
}

/**
 * Reads one file a corpus manifest lists and checks its bytes against the sha256 the
 * manifest records. A missing, unreadable or changed file is a {@link CorpusLoadError}
 * whose message names the file and the document.
 *
 * @returns the file's path and its text, decoded with any byte-order mark kept (offsets index the file as shipped)
 */
export async function readCorpusFile(
  dir: URL,
  entry: { id: string; file: string; sha256: string },
): Promise<{ path: string; text: string }> {
  const url = new URL(entry.file, dir);
  const file = displayPath(url);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(url);
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message;
    throw new CorpusLoadError(file, `${file}: cannot read corpus file of "${entry.id}" (${reason})`);
  }
  const actual = sha256Hex(bytes);
  if (actual !== entry.sha256) {
    throw new CorpusLoadError(
      file,
      `${file}: the file's bytes changed — its sha256 is ${actual}, but ${MANIFEST_FILE} records ${entry.sha256} ` +
        `for "${entry.id}". Restore the original file, or update the manifest if the change is intended.`,
    );
  }
  return { path: file, text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes) };
}

/**
 * A hash over the parser version and every document's id and sha256, in order: the
 * same documents parsed by the same parser give the same hash (a cache key).
 */
export function corpusHash(documents: readonly Pick<SourceDocument, "id" | "sha256">[]): string {
  const lines = [
    `newind-parser@${PARSER_VERSION}`,
    ...documents.map((document) => `${document.id}:${document.sha256}`),
  ];
  return sha256Hex(lines.join("\n"));
}

/** The folders a corpus is loaded from. */
export interface CorpusLocation {
  /** The corpus folder (with `manifest.json`), a `file:` URL ending in `/`. */
  corpusDir: URL;
  /** The curated datasets' folder, a `file:` URL ending in `/`; none for a collection without datasets. */
  datasetsDir?: URL;
}

/**
 * How a kind of corpus is loaded the full way, and what identifies that way: the built-in
 * corpus's (`DEFAULT_CORPUS_LOADER`) or another collection with its own manifest schema and
 * parser (the primary collection's). A build-time snapshot of it is keyed by `parserVersion`.
 */
export interface CorpusLoader {
  /** The version of the parser the full load runs: a snapshot of another version is another entry. */
  parserVersion: string;
  /** The full load: read, check, parse and validate; its errors name the file at fault. */
  load(location: CorpusLocation): Promise<Corpus>;
  /** The corpus hash of the documents, as the full load computes it. */
  hash(documents: readonly SourceDocument[]): string;
}
