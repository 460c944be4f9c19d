import {
  closeSync,
  constants,
  type Dirent,
  fstatSync,
  openSync,
  readSync,
  realpathSync,
  type Stats,
  statSync,
} from "node:fs";
import { readdir, realpath, stat } from "node:fs/promises";
import { extname, join, relative, resolve, sep } from "node:path";
import { type Store, type StoreEntry, sha256Hex, storeEntry } from "@newind/cache";
import type { Author, Corpus, SourceDocument, Span } from "@newind/core";
import { escapeControl } from "@newind/core/text";
import { CorpusFolderError, type CorpusWarning, type SkippedFile } from "./corpus-errors.js";
import { corpusHash, emptyDatasets } from "./corpus-files.js";
import { loadDefaultCorpus } from "./default-corpus.js";
import { slugifyFileName, uniqueId } from "./document-ids.js";
import {
  type FileFingerprint,
  FOLDER_PARTS_KIND,
  type FolderParts,
  restoreFolderParts,
  serializeFolderParts,
} from "./folder-cache.js";
// The folder manifest's schema (zod) is imported when a folder has a corpus.json, not before.
import type { FolderManifest, FolderManifestEntry } from "./folder-manifest.js";
import { FOLDER_MANIFEST_FILE } from "./folder-manifest-file.js";
import { formatZodError } from "./format-zod-error.js";
import type { ExtractedDocument } from "./formats/extracted-document.js";
import type { ParseDocumentOptions, ParsedDocument } from "./parse-document.js";
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
// cache needs none (HTML pages are extracted again, to check the cached text), and yaml and
// htmlparser2 then cost nothing to start.
const READERS: ReadonlyMap<string, () => Promise<ExtractText>> = new Map([
  [".txt", async () => (await import("./formats/text.js")).extractPlainText],
  [".text", async () => (await import("./formats/text.js")).extractPlainText],
  [".md", async () => (await import("./formats/markdown.js")).extractMarkdown],
  [".markdown", async () => (await import("./formats/markdown.js")).extractMarkdown],
  [".html", async () => (await import("./formats/html.js")).extractHtml],
  [".htm", async () => (await import("./formats/html.js")).extractHtml],
]);

/** Formats whose document text is the file's text itself (HTML's is extracted from it). */
const TEXT_IS_FILE: ReadonlySet<string> = new Set([".txt", ".text", ".md", ".markdown"]);

/** The file extensions read from a corpus folder (case-insensitive); other files are skipped. */
export const DOCUMENT_EXTENSIONS: readonly string[] = [...READERS.keys()];

/** corpus.json is metadata: anything this big is not one. */
const MAX_MANIFEST_BYTES = 10 * 1024 * 1024;

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
   * Keeps parsed folder documents between runs: a store of `@newind/cache` (the CLI's is
   * `openStore(userCacheDir())`; `createMemoryStore()` keeps them for the process). Files are
   * still read and hashed every time, and the entry is keyed by those hashes, the reader and
   * parser versions and `corpus.json`'s records; what it holds is checked against the files'
   * texts before use, so unchanged files are not parsed again and changed ones never come
   * from it. A store that throws or rejects is treated as empty.
   */
  cache?: Store;
  /**
   * Follow symbolic links that lead outside their folder. Default false: such a link is
   * skipped with a warning, so a folder never brings in `/etc/passwd` through a link in it.
   * Links that stay inside the folder are always followed.
   */
  followExternalLinks?: boolean;
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
 * Files are read as UTF-8, or UTF-16 when they start with its byte-order mark. Only
 * regular files are read (a named pipe or a device is skipped with a warning, never
 * opened for long), never more than `maxFileBytes` of them. A symbolic link counts as
 * what it points to, when that is inside the folder; a link leading out of the folder,
 * or nowhere, is skipped with a warning (see `followExternalLinks`). A page that cannot
 * be read (HTML nested thousands of elements deep) is skipped with a warning; the rest
 * still load. Messages show control characters in paths escaped (`\e`, `\x07`).
 *
 * Nothing is written anywhere; files are only read.
 *
 * @throws {CorpusFolderError} for a missing folder, an unreadable file, a malformed
 *   `corpus.json` or duplicate explicit ids; and when no document is left to load.
 * @throws {TypeError} or {RangeError} for options of the wrong type or out of range
 *   (`maxFileBytes: NaN`, `dirs: "notes"`).
 * @example
 * const corpus = await loadCorpus({ dirs: ["./my-notes"], includeDefault: true });
 * for (const warning of corpus.warnings) console.error(warning.message);
 * const index = await createSearchIndex(corpus);
 */
