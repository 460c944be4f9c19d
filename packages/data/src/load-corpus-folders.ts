import { type Dirent, readFileSync, type Stats, statSync } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import { extname, join, resolve } from "node:path";
import type { Author, Corpus, SourceDocument } from "@newind/core";
import { CorpusFolderError, type CorpusWarning, type SkippedFile } from "./corpus-errors.js";
import { slugifyFileName, uniqueId } from "./document-ids.js";
import {
  type CorpusCache,
  type FolderParts,
  folderCacheKey,
  restoreFolderParts,
  serializeFolderParts,
} from "./folder-cache.js";
// The folder manifest's schema (zod) is imported when a folder has a corpus.json, not before.
import type { FolderManifest, FolderManifestEntry } from "./folder-manifest.js";
import { FOLDER_MANIFEST_FILE } from "./folder-manifest-file.js";
import { formatZodError } from "./format-zod-error.js";
import type { ExtractedDocument } from "./formats/extracted-document.js";
import { corpusHash, emptyDatasets, loadDefaultCorpus, sha256Hex } from "./load-corpus.js";
import type { ParsedDocument } from "./parse-document.js";
import { PARSER_VERSION } from "./parser-version.js";
import { loadPrimaryCorpus } from "./primary-corpus.js";

/** Files larger than this are skipped with a warning (20 MB). */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

/**
 * Version of the folder readers' output (HTML extraction, front-matter handling, ids).
 * Part of {@link Corpus.hash} for folder corpora, so a change here rebuilds cached indexes.
 */
export const FOLDER_READER_VERSION = "2";

type ExtractText = (text: string) => ExtractedDocument;

// Each format's reader is imported only when a file needs it: a folder restored from the
// cache needs none, and yaml and htmlparser2 then cost nothing to start.
const READERS: Readonly<Record<string, () => Promise<ExtractText>>> = {
  ".txt": async () => (await import("./formats/text.js")).extractPlainText,
  ".text": async () => (await import("./formats/text.js")).extractPlainText,
  ".md": async () => (await import("./formats/markdown.js")).extractMarkdown,
  ".markdown": async () => (await import("./formats/markdown.js")).extractMarkdown,
  ".html": async () => (await import("./formats/html.js")).extractHtml,
  ".htm": async () => (await import("./formats/html.js")).extractHtml,
};

/** The file extensions read from a corpus folder (case-insensitive); other files are skipped. */
export const DOCUMENT_EXTENSIONS: readonly string[] = Object.keys(READERS);

/** Options of {@link loadCorpus}. */
export interface LoadCorpusOptions {
  /** Folders of the user's own documents (paths, resolved against the working directory). */
  dirs?: readonly string[];
  /** Include the built-in corpus and its curated datasets. Default true. */
  includeDefault?: boolean;
  /** Include the primary collection (see {@link loadPrimaryCorpus}). Default false. */
  includePrimary?: boolean;
  /** Skip files larger than this many bytes, with a warning. Default {@link MAX_DOCUMENT_BYTES}. */
  maxFileBytes?: number;
  /**
   * Keeps parsed folder documents between runs (see {@link CorpusCache}): files are still
   * read and hashed every time, but unchanged ones are not extracted and parsed again.
   */
  cache?: CorpusCache;
}

/**
 * A {@link Corpus} loaded from folders: an ordinary corpus (it feeds `createSearchIndex`
 * and `createBot` unchanged), plus what was left out and why.
 */
export interface LoadedCorpus extends Corpus {
  /** Files skipped because they are not valid UTF-8, empty, binary or too large (and front-matter problems). */
  warnings: CorpusWarning[];
  /** Folder entries that are not documents: unsupported extensions and subfolders. */
  skipped: SkippedFile[];
}

/** A file of a folder that will be read as a document. */
interface Candidate {
  dir: string;
  fileName: string;
  path: string;
  /** The extension, lowercased: which reader extracts the text. */
  extension: string;
  entry: FolderManifestEntry | undefined;
  /** Where the entry is in corpus.json, for error messages. */
  entryIndex: number | undefined;
  manifestPath: string;
}

/** A file read and decoded, before its text is extracted. */
interface ReadFile {
  candidate: Candidate;
  /** sha256 of the file's bytes. */
  sha256: string;
  decoded: string;
}

interface ReadDocument {
  candidate: Candidate;
  sha256: string;
  extracted: ExtractedDocument;
}

