import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { fileURLToPath, pathToFileURL } from "node:url";
// Types only from @newind/core: its zod schemas are imported where a file is validated, on demand.
import type {
  Corpus,
  CorpusManifest,
  Datasets,
  Footnote,
  Passage,
  Sentence,
  SourceDocument,
} from "@newind/core";
import { formatZodError } from "./format-zod-error.js";
import { DEFAULT_CORPUS_DIR, DEFAULT_CORPUS_SNAPSHOT_URL, DEFAULT_DATASETS_DIR } from "./package-dirs.js";
import type { ParseDocumentOptions } from "./parse-document.js";
import { PARSER_VERSION } from "./parser-version.js";

export { DEFAULT_CORPUS_DIR, DEFAULT_DATASETS_DIR };

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

/** Options of {@link loadCorpusFromManifest}. */
export interface LoadCorpusFromManifestOptions {
  /** Where the curated datasets are; without it the corpus has empty datasets. */
  datasetsDir?: URL;
  /** Passed to {@link parseDocument}. */
  parse?: ParseDocumentOptions;
}

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

function displayPath(url: URL): string {
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

async function readManifest(dir: URL): Promise<CorpusManifest> {
  const { file, json } = await readManifestJson(dir);
  // zod is loaded here, when a manifest is validated, not when the package is imported.
  const { CorpusManifest } = await import("@newind/core");
  const result = CorpusManifest.safeParse(json);
  if (!result.success) throw new CorpusLoadError(file, formatZodError(file, result.error, json));
  return result.data;
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

/** The sha256 of some bytes, as lowercase hex. */
export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash("sha256").update(bytes).digest("hex");
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

/**
 * Reads the documents a corpus folder's `manifest.json` lists, checks each file's bytes
 * against its recorded sha256, parses them, and attaches the curated datasets when
 * `options.datasetsDir` is given. Errors are {@link CorpusLoadError}s whose message names
 * the file (and for manifest errors the record and field).
 *
 * @param dir the corpus folder, as a `file:` URL or a path.
 * @example
 * const corpus = await loadCorpusFromManifest(new URL("./my-corpus/", import.meta.url));
 */
export async function loadCorpusFromManifest(
  dir: URL | string,
  options: LoadCorpusFromManifestOptions = {},
): Promise<Corpus> {
  const directory = toDirectoryUrl(dir);
  const manifest = await readManifest(directory);
  const manifestFile = displayPath(new URL(MANIFEST_FILE, directory));
  const documents: SourceDocument[] = [];
  const seen = new Set<string>();
  for (const [index, entry] of manifest.documents.entries()) {
    if (seen.has(entry.id)) {
      throw new CorpusLoadError(
        manifestFile,
        `${manifestFile}: record documents[${index}] (id "${entry.id}"), field "id": duplicate document id`,
      );
    }
    seen.add(entry.id);
    const { path, text } = await readCorpusFile(directory, entry);
    const { file: _file, ...metadata } = entry;
    documents.push({ ...metadata, path, text });
  }

  const passages: Passage[] = [];
  const sentences: Sentence[] = [];
  const footnotes: Footnote[] = [];
  const { parseDocument } = await import("./parse-document.js");
  for (const document of documents) {
    const parsed = parseDocument(document, options.parse);
    passages.push(...parsed.passages);
    sentences.push(...parsed.sentences);
    footnotes.push(...parsed.footnotes);
  }

  let datasets = emptyDatasets();
  if (options.datasetsDir) {
    const { loadDatasets } = await import("./datasets.js");
    datasets = await loadDatasets(options.datasetsDir, documents, passages);
  }
  return { documents, passages, sentences, footnotes, datasets, hash: corpusHash(documents) };
}

let defaultCorpus: Promise<Corpus> | undefined;

/**
 * The built-in corpus — the CSIS Interpret "New Industrialization" analysis, parsed,
 * with the curated datasets. Loaded once per process; later calls return the same promise.
 *
 * The build writes a snapshot of it (`dist/default-corpus.json`), used when every file it
 * was made from — manifest, document, datasets — still has the same sha256: then nothing
 * is parsed and zod is not loaded. Otherwise (and always when run from source) the files
 * are read, checked, parsed and validated, and their errors reported, as without it.
 *
 * @example
 * const corpus = await loadDefaultCorpus();
 * corpus.passages.filter((passage) => passage.role === "body").length;
 */
export function loadDefaultCorpus(): Promise<Corpus> {
  defaultCorpus ??= import("./corpus-snapshot.js")
    .then(({ loadCorpusWithSnapshot }) =>
      loadCorpusWithSnapshot({
        corpusDir: DEFAULT_CORPUS_DIR,
        datasetsDir: DEFAULT_DATASETS_DIR,
        snapshot: DEFAULT_CORPUS_SNAPSHOT_URL,
      }),
    )
    .then(
      (loaded) => loaded.corpus,
      (error: unknown) => {
        // A failed load is not cached, so a fixed file loads on the next call.
        defaultCorpus = undefined;
        throw error;
      },
    );
  return defaultCorpus;
}