export async function loadCorpus(input?: LoadCorpusOptions | null): Promise<LoadedCorpus> {
  const options = checkOptions(input);
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
  const followExternalLinks = options.followExternalLinks ?? false;
  for (const dir of dirs) candidates.push(...(await listFolder(dir, skipped, warnings, followExternalLinks)));

  const read: ReadFile[] = [];
  for (const candidate of candidates) {
    const file = readCandidate(candidate, maxFileBytes, warnings);
    if (file) read.push(file);
  }

  const reserved = builtIn.flatMap((corpus) => corpus.documents.map((document) => document.id));
  const entry = storeEntry(FOLDER_PARTS_KIND, {
    code: `folders@${FOLDER_READER_VERSION} parser@${PARSER_VERSION}`,
    inputs: [
      reserved,
      ...read.map(({ candidate, sha256 }) => [
        candidate.path,
        sha256,
        candidate.entry ?? null,
        candidate.entryIndex ?? null,
      ]),
    ],
  });
  const cache = read.length > 0 ? options.cache : undefined;
  let parts = cache ? await readCache(cache, entry, read) : undefined;
  if (!parts) {
    parts = await parseFolders(read, reserved);
    if (cache) await writeCache(cache, entry, serializeFolderParts(parts));
  }

  if (builtIn.length === 0 && parts.documents.length === 0) {
    throw new CorpusFolderError(
      "no-documents",
      dirs.join(", "),
      `no documents to load: ${dirs.map(show).join(", ")} ${dirs.length === 1 ? "has" : "have"} no readable ${DOCUMENT_EXTENSIONS.join(", ")} files`,
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

/** Checks loadCorpus's options, so a mistake is a clear TypeError rather than a silent default. */
function checkOptions(options: LoadCorpusOptions | null | undefined): LoadCorpusOptions {
  if (options === undefined || options === null) return {};
  if (typeof options !== "object") {
    throw new TypeError(`loadCorpus: options must be an object, not ${typeof options}`);
  }
  const { dirs, includeDefault, maxFileBytes, cache, followExternalLinks } = options;
  if (dirs !== undefined && (!Array.isArray(dirs) || dirs.some((dir) => typeof dir !== "string"))) {
    throw new TypeError("loadCorpus: dirs must be an array of folder paths (strings)");
  }
  for (const [name, value] of [
    ["includeDefault", includeDefault],
    ["followExternalLinks", followExternalLinks],
  ] as const) {
    if (value !== undefined && typeof value !== "boolean") {
      throw new TypeError(`loadCorpus: ${name} must be true or false, not ${typeof value}`);
    }
  }
  if (maxFileBytes !== undefined) {
    if (typeof maxFileBytes !== "number") {
      throw new TypeError(`loadCorpus: maxFileBytes must be a number of bytes, not ${typeof maxFileBytes}`);
    }
    if (Number.isNaN(maxFileBytes) || maxFileBytes <= 0) {
      throw new RangeError(`loadCorpus: maxFileBytes must be a number of bytes above 0, not ${maxFileBytes}`);
    }
  }
  if (
    cache !== undefined &&
    (cache === null ||
      typeof cache !== "object" ||
      typeof cache.read !== "function" ||
      typeof cache.write !== "function")
  ) {
    throw new TypeError("loadCorpus: cache must be an object with read(key) and write(key, value) methods");
  }
  return options;
}

/**
 * The folder parts the store holds for `entry`, checked against the files just read (see
 * {@link restoreFolderParts}); nothing when it has none, they do not fit, or it throws.
 */
async function readCache(
  cache: Store,
  entry: StoreEntry,
  read: readonly ReadFile[],
): Promise<FolderParts | undefined> {
  try {
    const found = await cache.read(entry, async (payload) =>
      restoreFolderParts(payload, await fingerprintsOf(read)),
    );
    return found.status === "hit" ? found.value : undefined;
  } catch {
    return undefined;
  }
}

/** Stores the parts under `entry`; a store that fails only means parsing again next time. */
async function writeCache(cache: Store, entry: StoreEntry, value: string): Promise<void> {
  try {
    await cache.write(entry, value);
  } catch {
    // nothing lost but time
  }
}

/**
 * What a cached document must match: each file's path, bytes hash and document text —
 * the file itself for text and Markdown, extracted again for HTML (a file whose text
 * cannot be extracted has none, so a cached document for it is never accepted).
 */
async function fingerprintsOf(read: readonly ReadFile[]): Promise<FileFingerprint[]> {
  const fingerprints: FileFingerprint[] = [];
  for (const { candidate, sha256, decoded } of read) {
    let text: string | undefined = decoded;
    if (!TEXT_IS_FILE.has(candidate.extension)) {
      const load = READERS.get(candidate.extension);
      try {
        text = load ? (await load())(decoded).text : undefined;
      } catch {
        text = undefined;
      }
    }
    fingerprints.push({ path: candidate.path, sha256, text });
  }
  return fingerprints;
}

/** Extracts, names and parses the files read: the work the cache saves. */
async function parseFolders(read: readonly ReadFile[], reserved: readonly string[]): Promise<FolderParts> {
  // The parser and the URL check (zod) are needed only here: a folder restored from the cache loads neither.
  const [{ parseDocument }, { SourceDocument: SourceDocumentSchema }] = await Promise.all([
    import("./parse-document.js"),
    import("@newind/core"),
  ]);
  const parse = (document: SourceDocument, bodyStart: number, bylines: readonly Span[]) =>
    parseFolderDocument(parseDocument, document, bodyStart, bylines);
  const isUrl = (url: string) => SourceDocumentSchema.shape.url.safeParse(url).success;
  const readers = new Map<string, ExtractText>();
  for (const extension of new Set(read.map((file) => file.candidate.extension))) {
    const load = READERS.get(extension);
    if (load) readers.set(extension, await load());
  }
  const warnings: CorpusWarning[] = [];
  const extracted: ReadDocument[] = [];
  for (const { candidate, sha256, decoded } of read) {
    const { path } = candidate;
    const extract = readers.get(candidate.extension);
    if (!extract) continue;
    let document: ExtractedDocument;
    try {
      document = extract(decoded);
    } catch (error) {
      // One page that cannot be read (nested thousands of elements deep) is skipped; the rest load.
      warnings.push({
        path,
        reason: "unreadable-content",
        message: `${show(path)}: skipped: ${describe(error)}`,
      });
      continue;
    }
    if (
      document.text
        .slice(document.bodyStart)
        .replace(/^\uFEFF/, "")
        .trim().length === 0
    ) {
      warnings.push({ path, reason: "empty", message: `${show(path)}: skipped: no text to index` });
      continue;
    }
    for (const problem of document.problems) {
      warnings.push({ path, reason: "front-matter", message: `${show(path)}: ${problem}` });
    }
    extracted.push({ candidate, sha256, extracted: document });
  }
  const parts: FolderParts = { documents: [], passages: [], sentences: [], footnotes: [], warnings };
  for (const { document, bodyStart, bylines } of assignIds(extracted, reserved, isUrl)) {
    let parsed: ParsedDocument;
    try {
      parsed = parse(document, bodyStart, bylines);
    } catch (error) {
      warnings.push({
        path: document.path ?? document.id,
        reason: "unreadable-content",
        message: `${show(document.path ?? document.id)}: skipped: it could not be parsed (${describe(error)})`,
      });
      continue;
    }
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
  parseDocument: (document: SourceDocument, options?: ParseDocumentOptions) => ParsedDocument,
  document: SourceDocument,
  bodyStart: number,
  bylines: readonly Span[],
): ParsedDocument {
  if (bodyStart === 0) return parseDocument(document, { bylines });
  // Same length, line breaks kept: every offset the parser reports still indexes the real text;
  // only the front matter's author names stay, to be cited as bylines.
  const raw = document.text;
  let masked = "";
  let at = 0;
  for (const span of [...bylines].sort((a, b) => a.start - b.start)) {
    if (span.start < at || span.end > bodyStart) continue;
    masked += raw.slice(at, span.start).replace(/[^\r\n]/g, " ") + raw.slice(span.start, span.end);
    at = span.end;
  }
  masked += raw.slice(at, bodyStart).replace(/[^\r\n]/g, " ") + raw.slice(bodyStart);
  return parseDocument({ ...document, text: masked }, { bylines });
}

async function listFolder(
  dir: string,
  skipped: SkippedFile[],
  warnings: CorpusWarning[],
  followExternalLinks: boolean,
): Promise<Candidate[]> {
  let entries: Dirent[];
  let realDir: string;
  try {
    const info = await stat(dir);
    if (!info.isDirectory()) {
      throw new CorpusFolderError(
        "not-a-folder",
        dir,
        `${show(dir)}: not a folder (--corpus takes a folder of documents)`,
      );
    }
    entries = await readdir(dir, { withFileTypes: true });
    // Links are judged against where the folder really is (it may be reached through a link itself).
    realDir = await realpath(dir);
  } catch (error) {
    if (error instanceof CorpusFolderError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new CorpusFolderError("missing-folder", dir, `${show(dir)}: no such folder`);
    throw new CorpusFolderError(
      "unreadable",
      dir,
      `${show(dir)}: cannot read the folder (${describe(error)})`,
    );
  }
  entries.sort((a, b) => compareNames(a.name, b.name));
  const names = new Set(entries.map((entry) => entry.name));
  const manifestPath = join(dir, FOLDER_MANIFEST_FILE);
  const manifest = names.has(FOLDER_MANIFEST_FILE)
    ? await readFolderManifest(manifestPath, realDir, followExternalLinks)
    : undefined;
  const described = new Map<string, number>();
  manifest?.documents.forEach((entry, index) => {
    described.set(entry.file, index);
    if (!names.has(entry.file)) {
      throw new CorpusFolderError(
        "invalid-manifest",
        manifestPath,
        `${show(manifestPath)}: record documents[${index}], field "file": no file "${escapeControl(entry.file)}" in ${show(dir)}`,
      );
    }
  });

  const candidates: Candidate[] = [];
  for (const entry of entries) {
    // Hidden files (.DS_Store, editor swap files) are not documents, and not worth a mention.
    if (entry.name.startsWith(".") || entry.name === FOLDER_MANIFEST_FILE) continue;
    const path = join(dir, entry.name);
    const warn = (reason: CorpusWarning["reason"], what: string) => {
      warnings.push({ path, reason, message: `${show(path)}: ${what}` });
    };
    let kind: EntryKind;
    if (entry.isSymbolicLink()) {
      const link = followLink(path, realDir, followExternalLinks);
      if ("problem" in link) {
        warn(link.reason, link.problem);
        continue;
      }
      kind = link.kind;
    } else {
      kind = entry.isDirectory() ? "folder" : entry.isFile() ? "file" : describeKind(entry);
    }
    if (kind === "folder") {
      skipped.push({ path, reason: "folder" });
      continue;
    }
    const extension = extname(entry.name).toLowerCase();
    if (!READERS.has(extension)) {
      skipped.push({ path, reason: "unsupported-extension" });
      continue;
    }
    if (kind !== "file") {
      // A named pipe would block the read for ever, a device never end: only regular files are read.
      warn("not-a-file", `skipped: not a regular file (${kind})`);
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

/** What a folder entry is: a regular file, a folder, or what else (for a warning). */
type EntryKind = "file" | "folder" | "a named pipe" | "a socket" | "a device" | "not a file or folder";

function describeKind(
  info: Pick<Stats, "isFIFO" | "isSocket" | "isCharacterDevice" | "isBlockDevice">,
): EntryKind {
  if (info.isFIFO()) return "a named pipe";
  if (info.isSocket()) return "a socket";
  if (info.isCharacterDevice() || info.isBlockDevice()) return "a device";
  return "not a file or folder";
}

/**
 * Where a symbolic link leads: the kind of its target when the target is inside the folder
 * (or `followExternalLinks` is set); otherwise why it is skipped.
 */
function followLink(
  path: string,
  realDir: string,
  followExternalLinks: boolean,
): { kind: EntryKind } | { problem: string; reason: CorpusWarning["reason"] } {
  let target: string;
  let info: Stats;
  try {
    target = realpathSync(path);
    info = statSync(target);
  } catch (error) {
    const loop = (error as NodeJS.ErrnoException).code === "ELOOP";
    return { reason: "broken-link", problem: `skipped: ${loop ? "a link that loops" : "a broken link"}` };
  }
  if (!followExternalLinks && !isInside(target, realDir)) {
    return {
      reason: "outside-link",
      problem: `skipped: a link to ${show(target)}, outside the folder (links are followed only inside it; add that folder with its own --corpus)`,
    };
  }
  return { kind: info.isDirectory() ? "folder" : info.isFile() ? "file" : describeKind(info) };
}

/** True when `path` is `dir` or lies under it (both real paths). */
function isInside(path: string, dir: string): boolean {
  const rest = relative(dir, path);
  return rest === "" || (rest.split(sep)[0] !== ".." && !rest.startsWith(sep) && resolve(dir, rest) === path);
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

async function readFolderManifest(
  file: string,
  realDir: string,
  followExternalLinks: boolean,
): Promise<FolderManifest> {
  const fail = (what: string) => new CorpusFolderError("unreadable", file, `${show(file)}: ${what}`);
  let target = file;
  try {
    target = realpathSync(file);
  } catch (error) {
    throw fail(`cannot read (${describe(error)})`);
  }
  if (!followExternalLinks && !isInside(target, realDir)) {
    throw fail(`a link to ${show(target)}, outside the folder; links are followed only inside it`);
  }
  const read = readRegularFile(file, MAX_MANIFEST_BYTES);
  if (read.kind === "error") throw fail(`cannot read (${describe(read.error)})`);
  if (read.kind === "not-a-file") throw fail(`not a regular file (${read.what})`);
  if (read.kind === "too-large") throw fail(`over ${formatBytes(MAX_MANIFEST_BYTES)}; not a corpus.json`);
  const source = new TextDecoder().decode(read.bytes);
  let json: unknown;
  try {
    json = JSON.parse(source);
  } catch (error) {
    throw new CorpusFolderError(
      "invalid-manifest",
      file,
      `${show(file)}: not valid JSON (${describe(error)})`,
    );
  }
  const { FolderManifest } = await import("./folder-manifest.js");
  const result = FolderManifest.safeParse(json);
  if (!result.success) {
    throw new CorpusFolderError(
      "invalid-manifest",
      file,
      formatZodError(show(file), result.error, json).replace(/\n/g, "; "),
    );
  }
  return result.data;
}

/** What {@link readRegularFile} found. */
type RegularFileRead =
  | { kind: "ok"; bytes: Uint8Array }
  | { kind: "not-a-file"; what: EntryKind }
  | { kind: "too-large"; size: number | undefined }
  | { kind: "error"; error: unknown };

/**
 * Reads a regular file, never more than `maxBytes` of it. It is opened without blocking and
 * checked on the open descriptor, so a named pipe or a device (perhaps put in place after
 * the folder was listed) is refused rather than read, and a file that says it is smaller
 * than it is (`/proc` files say 0) still cannot go over the limit.
 */
function readRegularFile(path: string, maxBytes: number): RegularFileRead {
  let descriptor: number;
  try {
    descriptor = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return { kind: "error", error };
  }
  try {
    const info = fstatSync(descriptor);
    if (!info.isFile()) return { kind: "not-a-file", what: describeKind(info) };
    if (info.size > maxBytes) return { kind: "too-large", size: info.size };
    const chunks: Buffer[] = [];
    let total = 0;
    // One read for the usual file, whose size is what stat says; more only if it grew.
    const buffer = Buffer.allocUnsafe(Math.min(maxBytes + 1, Math.max(info.size + 1, 64 * 1024)));
    for (;;) {
      const count = readSync(descriptor, buffer, 0, buffer.length, null);
      if (count === 0) break;
      chunks.push(Buffer.from(buffer.subarray(0, count)));
      total += count;
      if (total > maxBytes) return { kind: "too-large", size: undefined };
    }
    return { kind: "ok", bytes: chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, total) };
  } catch (error) {
    return { kind: "error", error };
  } finally {
    closeSync(descriptor);
  }
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
    warnings.push({ path, reason, message: `${show(path)}: ${what}` });
  };
  const read = readRegularFile(path, maxFileBytes);
  switch (read.kind) {
    case "error":
      throw new CorpusFolderError("unreadable", path, `${show(path)}: cannot read (${describe(read.error)})`);
    case "not-a-file":
      warn("not-a-file", `skipped: not a regular file (${read.what})`);
      return undefined;
    case "too-large":
      warn(
        "too-large",
        `skipped: ${read.size === undefined ? "it" : formatBytes(read.size)} is over the ${formatBytes(maxFileBytes)} limit`,
      );
      return undefined;
  }
  const { bytes } = read;
  if (bytes.length === 0) {
    warn("empty", "skipped: the file is empty");
    return undefined;
  }
  // ignoreBOM keeps a byte-order mark in the text, as the built-in loader does: offsets index the text.
  const utf16 = utf16Encoding(bytes);
  if (utf16) {
    try {
      const decoded = new TextDecoder(utf16, { fatal: true, ignoreBOM: true }).decode(bytes);
      return { candidate, sha256: sha256Hex(bytes), decoded };
    } catch {
      warn(
        "invalid-utf16",
        "skipped: it starts like UTF-16 but is not valid UTF-16; save it as UTF-8 to include it",
      );
      return undefined;
    }
  }
  if (bytes.includes(0)) {
    warn("binary", "skipped: binary file (it contains NUL bytes), not text");
    return undefined;
  }
  let decoded: string;
  try {
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

/** "utf-16le" or "utf-16be" when the bytes start with that byte-order mark. */
function utf16Encoding(bytes: Uint8Array): "utf-16le" | "utf-16be" | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  return undefined;
}

interface AssignedDocument {
  document: SourceDocument;
  bodyStart: number;
  /** Where the file names the authors the document has (not when corpus.json names them). */
  bylines: readonly Span[];
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
        `${show(candidate.manifestPath)}: record documents[${candidate.entryIndex}] (id "${id}"), field "id": duplicate document id (already used by ${show(owner)})`,
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
      bylines: candidate.entry?.authors === undefined ? (extracted.bylines ?? []) : [],
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
  const { code, message } = (error ?? {}) as NodeJS.ErrnoException;
  if (code === "ENOENT") return "no such file; a broken link?";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "EISDIR") return "it is a folder";
  return escapeControl(String(message ?? error).replace(/\s+/g, " "));
}

/** A path as messages show it: control characters escaped, never written raw to a terminal. */
function show(path: string): string {
  return escapeControl(path);
}
