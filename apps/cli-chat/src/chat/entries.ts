import type { Concordance, Keyness, TermTrend } from "@newind/analytics";
import type { Answer, Citation, Corpus } from "@newind/core";
import type { SearchHit } from "./backend.js";

/** One finished block of the transcript. Entries hold data; views turn them into lines at a width. */
export type Entry =
  | { readonly kind: "header" }
  | { readonly kind: "input"; readonly text: string }
  | { readonly kind: "answer"; readonly answer: Answer; readonly terms: readonly string[] }
  | {
      readonly kind: "sources";
      readonly answer: Answer;
      readonly terms: readonly string[];
      readonly n?: number;
    }
  | { readonly kind: "passage"; readonly citation: Citation; readonly terms: readonly string[] }
  | { readonly kind: "search"; readonly query: string; readonly hits: readonly SearchHit[] }
  | { readonly kind: "metrics" }
  | { readonly kind: "timeline" }
  | { readonly kind: "trend"; readonly trend: TermTrend }
  | { readonly kind: "kwic"; readonly concordance: Concordance }
  | { readonly kind: "compare"; readonly keyness: Keyness }
  | { readonly kind: "help" }
  | { readonly kind: "notice"; readonly text: string; readonly tone: "info" | "error" | "success" };

/** What every view needs to lay itself out. */
export interface ViewContext {
  /** Terminal columns to fit. */
  readonly width: number;
  readonly corpus: Corpus;
  /** Colour is on: tones show as colour, so no textual marks are needed. */
  readonly color: boolean;
  /** Plain mode (screen readers): no box-drawing characters or bars. */
  readonly plain: boolean;
  /** The terminal shows OSC 8 hyperlinks: web addresses are written as links. */
  readonly hyperlinks?: boolean;
}

/** The title of document `docId`, or the id when the corpus does not have it. */
export function documentTitle(corpus: Corpus, docId: string): string {
  return corpus.documents.find((document) => document.id === docId)?.title ?? docId;
}
