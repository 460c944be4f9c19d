import { cleanTitle, type ExtractedDocument } from "./extracted-document.js";

/**
 * Reads a plain-text document: the text is the file itself, and its first non-empty
 * line is the title when it is short enough to be one (a `corpus.json` title wins).
 *
 * @example
 * extractPlainText("Notes on MIIT\n\nThe ministry said…").title; // → "Notes on MIIT"
 */
export function extractPlainText(text: string): ExtractedDocument {
  const title = cleanTitle(/^\s*(\S[^\r\n]*)/.exec(text)?.[1]);
  return { text, bodyStart: 0, problems: [], ...(title !== undefined && { title }) };
}
