import type { Span } from "@newind/core";
import { cachedTermsOfWord, tokenizeWords } from "./analyzer.js";

const HAN = /\p{Script=Han}/u;

/**
 * Finds the words of `quote` whose index terms are among `terms`. Offsets are absolute:
 * `offset` (the quote's start in its document) is added to each.
 */
export function highlightQuote(
  quote: string,
  offset: number,
  terms: ReadonlySet<string>,
): { highlights: Span[]; matchedTerms: string[] } {
  const highlights: Span[] = [];
  const matched = new Set<string>();
  if (terms.size === 0) return { highlights, matchedTerms: [] };
  // A Chinese run's terms are Chinese: with none among `terms` it cannot match, and skipping
  // it spares the first Chinese word segmenter of the process (ICU's dictionary, ~10 ms).
  let anyHanTerm = false;
  for (const term of terms) if (HAN.test(term)) anyHanTerm = true;
  for (const token of tokenizeWords(quote)) {
    if (token.han && !anyHanTerm) continue;
    const tokenTerms = cachedTermsOfWord(token);
    if (token.han) {
      // Highlight the Chinese words that matched, not the whole run.
      for (const term of tokenTerms) {
        if (!terms.has(term)) continue;
        const at = token.raw.indexOf(term);
        if (at < 0) continue;
        highlights.push({ start: offset + token.start + at, end: offset + token.start + at + term.length });
        matched.add(term);
      }
      continue;
    }
    if (tokenTerms.some((term) => terms.has(term))) {
      highlights.push({ start: offset + token.start, end: offset + token.end });
      matched.add(token.raw);
    }
  }
  highlights.sort((a, b) => a.start - b.start || a.end - b.end);
  return { highlights: mergeSpans(highlights), matchedTerms: [...matched] };
}

function mergeSpans(spans: Span[]): Span[] {
  const merged: Span[] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}
