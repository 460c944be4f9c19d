import type { Span } from "@newind/core/text";
import { AnalyticsInputError } from "./errors.js";

/** The longest term (after trimming) the analytics accept, in characters. */
export const MAX_TERM_LENGTH = 200;

/** A term and every form of it that counts as the term (e.g. its glossary translations). */
export interface TermForms {
  /** The term as the reader names it: the key of every count. */
  readonly term: string;
  /** The strings counted for it, the term itself included. */
  readonly forms: readonly string[];
}

/** What the analytics functions take for a term: the term alone, or with its other forms. */
export type TermInput = string | TermForms;

// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
// Letters and digits of scripts written with spaces between words: a term's edge in one of
// these must be a word boundary ("AI" is not counted inside "said"). Han, kana and Hangul
// text is matched as substrings ("新型工业化" inside "新型工业化道路").
const WORD_EDGE = /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Nd}]/u;
const WORD_CHAR = /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Nd}\p{M}_]/u;
const CASED = /[\p{Lu}\p{Ll}\p{Lt}]/u;

/**
 * Checks a term and returns it trimmed. Throws {@link AnalyticsInputError} for a term
 * that is empty or only whitespace, longer than {@link MAX_TERM_LENGTH}, or contains
 * control characters. Anything else — punctuation, "。", ".*" — is a literal string to
 * count: nothing is a pattern.
 *
 * @example
 * checkTerm("  新型工业化 "); // → "新型工业化"
 * checkTerm(".*"); // → ".*" (counted literally)
 */
export function checkTerm(term: string): string {
  if (CONTROL.test(term.replace(/[\t\n\r]/g, " "))) {
    throw new AnalyticsInputError("a term must not contain control characters or escape sequences");
  }
  const trimmed = term.replace(/^[\s\p{Cf}]+|[\s\p{Cf}]+$/gu, "");
  if (trimmed.length === 0) throw new AnalyticsInputError("a term must not be empty");
  if (/[\t\n\r]/.test(trimmed)) throw new AnalyticsInputError("a term must be on one line");
  if (trimmed.length > MAX_TERM_LENGTH) {
    throw new AnalyticsInputError(
      `a term is at most ${MAX_TERM_LENGTH} characters; this one has ${trimmed.length}`,
    );
  }
  return trimmed;
}

/**
 * A term with its forms, every form checked ({@link checkTerm}) and the duplicates removed;
 * the term itself is always the first form.
 */
export function toTermForms(input: TermInput): TermForms {
  const term = checkTerm(typeof input === "string" ? input : input.term);
  const forms = [term];
  for (const form of typeof input === "string" ? [] : input.forms) {
    const checked = checkTerm(form);
    if (!forms.some((known) => known.toLowerCase() === checked.toLowerCase())) forms.push(checked);
  }
  return { term, forms };
}

/** Finds the occurrences of a term's forms in ranges of a text; see {@link createTermMatcher}. */
export interface TermMatcher {
  /**
   * The occurrences in `text` that lie wholly inside one of `ranges` (sorted, not
   * overlapping), in order and never overlapping one another.
   */
  find(text: string, ranges: readonly Span[]): Span[];
}