/**
 * Loads the built-in corpus (unless `includeDefault` is false) and the documents of each
 * folder in `dirs`: `.txt`, `.md` (YAML front matter: title, authors, date, publisher,
 * url) and `.html` (main text extracted). Folders are read one level deep — subfolders
 * are listed in `skipped`, not read — so pointing at a folder never pulls in a nested
 * project; pass each subfolder as its own dir to include it. An optional `corpus.json`
 * in a folder gives metadata per file (see {@link FolderManifest}).
 *
 * Each document gets a stable id: `corpus.json`'s `id`, else its file name slugified
 * (`Jin Interview.md` → `jin-interview`), with `-2`, `-3`… when two names give the same
 * slug. Its `text` is the text citations index — the file itself for .txt and .md, the
 * extracted text for .html — and it is parsed by {@link parseDocument}, like the built-in
 * document. Curated datasets are those of the built-in corpus (empty without it).
 * `hash` changes whenever any document's content or metadata changes.
 *
 * Nothing is written anywhere; files are only read.
 *
 * @throws {CorpusFolderError} for a missing folder, an unreadable file, a malformed
 *   `corpus.json` or duplicate explicit ids; and when no document is left to load.
 * @example
 * const corpus = await loadCorpus({ dirs: ["./my-notes"], includeDefault: true });
 * for (const warning of corpus.warnings) console.error(warning.message);
 * const index = await createSearchIndex(corpus);
 */
export async function loadCorpus(options: LoadCorpusOptions = {}): Promise<LoadedCorpus> {
  const includeDefault = options.includeDefault ?? true;
  const maxFileBytes = options.maxFileBytes ?? MAX_DOCUMENT_BYTES;
  // The same folder named twice (by NEWIND_CORPUS and --corpus, say) is read once.
  const dirs = [...new Set((options.dirs ?? []).map((dir) => resolve(dir)))];
  const [base, primary] = await Promise.all([
    includeDefault ? loadDefaultCorpus() : undefined,
    options.includePrimary ? loadPrimaryCorpus() : undefined,
  ]);
  const builtIn = [base, primary].filter((corpus) => corpus !== undefined);
  if (dirs.length === 0) {
    const [only, ...others] = builtIn;
    if (!only) {
      throw new CorpusFolderError(
        "no-documents",
        "",
        "no documents to load: no folder given and the built-in corpus left out",
      );
    }
    if (others.length === 0) return { ...only, warnings: [], skipped: [] };
  }

  const warnings: CorpusWarning[] = [];
  const skipped: SkippedFile[] = [];
  const candidates: Candidate[] = [];
  for (const dir of dirs) candidates.push(...(await listFolder(dir, skipped)));

  const read: ReadFile[] = [];
  for (const candidate of candidates) {
    const file = readCandidate(candidate, maxFileBytes, warnings);
    if (file) read.push(file);
  }

  const reserved = builtIn.flatMap((corpus) => corpus.documents.map((document) => document.id));
  const key = folderCacheKey([
    `newind-folders@${FOLDER_READER_VERSION}`,
    `newind-parser@${PARSER_VERSION}`,
    reserved,
    ...read.map(({ candidate, sha256 }) => [
      candidate.path,
      sha256,
      candidate.entry ?? null,
      candidate.entryIndex ?? null,
    ]),
  ]);
  const fingerprints = read.map(({ candidate, sha256 }) => ({ path: candidate.path, sha256 }));
  const cachedValue =
    options.cache && read.length > 0 ? await options.cache.read(key).catch(() => undefined) : undefined;
  let parts = cachedValue === undefined ? undefined : restoreFolderParts(cachedValue, fingerprints);
  if (!parts) {
    parts = await parseFolders(read, reserved);
    if (options.cache && read.length > 0)
      await options.cache.write(key, serializeFolderParts(parts)).catch(() => {});
  }

  if (builtIn.length === 0 && parts.documents.length === 0) {
    throw new CorpusFolderError(
      "no-documents",
      dirs.join(", "),
      `no documents to load: ${dirs.join(", ")} ${dirs.length === 1 ? "has" : "have"} no readable ${DOCUMENT_EXTENSIONS.join(", ")} files`,
    );
  }
  warnings.push(...parts.warnings);
  // Warnings in folder and file order, whatever order the parallel reads finished in.
  warnings.sort((a, b) => compareNames(a.path, b.path));

  const all = [...builtIn, parts];
  const allDocuments = all.flatMap((part) => part.documents);
  return {
    documents: allDocuments,
    passages: all.flatMap((part) => part.passages),
    sentences: all.flatMap((part) => part.sentences),
    footnotes: all.flatMap((part) => part.footnotes),
    datasets: base?.datasets ?? emptyDatasets(),
    hash: folderCorpusHash(allDocuments),
    warnings,
    skipped,
  };
}

