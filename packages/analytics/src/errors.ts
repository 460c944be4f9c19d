/**
 * A request the analytics cannot answer as asked: an empty or over-long term, a term with
 * control characters, an unknown document id, a year range with no document. `message`
 * is one line, safe to print: it never repeats control characters from the input.
 *
 * @example
 * try { termTrend(corpus, [""]); }
 * catch (error) { if (error instanceof AnalyticsInputError) console.error(error.message); }
 */
export class AnalyticsInputError extends Error {
  override readonly name: string = "AnalyticsInputError";
}