interface Form {
  text: string;
  /** Case-insensitive: the form has cased letters. */
  regex: RegExp | undefined;
  boundedStart: boolean;
  boundedEnd: boolean;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function compileForm(text: string): Form {
  const first = String.fromCodePoint(text.codePointAt(0) ?? 0);
  const lastCode = text.codePointAt(text.length - 1) ?? 0;
  // A trailing low surrogate: take the whole code point.
  const last =
    lastCode >= 0xdc00 && lastCode <= 0xdfff && text.length >= 2
      ? String.fromCodePoint(text.codePointAt(text.length - 2) ?? 0)
      : String.fromCodePoint(lastCode);
  return {
    text,
    regex: CASED.test(text) ? new RegExp(escapeRegExp(text), "giu") : undefined,
    boundedStart: WORD_EDGE.test(first),
    boundedEnd: WORD_EDGE.test(last),
  };
}

/**
 * A matcher for a term's forms, with the counting rules of the analytics:
 *
 * - every form is a literal string (".*" is two characters, not a pattern);
 * - case-insensitive for cased scripts ("ai" finds "AI"), exact otherwise;
 * - a form's edge that is a Latin, Greek or Cyrillic letter or a digit must be a word
 *   boundary ("AI" is not found in "said", "20" not in "2023"); Chinese is matched as a
 *   substring ("新型工业化" is found in "新型工业化道路");
 * - matches never overlap: scanning left to right, a match is taken where it starts first
 *   (the longest form there, when several start at the same place), and the next is
 *   looked for after it — "aaa" is found once in "aaaa".
 *
 * @example
 * createTermMatcher({ term: "aaa", forms: ["aaa"] }).find("aaaa", [{ start: 0, end: 4 }]);
 * // → [{ start: 0, end: 3 }]
 */
export function createTermMatcher(input: TermInput): TermMatcher {
  const forms = toTermForms(input).forms.map(compileForm);
  return {
    find(text, ranges) {
      const found: Span[] = [];
      // Each form's next occurrence in the whole text (ranges and boundaries aside), found
      // once and kept until the scan passes it: the text is scanned once per form, not
      // once per range.
      const next: (Span | null | undefined)[] = forms.map(() => undefined);
      let rangeIndex = 0;
      let at = ranges[0]?.start ?? text.length;
      while (rangeIndex < ranges.length) {
        let first = Number.POSITIVE_INFINITY;
        forms.forEach((form, index) => {
          let candidate = next[index];
          if (candidate === undefined || (candidate !== null && candidate.start < at)) {
            candidate = occurrence(text, form, at);
            next[index] = candidate;
          }
          if (candidate && candidate.start < first) first = candidate.start;
        });
        if (first === Number.POSITIVE_INFINITY) break;
        while (rangeIndex < ranges.length && (ranges[rangeIndex] as Span).end <= first) rangeIndex++;
        const range = ranges[rangeIndex];
        if (!range) break;
        if (first < range.start) {
          at = range.start;
          continue;
        }
        // Of the forms found here, the longest that fits the range and its word boundaries.
        let taken: Span | undefined;
        forms.forEach((form, index) => {
          const candidate = next[index];
          if (!candidate || candidate.start !== first || candidate.end > range.end) return;
          if (taken && candidate.end <= taken.end) return;
          if (atBoundaries(text, form, candidate)) taken = candidate;
        });
        if (!taken) {
          at = first + 1;
          continue;
        }
        found.push(taken);
        at = taken.end;
      }
      return found;
    },
  };
}

/** The first occurrence of `form` in `text` starting at or after `from`, or null. */
function occurrence(text: string, form: Form, from: number): Span | null {
  if (form.regex) {
    form.regex.lastIndex = from;
    const match = form.regex.exec(text);
    return match ? { start: match.index, end: match.index + match[0].length } : null;
  }
  const start = text.indexOf(form.text, from);
  return start < 0 ? null : { start, end: start + form.text.length };
}

/** True when the match's bounded edges are word boundaries. */
function atBoundaries(text: string, form: Form, match: Span): boolean {
  return (
    (!form.boundedStart || !WORD_CHAR.test(charBefore(text, match.start))) &&
    (!form.boundedEnd || !WORD_CHAR.test(charAt(text, match.end)))
  );
}

/** The code point just before `index`, as a string ("" at the start). */
function charBefore(text: string, index: number): string {
  if (index <= 0) return "";
  const code = text.charCodeAt(index - 1);
  if (code >= 0xdc00 && code <= 0xdfff && index >= 2)
    return String.fromCodePoint(text.codePointAt(index - 2) ?? 0);
  return text.charAt(index - 1);
}

/** The code point at `index`, as a string ("" at the end). */
function charAt(text: string, index: number): string {
  if (index >= text.length) return "";
  return String.fromCodePoint(text.codePointAt(index) ?? 0);
}
