import { stripControl } from "@newind/core/text";
import { textWidth as cells, graphemesOf, graphemeWidth } from "./text-width.js";

/**
 * What a piece of text means on screen. Views say what a segment *is*; the renderers
 * (plain text with or without ANSI colour, or Ink) decide how it looks.
 */
export type Tone =
  | "marker"
  | "highlight"
  | "cited"
  | "dim"
  | "title"
  | "heading"
  | "error"
  | "success"
  | "bar"
  | "accent"
  | "prompt";

/** A run of text with one tone. `text` is always terminal-safe (see {@link segment}). */
export interface Segment {
  readonly text: string;
  readonly tone?: Tone;
  /**
   * A web address this segment shows (see {@link linkSegment}): it is never broken across
   * lines by {@link wrap}, and is written as an OSC 8 hyperlink where the terminal has them.
   */
  readonly link?: string;
}

/** One screen line: segments laid end to end, never wider than the width it was built for. */
export type Line = readonly Segment[];

/**
 * Makes a segment from document or user text: control characters and escape sequences are
 * removed (so nothing can move the cursor or recolour the terminal) and tabs become spaces.
 */
export function segment(text: string, tone?: Tone): Segment {
  const safe = stripControl(text).replace(/\t/g, "  ");
  return tone === undefined ? { text: safe } : { text: safe, tone };
}

/**
 * A web address as a segment: shown whole — {@link wrap} puts it on a line of its own
 * rather than break it, even when it is wider than the line — and linked (OSC 8) by
 * {@link renderPlain} and the chat where the terminal supports hyperlinks. Only http(s)
 * addresses that parse become links; anything else is plain text.
 *
 * @example
 * linkSegment("https://interpret.csis.org/a-long-article/", "dim")
 */
export function linkSegment(url: string, tone?: Tone): Segment {
  const plain = segment(url.replace(/\s+/g, ""), tone);
  const href = hyperlinkTarget(url);
  return href === undefined ? plain : { ...plain, link: href };
}

/** The address a hyperlink may point to: an http(s) URL, normalised (no control characters), or undefined. */
export function hyperlinkTarget(url: string): string | undefined {
  if (!URL.canParse(url)) return undefined;
  const parsed = new URL(url);
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return undefined;
  // The WHATWG serialisation percent-encodes anything unsafe; OSC 8 ends at ESC or BEL, so
  // only printable ASCII goes into one.
  return /^[\x21-\x7e]+$/.test(parsed.href) ? parsed.href : undefined;
}

/** A one-line {@link Line}: newlines inside `text` fold to spaces. */
export function line(...parts: (Segment | string)[]): Line {
  return parts.map((part) => {
    const piece = typeof part === "string" ? segment(part) : part;
    return withText(piece, piece.text.replace(/\r?\n/g, " "));
  });
}

/** Display width of a string in terminal cells (CJK and emoji count 2). */
export function textWidth(text: string): number {
  return cells(text);
}

/** Display width of a line in terminal cells. */
export function lineWidth(value: Line): number {
  let width = 0;
  for (const part of value) width += cells(part.text);
  return width;
}

/** The plain characters of a line. */
export function lineText(value: Line): string {
  return value.map((part) => part.text).join("");
}

/** Pads (with spaces) or truncates (with "…") `text` to exactly `width` cells. */
export function fit(text: string, width: number, align: "left" | "right" = "left"): string {
  const current = cells(text);
  if (current <= width) {
    const padding = " ".repeat(width - current);
    return align === "left" ? text + padding : padding + text;
  }
  return truncate(text, width);
}

/** Cuts `text` to at most `width` cells, ending in "…" when something was cut. */
export function truncate(text: string, width: number): string {
  if (cells(text) <= width) return text;
  if (width <= 0) return "";
  let out = "";
  let used = 0;
  for (const { segment: grapheme } of graphemesOf(text)) {
    const cellCount = graphemeWidth(grapheme);
    if (used + cellCount > width - 1) break;
    out += grapheme;
    used += cellCount;
  }
  return `${out}…`;
}

