import type { CitableSpan, CitationRegistry } from "./citations.js";

/** Longest answer for a plain question. */
export const MAX_ANSWER_LENGTH = 600;
/** Longest answer for a list or a multi-part question. */
export const MAX_LIST_ANSWER_LENGTH = 900;

const LEADING_CONNECTIVES =
  /^(?:in other words|thus|indeed|additionally|meanwhile|likewise|finally|first|second|third|broadly speaking|in this context|more recently|but|and|so|then|moreover|furthermore|as outlined below)\s*,\s*/i;

/** Removes a leading discourse connective ("In other words, …") and capitalises. */
export function tidySentence(text: string): string {
  let out = text.trim().replace(/\s+/g, " ");
  const stripped = out.replace(LEADING_CONNECTIVES, "");
  if (stripped.length > 20) out = stripped;
  out = out.charAt(0).toUpperCase() + out.slice(1);
  return out;
}

/**
 * Shortens text to at most `max` characters, at a clause boundary where one is near
 * (else a word boundary), with an ellipsis.
 */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = Math.max(0, max - 1);
  const window = text.slice(0, room);
  const clause = Math.max(
    window.lastIndexOf("; "),
    window.lastIndexOf(", "),
    window.lastIndexOf(" — "),
    window.lastIndexOf("—"),
  );
  let cut = clause >= room * 0.6 ? clause : window.lastIndexOf(" ");
  if (cut <= 0) cut = room;
  return `${window.slice(0, cut).replace(/[\s,;:—-]+$/, "")}…`;
}

/** Drops the final full stop so a citation marker can follow: "… in 1995 [1]." */
function withoutFinalStop(text: string): { body: string; stop: string } {
  const match = /([.!?:])(["”’)]*)$/.exec(text);
  if (!match) return { body: text, stop: "." };
  const quotes = match[2] ?? "";
  return { body: text.slice(0, text.length - match[0].length) + quotes, stop: match[1] ?? "." };
}

/** A claim of an answer: its text and the spans that back it. */
export interface Claim {
  text: string;
  spans: CitableSpan[];
}

/**
 * Builds answer text claim by claim, each followed by its citation numbers ("[1]",
 * "[1][2]"), numbering citations by first appearance through a {@link CitationRegistry}.
 */
export class AnswerComposer {
  readonly registry: CitationRegistry;
  readonly #pieces: string[] = [];

  constructor(registry: CitationRegistry) {
    this.registry = registry;
  }

  /** The markers "[n]" for spans (registering them), deduplicated, in order. */
  markers(spans: readonly CitableSpan[]): string {
    const numbers: number[] = [];
    for (const span of spans) {
      const n = this.registry.cite(span);
      if (n !== undefined && !numbers.includes(n)) numbers.push(n);
    }
    return numbers.map((n) => `[${n}]`).join("");
  }

  /** Adds a sentence-like claim: "text [n]." A trailing colon stays only when a list follows (`introducesList`). */
  sentence(claim: Claim, introducesList = false): void {
    const { body, stop: found } = withoutFinalStop(claim.text.trim().replace(/[.;,]\s*:$/, ":"));
    const stop = found === ":" && !introducesList ? "." : found;
    const markers = this.markers(claim.spans);
    this.#pieces.push(markers ? `${body} ${markers}${stop}` : `${body}${stop}`);
  }

  /** Adds raw text (a list line, a heading) without markers. */
  raw(text: string): void {
    this.#pieces.push(text);
  }

  /** Adds a list line "n. text [m]". */
  item(label: string, claim: Claim): void {
    const text = claim.text.trim().replace(/[.;,]+$/, "");
    const markers = this.markers(claim.spans);
    this.#pieces.push(markers ? `${label} ${text} ${markers}` : `${label} ${text}`);
  }

  /** Length the answer would have with `extra` appended. */
  lengthWith(extra: string): number {
    return this.text().length + (this.#pieces.length > 0 ? 1 : 0) + extra.length + 6;
  }

  /** The answer so far: sentences joined by spaces, list lines by newlines. */
  text(): string {
    let out = "";
    for (const piece of this.#pieces) {
      if (out.length === 0) out = piece;
      else if (/^(\d+\.|-|•)\s/.test(piece) || out.endsWith(":")) out += `\n${piece}`;
      else out += ` ${piece}`;
    }
    return out;
  }

  get empty(): boolean {
    return this.#pieces.length === 0;
  }
}
