import type { Author, Span } from "@newind/core";

/** What a format reader gets out of a file: the text citations index, and any metadata it names. */
export interface ExtractedDocument {
  /** The document's text: the file itself for .txt and .md, the extracted main text for .html. */
  text: string;
  /**
   * Offset where the indexed body starts. Passages and sentences that end at or before it
   * (a Markdown front-matter block) are not part of the document's content.
   */
  bodyStart: number;
  title?: string;
  authors?: Author[];
  publisher?: string;
  url?: string;
  published?: string;
  /**
   * Where the file itself names the authors given in `authors` (a Markdown front matter's
   * `author:` values): spans of `text` a byline passage can cite.
   */
  bylines?: Span[];
  /** Problems that did not stop the file from loading (e.g. front matter that is not YAML). */
  problems: string[];
}

/** Longest first line that still reads as a title rather than a paragraph. */
export const MAX_TITLE_LENGTH = 200;

/** Collapses whitespace and trims; returns undefined for an empty or over-long result. */
export function cleanTitle(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const title = raw.replace(/\s+/g, " ").trim();
  return title.length > 0 && title.length <= MAX_TITLE_LENGTH ? title : undefined;
}

/**
 * "Kendra Schaefer and Cory Combs", "Kendra Schaefer; Cory Combs" and "Kendra Schaefer,
 * Cory Combs" are two people; "Schaefer, Kendra" is one (a comma splits only when every
 * part is at least two words).
 */
export function splitNames(value: string): string[] {
  const names: string[] = [];
  for (const part of value.split(/\s*;\s*|\s+(?:and|&)\s+/)) {
    const pieces = part.split(/\s*,\s*/).filter((piece) => piece.length > 0);
    const splits = pieces.length > 1 && pieces.every((piece) => /\S\s+\S/.test(piece));
    for (const name of splits ? pieces : [part]) if (name.trim()) names.push(name.trim());
  }
  return names;
}
