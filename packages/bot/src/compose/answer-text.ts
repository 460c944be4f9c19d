import type { CitableSpan, CitationRegistry } from "./citations.js";

/** Longest answer for a plain question. */
export const MAX_ANSWER_LENGTH = 600;
/** Longest answer for a list. */
export const MAX_LIST_ANSWER_LENGTH = 900;

/** One claim of an answer: text that its spans say (a span's own words, perhaps shortened), and the spans. */
export interface Claim {
  text: string;
  spans: readonly CitableSpan[];
}

/**
 * Shortens text to at most `max` characters at a clause boundary (else a word boundary), marking
 * the cut with "…"; what is kept is still the start of the quoted words.
 */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = Math.max(1, max - 1);
  const window = text.slice(0, room);
  const clause = Math.max(
    window.lastIndexOf("; "),
    window.lastIndexOf(", "),
    window.lastIndexOf("—"),
    window.lastIndexOf(" – "),
  );
  let cut = clause >= room * 0.5 ? clause : window.lastIndexOf(" ");
  if (cut <= 0) cut = room;
  return `${window.slice(0, cut).replace(/[\s,;:—–-]+$/u, "")}…`;
}

/**
 * Shortens text to at most `max` characters by cutting its start at a clause boundary (else a
 * word boundary), marking the cut with "…": the end of a long lead-in says what follows it.
 */
export function shortenStart(text: string, max: number): string {
  if (text.length <= max) return text;
  const from = text.length - Math.max(1, max - 1);
  const tail = text.slice(from);
  const clause = [", ", "; ", "—", ": "]
    .map((separator) => {
      const at = tail.indexOf(separator);
      return at >= 0 ? at + separator.length : -1;
    })
    .filter((at) => at >= 0 && at <= tail.length * 0.5);
  let cut = clause.length > 0 ? Math.min(...clause) : tail.indexOf(" ") + 1;
  if (cut <= 0) cut = 0;
  return `…${tail.slice(cut).trimStart()}`;
}

/** Splits a final full stop off so a marker can stand before it: "… in 1995 [1]." */
function splitStop(text: string): { body: string; stop: string } {
  const match = /([.!?:;。！？；])(["”’)」]*)$/u.exec(text);
  if (!match) return { body: text, stop: "." };
  return {
    body: text.slice(0, text.length - match[0].length) + (match[2] ?? ""),
    stop: match[1] === ";" ? "." : (match[1] ?? "."),
  };
}

/**
 * Builds an answer claim by claim, each followed by its citation numbers ("[1]", "[1][2]"),
 * numbered by first appearance through a {@link CitationRegistry}.
 */
export class AnswerText {
  readonly registry: CitationRegistry;
  readonly #pieces: Array<{ text: string; line: boolean }> = [];

  constructor(registry: CitationRegistry) {
    this.registry = registry;
  }

  /** The markers "[n]" of spans, registering them. */
  markers(spans: readonly CitableSpan[]): string {
    const numbers: number[] = [];
    for (const span of spans) {
      const n = this.registry.cite(span);
      if (n !== undefined && !numbers.includes(n)) numbers.push(n);
    }
    return numbers.map((n) => `[${n}]`).join("");
  }

  /** Adds a sentence: "text [n]." (a colon is kept when items follow). */
  sentence(claim: Claim, keepColon = false): void {
    const { body, stop } = splitStop(claim.text.trim());
    const markers = this.markers(claim.spans);
    const end = stop === ":" && !keepColon ? "." : stop;
    this.#pieces.push({ text: markers ? `${body} ${markers}${end}` : `${body}${end}`, line: false });
  }

  /** Adds plain text that states no claim of its own (a note, a count shown with its inputs). */
  note(text: string): void {
    this.#pieces.push({ text, line: false });
  }

  /** Adds a list line "- text [n]". */
  item(claim: Claim): void {
    const text = claim.text
      .trim()
      .replace(/[.;,]+$/u, "")
      .replace(/(?:;|,)?\s+and$/u, "");
    const markers = this.markers(claim.spans);
    this.#pieces.push({ text: markers ? `- ${text} ${markers}` : `- ${text}`, line: true });
  }

  /** The answer so far: sentences joined by spaces, list lines on lines of their own. */
  text(): string {
    let out = "";
    for (const piece of this.#pieces) {
      if (out.length === 0) out = piece.text;
      else out += piece.line || out.endsWith(":") ? `\n${piece.text}` : ` ${piece.text}`;
    }
    return out;
  }

  /** The length of the answer with `extra` added (and room for a marker). */
  lengthWith(extra: string): number {
    return this.text().length + extra.length + 8;
  }
}