/** An unbreakable run: a word (possibly in several tones), a run of spaces, one wide character, or a link. */
interface Word {
  parts: Segment[];
  width: number;
  space: boolean;
  wide: boolean;
  link?: boolean;
}

// Splits text into words; a word may span segments, so a highlighted term inside a word
// stays whole. Each wide (CJK) character is a word of its own: lines may break between them.
function tokenize(segments: readonly Segment[]): Word[][] {
  const paragraphs: Word[][] = [[]];
  let words = paragraphs[0] as Word[];
  for (const part of segments) {
    if (part.link !== undefined) {
      // A link is one word, whatever it holds, joined to nothing around it.
      words.push({ parts: [part], width: cells(part.text), space: false, wide: false, link: true });
      continue;
    }
    for (const { segment: grapheme } of graphemesOf(part.text)) {
      if (grapheme === "\n" || grapheme === "\r\n" || grapheme === "\r") {
        words = [];
        paragraphs.push(words);
        continue;
      }
      const cellCount = graphemeWidth(grapheme);
      const space = /^\s+$/u.test(grapheme);
      const wide = cellCount >= 2;
      const last = words[words.length - 1];
      if (last && !wide && !last.wide && !last.link && last.space === space) {
        const tail = last.parts[last.parts.length - 1] as Segment;
        if (tail.tone === part.tone) {
          last.parts[last.parts.length - 1] = withText(tail, tail.text + grapheme);
        } else last.parts.push(withText(part, grapheme));
        last.width += cellCount;
      } else {
        words.push({ parts: [withText(part, grapheme)], width: cellCount, space, wide });
      }
    }
  }
  return paragraphs;
}

function withText(part: Segment, text: string): Segment {
  const piece: Segment = part.tone === undefined ? { text } : { text, tone: part.tone };
  return part.link === undefined ? piece : { ...piece, link: part.link };
}

/** Options of {@link wrap}. */
export interface WrapOptions {
  /** Put before the first line (its width is taken from the first line). */
  first?: Line;
  /** Put before every following line; defaults to spaces as wide as `first`. */
  rest?: Line;
}

/**
 * Word-wraps styled text to `width` cells. Newlines in the text start new lines; words
 * longer than a line are broken; CJK text breaks between characters. A link (see
 * {@link linkSegment}) is never broken: one too long for what is left of a line starts a
 * new one — without the indent, when even that would not make it fit — and the line may
 * then be wider than `width` (a terminal wraps it as one line; an address split by the
 * program is an address no one can click or copy). Every segment is made terminal-safe.
 *
 * @example
 * wrap([segment("a long answer [1]")], 10, { first: line("› "), rest: line("  ") })
 */
export function wrap(segments: readonly Segment[], width: number, options: WrapOptions = {}): Line[] {
  const safe = segments.map((part) => withText(part, segment(part.text).text));
  const first = options.first ?? [];
  const rest = options.rest ?? [segment(" ".repeat(lineWidth(first)))];
  const lines: Line[] = [];
  let current: Segment[] = [];
  let used = 0;
  let hasContent = false;
  const start = (prefix: Line) => {
    current = [...prefix];
    used = lineWidth(prefix);
    hasContent = false;
  };
  const finish = () => {
    while (current.length > 0 && /^\s*$/.test((current[current.length - 1] as Segment).text) && hasContent) {
      current.pop();
    }
    lines.push(merge(current));
    start(rest);
  };
  for (const paragraph of tokenize(safe)) {
    start(lines.length === 0 ? first : rest);
    let pendingSpace: Word | undefined;
    for (const word of paragraph) {
      if (word.space) {
        if (hasContent) pendingSpace = word;
        continue;
      }
      const spaceWidth = pendingSpace?.width ?? 0;
      if (hasContent && used + spaceWidth + word.width > width) {
        finish();
        pendingSpace = undefined;
      }
      if (pendingSpace) {
        current.push(...pendingSpace.parts);
        used += pendingSpace.width;
        pendingSpace = undefined;
      }
      if (used + word.width <= width || word.wide) {
        current.push(...word.parts);
        used += word.width;
        hasContent = true;
        continue;
      }
      if (word.link) {
        // Whole, from the line's start when the indent would push it past the edge.
        if (used + word.width > width && !hasContent) current = [];
        current.push(...word.parts);
        used += word.width;
        hasContent = true;
        continue;
      }
      // A word wider than a whole line: break it between graphemes.
      for (const part of word.parts) {
        for (const { segment: grapheme } of graphemesOf(part.text)) {
          const cellCount = graphemeWidth(grapheme);
          if (hasContent && used + cellCount > width) finish();
          current.push(withText(part, grapheme));
          used += cellCount;
          hasContent = true;
        }
      }
    }
    finish();
  }
  return lines;
}

