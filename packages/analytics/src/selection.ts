import type { Corpus } from "@newind/core/text";
import { type AnalysedDocument, analyseDocuments } from "./corpus-view.js";
import { AnalyticsInputError } from "./errors.js";

/** Documents picked by id, or every document dated in a range of years (both ends included). */
export type DocumentSelection =
  | { readonly docIds: readonly string[] }
  | { readonly from: number; readonly to: number };

/** A selection resolved against a corpus: its documents, and a label that names it. */
export interface SelectedDocuments {
  /** "cpc-16", "2003–2015", "cpc-16, cpc-17". */
  readonly label: string;
  readonly documents: readonly AnalysedDocument[];
}

const YEAR_RANGE = /^([0-9]{4})(?:\s*[-–—~]\s*([0-9]{4}))?$/;

/**
 * Resolves a selection against a corpus. A string is what a person types: document ids
 * and years or year ranges, separated by commas — "cpc-16", "2003-2015", "2003–2015",
 * "2024", "cpc-16,cpc-17" (an item that is a document id of the corpus is that document,
 * even if it looks like a year).
 *
 * @throws {AnalyticsInputError} for an unknown document id, a backwards range, or a
 *   selection with no document (a range of years the corpus has no document for).
 * @example
 * selectDocuments(corpus, "2003-2015").documents.length; // 13 government work reports and 3 congress reports
 */
export function selectDocuments(
  corpus: Pick<Corpus, "documents" | "passages">,
  selection: string | DocumentSelection,
): SelectedDocuments {
  const documents = analyseDocuments(corpus);
  const byId = new Map(documents.map((view) => [view.document.id, view]));
  const items: DocumentSelection[] =
    typeof selection === "string" ? parseItems(selection, byId) : [selection];
  const chosen = new Set<AnalysedDocument>();
  const labels: string[] = [];
  for (const item of items) {
    if ("docIds" in item) {
      for (const id of item.docIds) {
        const view = byId.get(id);
        if (!view) throw new AnalyticsInputError(`no document "${printable(id)}" in the corpus`);
        chosen.add(view);
        labels.push(id);
      }
      continue;
    }
    if (!Number.isInteger(item.from) || !Number.isInteger(item.to) || item.from > item.to) {
      throw new AnalyticsInputError(
        `${item.from}-${item.to} is not a range of years (the first year comes first)`,
      );
    }
    const label = item.from === item.to ? String(item.from) : `${item.from}–${item.to}`;
    const inRange = documents.filter(
      (view) => view.year !== null && view.year >= item.from && view.year <= item.to,
    );
    if (inRange.length === 0) throw new AnalyticsInputError(`no document in the corpus is dated ${label}`);
    for (const view of inRange) chosen.add(view);
    labels.push(label);
  }
  if (chosen.size === 0) throw new AnalyticsInputError("the selection names no document");
  // In the corpus's date order, whatever order they were named in.
  return { label: labels.join(", "), documents: documents.filter((view) => chosen.has(view)) };
}

function parseItems(text: string, byId: ReadonlyMap<string, AnalysedDocument>): DocumentSelection[] {
  const items = text
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
  if (items.length === 0)
    throw new AnalyticsInputError("a selection must name a document id or a year range");
  return items.map((item) => {
    if (byId.has(item)) return { docIds: [item] };
    const range = YEAR_RANGE.exec(item);
    if (range) return { from: Number(range[1]), to: Number(range[2] ?? range[1]) };
    throw new AnalyticsInputError(
      `"${printable(item)}" is neither a document id of the corpus nor a year or range of years such as 2003-2015`,
    );
  });
}

/** A user's string, shortened and without control characters, for an error message. */
function printable(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, "");
  return clean.length > 60 ? `${clean.slice(0, 59)}…` : clean;
}
