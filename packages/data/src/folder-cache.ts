import type { Footnote, Passage, Sentence, SourceDocument } from "@newind/core";
import type { CorpusWarning } from "./corpus-errors.js";

/** The kind of the store entries holding parsed folders. */
export const FOLDER_PARTS_KIND = "folders";

/** What the cache holds for a set of folders: the folder documents and all that parsing found in them. */
export interface FolderParts {
  documents: SourceDocument[];
  passages: Passage[];
  sentences: Sentence[];
  footnotes: Footnote[];
  /** Warnings found while extracting text (no text left, front matter that is not YAML). */
  warnings: CorpusWarning[];
}

/** A file as read from disk: what the cache key and the check of a cached value use. */
export interface FileFingerprint {
  path: string;
  /** sha256 of the file's bytes. */
  sha256: string;
  /**
   * The text its document must have: the file's text for .txt and .md, the text extracted
   * from it for .html; undefined when none can be had (a cached document for it is refused).
   */
  text: string | undefined;
}

/**
 * The stored form of {@link FolderParts}: sentence texts and passage texts equal to their
 * raw span are left out (they are slices of the document text), which keeps the file
 * about half the size, and so half the time to read.
 */
interface StoredParts {
  format: "newind-folder-parts";
  version: 1;
  documents: SourceDocument[];
  passages: (Omit<Passage, "text"> & { text?: string })[];
  sentences: Omit<Sentence, "text">[];
  footnotes: Footnote[];
  warnings: CorpusWarning[];
}

/** Serialises parts for the store; {@link restoreFolderParts} reads them back. */
export function serializeFolderParts(parts: FolderParts): string {
  const texts = new Map(parts.documents.map((document) => [document.id, document.text]));
  const stored: StoredParts = {
    format: "newind-folder-parts",
    version: 1,
    documents: parts.documents,
    passages: parts.passages.map((passage) => {
      const raw = texts.get(passage.docId)?.slice(passage.span.start, passage.span.end);
      if (raw !== passage.text) return passage;
      const { text: _text, ...rest } = passage;
      return rest;
    }),
    sentences: parts.sentences.map(({ text: _text, ...rest }) => rest),
    footnotes: parts.footnotes,
    warnings: parts.warnings,
  };
  return JSON.stringify(stored);
}

/**
 * Restores {@link FolderParts} stored by {@link serializeFolderParts}, or returns
 * undefined when the value is not JSON, lacks a field, or does not fit the files just
 * read: every document must be one of those files with the same bytes hash *and the same
 * text* (a cache file edited, its checksums recomputed, still cannot change what is
 * cited), and every span must lie inside its document. Sentence texts are re-sliced from
 * the document text, so a cache can never make a citation's quote differ from its span.
 */
export function restoreFolderParts(
  value: string,
  files: readonly FileFingerprint[],
): FolderParts | undefined {
  let stored: StoredParts;
  try {
    stored = JSON.parse(value) as StoredParts;
  } catch {
    return undefined;
  }
  if (
    stored?.format !== "newind-folder-parts" ||
    stored.version !== 1 ||
    ![stored.documents, stored.passages, stored.sentences, stored.footnotes, stored.warnings].every(
      Array.isArray,
    )
  ) {
    return undefined;
  }
  const byPath = new Map(files.map((file) => [file.path, file]));
  const texts = new Map<string, string>();
  for (const document of stored.documents) {
    const file = typeof document?.path === "string" ? byPath.get(document.path) : undefined;
    if (
      typeof document?.id !== "string" ||
      typeof document.text !== "string" ||
      typeof document.title !== "string" ||
      !Array.isArray(document.authors) ||
      file === undefined ||
      file.sha256 !== document.sha256 ||
      file.text === undefined ||
      file.text !== document.text ||
      texts.has(document.id)
    ) {
      return undefined;
    }
    texts.set(document.id, document.text);
  }
  /** The document text when `span` is a valid range of it, else undefined. */
  const within = (
    docId: unknown,
    span: { start?: unknown; end?: unknown } | undefined,
  ): string | undefined => {
    const text = typeof docId === "string" ? texts.get(docId) : undefined;
    if (text === undefined || !span) return undefined;
    const { start, end } = span;
    if (!Number.isInteger(start) || !Number.isInteger(end)) return undefined;
    if ((start as number) < 0 || (end as number) < (start as number) || (end as number) > text.length)
      return undefined;
    return text;
  };
  const passages: Passage[] = [];
  for (const passage of stored.passages) {
    const text = within(passage?.docId, passage?.span);
    if (typeof passage?.id !== "string" || text === undefined) return undefined;
    if (passage.text !== undefined && typeof passage.text !== "string") return undefined;
    // Filled in place: a restored corpus is tens of thousands of objects, and copies cost GC time.
    passage.text ??= text.slice(passage.span.start, passage.span.end);
    passages.push(passage as Passage);
  }
  const sentences: Sentence[] = [];
  for (const sentence of stored.sentences) {
    const text = within(sentence?.docId, sentence?.span);
    if (typeof sentence?.id !== "string" || text === undefined) return undefined;
    // A sentence's text is its span of the document, by construction: the citation invariant holds.
    const restored = sentence as Sentence;
    restored.text = text.slice(sentence.span.start, sentence.span.end);
    sentences.push(restored);
  }
  for (const footnote of stored.footnotes) {
    if (within(footnote?.docId, footnote?.span) === undefined) return undefined;
  }
  for (const warning of stored.warnings) {
    if (typeof warning?.path !== "string" || typeof warning.message !== "string") return undefined;
  }
  return {
    documents: stored.documents,
    passages,
    sentences,
    footnotes: stored.footnotes,
    warnings: stored.warnings,
  };
}
