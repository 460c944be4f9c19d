import type { Evidence, Span } from "./schemas.js";

/** Returns `text.slice(span.start, span.end)`. */
export function sliceSpan(text: string, span: Span): string {
  return text.slice(span.start, span.end);
}

/** True when the two half-open spans share at least one character. */
export function spansOverlap(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** True when `quote` is exactly the text at `span`. */
export function verifyQuote(text: string, span: Span, quote: string): boolean {
  return span.start >= 0 && span.end <= text.length && text.slice(span.start, span.end) === quote;
}

/** True when an evidence or citation record satisfies `quote === text.slice(start, end)`. */
export function isExactEvidence(text: string, evidence: Pick<Evidence, "start" | "end" | "quote">): boolean {
  return verifyQuote(text, { start: evidence.start, end: evidence.end }, evidence.quote);
}

/** Every span at which `quote` occurs in `text`. */
export function findAll(text: string, quote: string): Span[] {
  const spans: Span[] = [];
  if (quote.length === 0) return spans;
  for (let i = text.indexOf(quote); i >= 0; i = text.indexOf(quote, i + 1)) {
    spans.push({ start: i, end: i + quote.length });
  }
  return spans;
}
