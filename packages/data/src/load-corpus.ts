// Types only from @newind/core: its zod schemas are imported where a file is validated, on demand.
import type { Corpus, CorpusManifest, Footnote, Passage, Sentence, SourceDocument } from "@newind/core";
import {
  CorpusLoadError,
  type CorpusLoader,
  corpusHash,
  displayPath,
  emptyDatasets,
  MANIFEST_FILE,
  readCorpusFile,
  readManifestJson,
  toDirectoryUrl,
} from "./corpus-files.js";
import { formatZodError } from "./format-zod-error.js";
import type { ParseDocumentOptions } from "./parse-document.js";
import { PARSER_VERSION } from "./parser-version.js";

/** Options of {@link loadCorpusFromManifest}. */
export interface LoadCorpusFromManifestOptions {
  /** Where the curated datasets are; without it the corpus has empty datasets. */
  datasetsDir?: URL;
  /** Passed to {@link parseDocument}. */
  parse?: ParseDocumentOptions;
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
