import { stripControl } from "@newind/core/text";

/** The longest question the bot reads; longer ones keep their end (with a notice). */
export const MAX_QUESTION_LENGTH = 2000;
/** Input beyond this many characters is not even cleaned: only its end can be the question. */
const MAX_RAW_LENGTH = 100_000;

/** A question made safe to analyse. */
export interface NormalizedQuestion {
  /** The question without control characters or escapes, whitespace folded, at most {@link MAX_QUESTION_LENGTH}. */
  text: string;
  /** True when the question was longer than {@link MAX_QUESTION_LENGTH} characters and only its end was kept. */
  truncated: boolean;
}

/**
 * Strips ANSI escapes and control characters, folds whitespace and cuts very long input to
 * its last {@link MAX_QUESTION_LENGTH} characters (a paste ends with its question), without
 * ever splitting a surrogate pair.
 *
 * @example
 * normalizeQuestion("  \u001b[1mwhen\u001b[0m did BYD\tstart?  ").text // "when did BYD start?"
 */
export function normalizeQuestion(raw: unknown): NormalizedQuestion {
  const text =
    typeof raw === "string" ? raw : typeof raw === "number" || typeof raw === "boolean" ? String(raw) : "";
  // A paste far longer than any question is cut before the (linear) clean-up; its end, where the question is, is kept.
  const bounded = text.length > MAX_RAW_LENGTH ? text.slice(-MAX_RAW_LENGTH) : text;
  let clean = stripControl(bounded)
    .replace(/[\u200b-\u200d\ufeff]/g, "")
    .replace(/\s+/g, " ")
    .trim();
  let truncated = text.length > MAX_RAW_LENGTH;
  if (clean.length > MAX_QUESTION_LENGTH) {
    truncated = true;
    // A long paste ends with its question ("…background… What did X say?"): keep the end, from a sentence or word start.
    let start = clean.length - MAX_QUESTION_LENGTH;
    const code = clean.charCodeAt(start);
    if (code >= 0xdc00 && code <= 0xdfff) start += 1;
    const tail = clean.slice(start);
    const sentence = tail.search(/(?<=[.!?。！？]\s?)\S/u);
    const word = tail.indexOf(" ");
    clean = tail
      .slice(sentence > 0 && sentence < tail.length / 2 ? sentence : word > 0 ? word + 1 : 0)
      .trim();
  }
  return { text: clean, truncated };
}