// Joins neighbouring segments of the same tone so renderers emit fewer pieces.
function merge(value: readonly Segment[]): Line {
  const out: Segment[] = [];
  for (const part of value) {
    if (part.text === "") continue;
    const last = out[out.length - 1];
    if (last && last.tone === part.tone && last.link === undefined && part.link === undefined) {
      out[out.length - 1] = withText(last, last.text + part.text);
    } else out.push(part);
  }
  return out;
}

/** A blank line. */
export const BLANK: Line = [];

// SGR open/close pairs per tone for plain-text output in a colour terminal.
const ANSI: Record<Tone, readonly [string, string]> = {
  marker: ["\u001b[1;36m", "\u001b[22;39m"],
  highlight: ["\u001b[1;33m", "\u001b[22;39m"],
  cited: ["\u001b[1;4;33m", "\u001b[22;24;39m"],
  dim: ["\u001b[2m", "\u001b[22m"],
  title: ["\u001b[1m", "\u001b[22m"],
  heading: ["\u001b[1;35m", "\u001b[22;39m"],
  error: ["\u001b[31m", "\u001b[39m"],
  success: ["\u001b[32m", "\u001b[39m"],
  bar: ["\u001b[36m", "\u001b[39m"],
  accent: ["\u001b[35m", "\u001b[39m"],
  prompt: ["\u001b[1;36m", "\u001b[22;39m"],
};

/**
 * Renders lines as text, one `\n` after each; with `color`, tones become ANSI SGR codes;
 * with `hyperlinks`, link segments become OSC 8 hyperlinks. Text is passed through
 * `stripControl` once more, so nothing unsafe reaches the terminal even if a caller built a
 * segment by hand.
 */
export function renderPlain(
  lines: readonly Line[],
  options: { color: boolean; hyperlinks?: boolean },
): string {
  let out = "";
  for (const value of lines) {
    for (const part of value) {
      let text = stripControl(part.text);
      if (options.color && part.tone) {
        const [open, close] = ANSI[part.tone];
        text = open + text + close;
      }
      out += options.hyperlinks ? hyperlink(part, text) : text;
    }
    out += "\n";
  }
  return out;
}

/** `text` as an OSC 8 hyperlink to the segment's link, when it has a safe one. */
export function hyperlink(part: Segment, text: string): string {
  const href = part.link === undefined ? undefined : hyperlinkTarget(part.link);
  return href === undefined ? text : `\u001b]8;;${href}\u001b\\${text}\u001b]8;;\u001b\\`;
}

/**
 * What /clear, Ctrl+L and a resize write (the chat writes it through Ink, which first
 * erases its live area, so the cursor stands just under the transcript): line feeds that
 * scroll everything on the screen up into the scrollback, then the cursor home. The screen
 * is empty and nothing is erased — not the transcript, not what the terminal showed before
 * newind started.
 */
export function clearScreenKeepingScrollback(rows: number): string {
  return `${"\n".repeat(Math.max(0, rows - 1))}\u001b[H`;
}