/** Extracts, names and parses the files read: the work a {@link CorpusCache} saves. */
async function parseFolders(read: readonly ReadFile[], reserved: readonly string[]): Promise<FolderParts> {
  // The parser and the URL check (zod) are needed only here: a folder restored from the cache loads neither.
  const [{ parseDocument }, { SourceDocument: SourceDocumentSchema }] = await Promise.all([
    import("./parse-document.js"),
    import("@newind/core"),
  ]);
  const parse = (document: SourceDocument, bodyStart: number) =>
    parseFolderDocument(parseDocument, document, bodyStart);
  const isUrl = (url: string) => SourceDocumentSchema.shape.url.safeParse(url).success;
  const readers = new Map<string, ExtractText>();
  for (const extension of new Set(read.map((file) => file.candidate.extension))) {
    const load = READERS[extension];
    if (load) readers.set(extension, await load());
  }
  const warnings: CorpusWarning[] = [];
  const extracted: ReadDocument[] = [];
  for (const { candidate, sha256, decoded } of read) {
    const { path } = candidate;
    const extract = readers.get(candidate.extension);
    if (!extract) continue;
    const document = extract(decoded);
    if (
      document.text
        .slice(document.bodyStart)
        .replace(/^\uFEFF/, "")
        .trim().length === 0
    ) {
      warnings.push({ path, reason: "empty", message: `${path}: skipped: no text to index` });
      continue;
    }
    for (const problem of document.problems) {
      warnings.push({ path, reason: "front-matter", message: `${path}: ${problem}` });
    }
    extracted.push({ candidate, sha256, extracted: document });
  }
  const parts: FolderParts = { documents: [], passages: [], sentences: [], footnotes: [], warnings };
  for (const { document, bodyStart } of assignIds(extracted, reserved, isUrl)) {
    const parsed = parse(document, bodyStart);
    parts.documents.push(document);
    parts.passages.push(...parsed.passages);
    parts.sentences.push(...parsed.sentences);
    parts.footnotes.push(...parsed.footnotes);
  }
  return parts;
}

/**
 * The hash of a corpus with folder documents: the parser's {@link corpusHash} over ids
 * and content hashes, plus every document's metadata (a retitled file in corpus.json
 * must not reuse an index built with the old title) and {@link FOLDER_READER_VERSION}.
 */
export function folderCorpusHash(documents: readonly SourceDocument[]): string {
  const metadata = documents.map(({ text: _text, ...rest }) => rest);
  return sha256Hex(
    [`newind-folders@${FOLDER_READER_VERSION}`, corpusHash(documents), JSON.stringify(metadata)].join("\n"),
  );
}

/** Parses a folder document; a Markdown front-matter block is blanked so it yields no passage. */
function parseFolderDocument(
  parseDocument: (document: SourceDocument) => ParsedDocument,
  document: SourceDocument,
  bodyStart: number,
): ParsedDocument {
  if (bodyStart === 0) return parseDocument(document);
  // Same length, line breaks kept: every offset the parser reports still indexes the real text.
  const masked = document.text.slice(0, bodyStart).replace(/[^\r\n]/g, " ") + document.text.slice(bodyStart);
  return parseDocument({ ...document, text: masked });
}

