import { stripControl } from "@newind/core/text";

/** The longest question the bot reads; longer ones are cut here (with a notice). */
export const MAX_QUESTION_LENGTH = 2000;

/** A question made safe to analyse. */
export interface NormalizedQuestion {
  /** The question without control characters or escapes, whitespace folded, at most {@link MAX_QUESTION_LENGTH}. */
  text: string;
  /** True when the question was longer than {@link MAX_QUESTION_LENGTH} characters and was cut. */
  truncated: boolean;
}

/**
 * Strips ANSI escapes and control characters, folds whitespace and truncates very long
 * questions, without ever splitting a surrogate pair.
 *
 * @example
 * normalizeQuestion("  \u001b[1mwhen\u001b[0m did BYD\tstart?  ").text // "when did BYD start?"
 */
export function normalizeQuestion(raw: unknown): NormalizedQuestion {
  const text = typeof raw === "string" ? raw : typeof raw === "number" || typeof raw === "boolean" ? String(raw) : "";
  let clean = stripControl(text)
    .replace(/[\u200b-\u200d\ufeff]/g, "")
    .replace(/\s+/g, " ")
    .trim();
  let truncated = false;
  if (clean.length > MAX_QUESTION_LENGTH) {
    truncated = true;
    let end = MAX_QUESTION_LENGTH;
    const code = clean.charCodeAt(end - 1);
    if (code >= 0xd800 && code <= 0xdbff) end -= 1;
    clean = clean.slice(0, end).trim();
  }
  return { text: clean, truncated };
}
