import type { Corpus, Passage, Sentence, SourceDocument } from "@newind/core/text";
import {
  CorpusLoadError,
  type CorpusLoader,
  corpusHash,
  emptyDatasets,
  readCorpusFile,
  readManifestJson,
  sha256Hex,
  toDirectoryUrl,
} from "./corpus-files.js";
import { formatZodError } from "./format-zod-error.js";
import { CHINESE_PARSER_VERSION } from "./parser-version.js";
// The manifest's schema (zod) is imported when a manifest is validated, not before.
import type { PrimaryManifest, PrimaryManifestDocument } from "./primary-manifest.js";

/**
 * The corpus hash of a primary-source collection: the parsers' versions, every document's
 * id and sha256 ({@link corpusHash}) and every document's metadata (a retitled or redated
 * document must not reuse a cache built with the old metadata).
 */
export function primaryCorpusHash(documents: readonly SourceDocument[]): string {
  const metadata = documents.map(({ text: _text, path: _path, ...rest }) => rest);
  return sha256Hex(
    [`newind-chinese-parser@${CHINESE_PARSER_VERSION}`, corpusHash(documents), JSON.stringify(metadata)].join(
      "\n",
    ),
  );
}

/** The document a manifest entry describes, with its text. */
function toSourceDocument(entry: PrimaryManifestDocument, path: string, text: string): SourceDocument {
  return {
    id: entry.id,
    title: entry.title,
    authors: [],
    url: entry.url,
    // The day when the manifest knows it, else the year: analytics read the year from it.
    published: entry.date ?? String(entry.year),
    kind: entry.kind,
    language: entry.language,
    sha256: entry.sha256,
    // After the metadata, as a snapshot restores it: a snapshot keeps the key order.
    path,
    text,
  };
}

/**
 * Loads a primary-source collection the full way: reads its `manifest.json` and validates
 * it ({@link PrimaryManifest}), reads every file it lists and checks the file's bytes
 * against the sha256 it records, and parses each text with `parseChineseDocument`. Each
 * document's `published` is its date (or its year), `kind` and `language` come from the
 * manifest. The corpus has no curated datasets.
 *
 * @param dir the collection's folder, as a `file:` URL or a path.
 * @throws {CorpusLoadError} naming the file at fault: a manifest that is not valid (with the
 *   record and field), a file that is missing, unreadable, or whose bytes changed.
 * @example
 * const corpus = await loadPrimaryCorpusFromManifest(PRIMARY_CORPUS_DIR);
 */
export async function loadPrimaryCorpusFromManifest(dir: URL | string): Promise<Corpus> {
  const directory = toDirectoryUrl(dir);
  const { file, json } = await readManifestJson(directory);
  const { PrimaryManifest } = await import("./primary-manifest.js");
  const result = PrimaryManifest.safeParse(json);
  if (!result.success) throw new CorpusLoadError(file, formatZodError(file, result.error, json));
  const manifest: PrimaryManifest = result.data;
  // Read together: each read is a round trip to the thread pool, and there are dozens.
  const documents = await Promise.all(
    manifest.documents.map(async (entry) => {
      const { path, text } = await readCorpusFile(directory, entry);
      return toSourceDocument(entry, path, text);
    }),
  );
  const { parseChineseDocument } = await import("./parse-chinese-document.js");
  const passages: Passage[] = [];
  const sentences: Sentence[] = [];
  for (const document of documents) {
    const parsed = parseChineseDocument(document);
    passages.push(...parsed.passages);
    sentences.push(...parsed.sentences);
  }
  return {
    documents,
    passages,
    sentences,
    footnotes: [],
    datasets: emptyDatasets(),
    hash: primaryCorpusHash(documents),
  };
}

/** How the primary collection is loaded the full way (its build-time snapshot is keyed on `parserVersion`). */
export const PRIMARY_CORPUS_LOADER: CorpusLoader = {
  parserVersion: `zh-${CHINESE_PARSER_VERSION}`,
  load: (location) => loadPrimaryCorpusFromManifest(location.corpusDir),
  hash: primaryCorpusHash,
};