async function listFolder(dir: string, skipped: SkippedFile[]): Promise<Candidate[]> {
  let entries: Dirent[];
  try {
    const info = await stat(dir);
    if (!info.isDirectory()) {
      throw new CorpusFolderError(
        "not-a-folder",
        dir,
        `${dir}: not a folder (--corpus takes a folder of documents)`,
      );
    }
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if (error instanceof CorpusFolderError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new CorpusFolderError("missing-folder", dir, `${dir}: no such folder`);
    throw new CorpusFolderError("unreadable", dir, `${dir}: cannot read the folder (${describe(error)})`);
  }
  entries.sort((a, b) => compareNames(a.name, b.name));
  const names = new Set(entries.map((entry) => entry.name));
  const manifestPath = join(dir, FOLDER_MANIFEST_FILE);
  const manifest = names.has(FOLDER_MANIFEST_FILE) ? await readFolderManifest(manifestPath) : undefined;
  const described = new Map<string, number>();
  manifest?.documents.forEach((entry, index) => {
    described.set(entry.file, index);
    if (!names.has(entry.file)) {
      throw new CorpusFolderError(
        "invalid-manifest",
        manifestPath,
        `${manifestPath}: record documents[${index}], field "file": no file "${entry.file}" in ${dir}`,
      );
    }
  });

  const candidates: Candidate[] = [];
  for (const entry of entries) {
    // Hidden files (.DS_Store, editor swap files) are not documents, and not worth a mention.
    if (entry.name.startsWith(".") || entry.name === FOLDER_MANIFEST_FILE) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      skipped.push({ path, reason: "folder" });
      continue;
    }
    const extension = extname(entry.name).toLowerCase();
    if (!(extension in READERS)) {
      skipped.push({ path, reason: "unsupported-extension" });
      continue;
    }
    const entryIndex = described.get(entry.name);
    const manifestEntry = entryIndex === undefined ? undefined : manifest?.documents[entryIndex];
    candidates.push({
      dir,
      fileName: entry.name,
      path,
      extension,
      entry: manifestEntry,
      entryIndex,
      manifestPath,
    });
  }
  return candidates;
}

/**
 * Case-insensitive, then code-point order: the same on every machine (no locale), and
 * "Notes.md" next to "notes.txt", so ids do not depend on capitalisation.
 */
