import type { Corpus } from "@newind/core/text";
import { analyseDocuments } from "./corpus-view.js";
import { AnalyticsInputError } from "./errors.js";
import { createTermMatcher, type TermInput, toTermForms } from "./terms.js";

/** Options of {@link concordance}. */
export interface ConcordanceOptions {
  /** Characters (code points) of context on each side of a hit, within its passage (default 30, at most 500). */
  context?: number;
  /** How many hits to return, in date and text order (default 20); `total` counts them all. */
  limit?: number;
}

/** A keyword-in-context line: `quote === text.slice(start, end)`, `before` and `after` the text around it. */
export interface ConcordanceHit {
  docId: string;
  title: string;
  /** The document's year, or null when undated. */
  year: number | null;
  /** UTF-16 offsets of the hit in the document's raw text. */
  start: number;
  end: number;
  /** Exactly `text.slice(start, end)`. */
  quote: string;
  /** Exactly `text.slice(start - before.length, start)`: up to `context` characters (code points), never outside the passage. */
  before: string;
  /** Exactly `text.slice(end, end + after.length)`: up to `context` characters (code points), never outside the passage. */
  after: string;
}

/** What {@link concordance} returns. */
export interface Concordance {
  term: string;
  /** Every hit in the corpus, whatever the limit. */
  total: number;
  /** The first `limit` hits: documents in date order (undated last), hits in text order. */
  hits: ConcordanceHit[];
  /** The forms counted, when the term has others (glossary translations). */
  forms?: string[];
}

/** The most context a hit can carry on each side. */
export const MAX_CONTEXT = 500;

/**
 * Keyword in context: every occurrence of a term in the corpus — counted by the rules of
 * {@link termTrend} — with the text before and after it inside its passage. Every span is
 * exact: `quote === document.text.slice(start, end)`, and `before`/`after` are the raw
 * text right before and after it (line breaks included), never cutting a character in two.
 *
 * @throws {AnalyticsInputError} for a bad term, or a context or limit that is not a whole number in range.
 * @example
 * const { total, hits } = concordance(await loadPrimaryCorpus(), "新型工业化", { context: 10, limit: 3 });
 * for (const hit of hits) console.log(hit.year, `${hit.before}[${hit.quote}]${hit.after}`);
 */
export function concordance(
  corpus: Pick<Corpus, "documents" | "passages">,
  term: TermInput,
  options: ConcordanceOptions = {},
): Concordance {
  const context = wholeNumber("context", options.context ?? 30, 0, MAX_CONTEXT);
  const limit = wholeNumber("limit", options.limit ?? 20, 0, Number.MAX_SAFE_INTEGER);
  const forms = toTermForms(term);
  const matcher = createTermMatcher(forms);
  const hits: ConcordanceHit[] = [];
  let total = 0;
  for (const view of analyseDocuments(corpus)) {
    const { text } = view.document;
    const matches = matcher.find(text, view.ranges);
    total += matches.length;
    let passageIndex = 0;
    for (const match of matches) {
      if (hits.length >= limit) break;
      while ((view.ranges[passageIndex]?.end ?? Number.POSITIVE_INFINITY) < match.end) passageIndex++;
      const passage = view.ranges[passageIndex] ?? { start: 0, end: text.length };
      const from = stepBack(text, match.start, context, passage.start);
      const to = stepForward(text, match.end, context, passage.end);
      hits.push({
        docId: view.document.id,
        title: view.document.title,
        year: view.year,
        start: match.start,
        end: match.end,
        quote: text.slice(match.start, match.end),
        before: text.slice(from, match.start),
        after: text.slice(match.end, to),
      });
    }
  }
  const result: Concordance = { term: forms.term, total, hits };
  if (forms.forms.length > 1) result.forms = [...forms.forms];
  return result;
}

/** The offset `count` characters (code points) before `from`, not before `limit`. */
function stepBack(text: string, from: number, count: number, limit: number): number {
  let at = from;
  for (let step = 0; step < count && at > limit; step++) {
    const code = text.charCodeAt(at - 1);
    at -= code >= 0xdc00 && code <= 0xdfff && at - 2 >= limit ? 2 : 1;
  }
  return at;
}

/** The offset `count` characters (code points) after `from`, not after `limit`. */
function stepForward(text: string, from: number, count: number, limit: number): number {
  let at = from;
  for (let step = 0; step < count && at < limit; step++) {
    const code = text.charCodeAt(at);
    at += code >= 0xd800 && code <= 0xdbff && at + 2 <= limit ? 2 : 1;
  }
  return at;
}

/** Checks an option: a whole number from `min` to `max`. */
export function wholeNumber(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new AnalyticsInputError(`${name} must be a whole number from ${min} to ${max}`);
  }
  return value;
}