function compareNames(a: string, b: string): number {
  const lowerA = a.toLowerCase();
  const lowerB = b.toLowerCase();
  if (lowerA !== lowerB) return lowerA < lowerB ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

async function readFolderManifest(file: string): Promise<FolderManifest> {
  let source: string;
  try {
    source = await readFile(file, "utf8");
  } catch (error) {
    throw new CorpusFolderError("unreadable", file, `${file}: cannot read (${describe(error)})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(source);
  } catch (error) {
    throw new CorpusFolderError("invalid-manifest", file, `${file}: not valid JSON (${describe(error)})`);
  }
  const { FolderManifest } = await import("./folder-manifest.js");
  const result = FolderManifest.safeParse(json);
  if (!result.success) {
    throw new CorpusFolderError(
      "invalid-manifest",
      file,
      formatZodError(file, result.error, json).replace(/\n/g, "; "),
    );
  }
  return result.data;
}

/**
 * Reads one file. Synchronous on purpose: a folder is many small files, and the
 * promise-based fs calls (open, fstat, read, close each a thread-pool round trip) cost
 * several times the read itself — 1,000 files load in a fraction of the time this way.
 */
function readCandidate(
  candidate: Candidate,
  maxFileBytes: number,
  warnings: CorpusWarning[],
): ReadFile | undefined {
  const { path } = candidate;
  const warn = (reason: CorpusWarning["reason"], what: string) => {
    warnings.push({ path, reason, message: `${path}: ${what}` });
  };
  let info: Stats;
  try {
    info = statSync(path);
  } catch (error) {
    throw new CorpusFolderError("unreadable", path, `${path}: cannot read (${describe(error)})`);
  }
  // A FIFO or device named notes.txt would block or never end: only regular files are read.
  if (!info.isFile()) throw new CorpusFolderError("unreadable", path, `${path}: not a regular file`);
  if (info.size > maxFileBytes) {
    warn("too-large", `skipped: ${formatBytes(info.size)} is over the ${formatBytes(maxFileBytes)} limit`);
    return undefined;
  }
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new CorpusFolderError("unreadable", path, `${path}: cannot read (${describe(error)})`);
  }
  if (bytes.length === 0) {
    warn("empty", "skipped: the file is empty");
    return undefined;
  }
  if (bytes.includes(0)) {
    warn("binary", "skipped: binary file (it contains NUL bytes), not text");
    return undefined;
  }
  let decoded: string;
  try {
    // ignoreBOM keeps a byte-order mark in the text, as the built-in loader does: offsets index the file.
    decoded = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    warn(
      "invalid-utf8",
      `skipped: not valid UTF-8 (at byte ${firstInvalidUtf8(bytes)}); save it as UTF-8 to include it`,
    );
    return undefined;
  }
  // The file's bytes: for HTML this changes with anything in the page, title included.
  return { candidate, sha256: sha256Hex(bytes), decoded };
}

interface AssignedDocument {
  document: SourceDocument;
  bodyStart: number;
}

/**
 * Gives each document its id: explicit ids (corpus.json) first, which must be unique
 * across all folders and the built-in corpus; then file-name slugs, made unique.
 */
function assignIds(
  read: ReadDocument[],
  reserved: readonly string[],
  isUrl: (url: string) => boolean,
): AssignedDocument[] {
  const taken = new Map<string, string>(reserved.map((id) => [id, "the built-in corpus"]));
  for (const { candidate } of read) {
    const id = candidate.entry?.id;
    if (id === undefined) continue;
    const owner = taken.get(id);
    if (owner !== undefined) {
      throw new CorpusFolderError(
        "duplicate-id",
        candidate.manifestPath,
        `${candidate.manifestPath}: record documents[${candidate.entryIndex}] (id "${id}"), field "id": duplicate document id (already used by ${owner})`,
      );
    }
    taken.set(id, candidate.manifestPath);
  }
  return read.map(({ candidate, sha256, extracted }) => {
    let id = candidate.entry?.id;
    if (id === undefined) {
      id = uniqueId(slugifyFileName(candidate.fileName), new Set(taken.keys()));
      taken.set(id, candidate.path);
    }
    return {
      document: toSourceDocument(id, candidate, sha256, extracted, isUrl),
      bodyStart: extracted.bodyStart,
    };
  });
}

function toSourceDocument(
  id: string,
  candidate: Candidate,
  sha256: string,
  extracted: ExtractedDocument,
  isUrl: (url: string) => boolean,
): SourceDocument {
  const entry = candidate.entry;
  const title = entry?.title ?? extracted.title ?? titleFromFileName(candidate.fileName);
  const authors: Author[] = entry?.authors ?? extracted.authors ?? [];
  const document: SourceDocument = {
    id,
    title,
    authors,
    path: candidate.path,
    sha256,
    text: extracted.text,
  };
  const publisher = entry?.publisher ?? extracted.publisher;
  if (publisher !== undefined) document.publisher = publisher;
  const url = entry?.url ?? extracted.url;
  if (url !== undefined && isUrl(url)) document.url = url;
  const published =
    entry?.published ?? entry?.date ?? extracted.published ?? dateFromFileName(candidate.fileName);
  if (published !== undefined) document.published = published;
  return document;
}

// A year from 1800 to 2199, with an optional month and day ("2019", "2019-03", "2019-03-05"),
// not part of a longer number.
const FILE_NAME_DATE =
  /(?<![0-9])((?:1[89]|2[01])[0-9]{2})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12][0-9]|3[01]))?)?(?![0-9])/g;

/**
 * The date a file's name gives: "gwr-2003.txt" → "2003", "2019-03-05 notes.md" →
 * "2019-03-05". A name with two different years ("review 2003-2015.md") gives none: it
 * could be either, and an undated document is listed as undated rather than misdated.
 */
export function dateFromFileName(fileName: string): string | undefined {
  const stem = fileName.replace(/\.[^.]+$/, "");
  const matches = [...stem.matchAll(FILE_NAME_DATE)];
  const years = new Set(matches.map((match) => match[1]));
  if (years.size !== 1) return undefined;
  return matches.length === 1 ? matches[0]?.[0] : matches[0]?.[1];
}

/** "jin_zhuanglong-interview.md" → "jin zhuanglong interview". */
function titleFromFileName(fileName: string): string {
  const title = fileName
    .replace(/\.[^.]+$/, "")
    .replace(/[_\s-]+/g, " ")
    .trim();
  return title.length > 0 ? title : fileName;
}

/** Roughly where decoding fails (the longest prefix that still decodes), for the warning. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  // In streaming mode an unfinished sequence at the end is not an error, so "this prefix
  // decodes" is monotonic and a binary search finds the failing byte in O(n log n).
  let low = 0;
  let high = bytes.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, middle), { stream: true });
      low = middle;
    } catch {
      high = middle - 1;
    }
  }
  // `low` may sit inside a sequence whose lead byte came earlier: report the lead byte.
  let lead = low;
  while (lead > 0 && lead > low - 3 && ((bytes[lead - 1] ?? 0) & 0xc0) === 0x80) lead--;
  const first = bytes[lead - 1] ?? 0;
  const length = first >= 0xf0 ? 4 : first >= 0xe0 ? 3 : first >= 0xc0 ? 2 : 1;
  return lead > 0 && length > 1 && lead - 1 + length > low ? lead - 1 : low;
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${bytes} bytes`;
}

function describe(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  if (code === "ENOENT") return "no such file; a broken link?";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "EISDIR") return "it is a folder";
  return message.replace(/\s+/g, " ");
}
