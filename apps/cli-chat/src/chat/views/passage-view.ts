import type { Citation, Passage } from "@newind/core";
import { documentTitle, type ViewContext } from "../entries.js";
import { layerSegments, termRanges } from "../highlight.js";
import { BLANK, type Line, line, type Segment, segment, wrap } from "../styled-text.js";

/** The passages shown by `/open`: the cited one and its neighbours in the document. */
export interface PassageWindow {
  readonly before: Passage | undefined;
  readonly passage: Passage | undefined;
  readonly after: Passage | undefined;
}

/**
 * Finds the passage a citation points into (by id, else by offset) and the passages either
 * side of it in the same document.
 */
export function passageWindow(citation: Citation, passages: readonly Passage[]): PassageWindow {
  const inDocument = passages.filter((passage) => passage.docId === citation.docId);
  let index = inDocument.findIndex((passage) => passage.id === citation.passageId);
  if (index < 0) {
    index = inDocument.findIndex(
      (passage) => passage.span.start <= citation.start && citation.start < passage.span.end,
    );
  }
  if (index < 0) return { before: undefined, passage: undefined, after: undefined };
  return { before: inDocument[index - 1], passage: inDocument[index], after: inDocument[index + 1] };
}

const SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

/** A footnote marker's digits as a note number: superscript, or "(note n)" in plain mode. */
export function footnoteMark(marker: string, plain: boolean): Segment {
  const digits = marker.replace(/\D/g, "");
  if (digits === "") return segment(marker, "dim");
  const lead = /^\s/.test(marker) ? " " : "";
  if (plain) return segment(`${lead}${lead ? "" : " "}(note ${digits})`, "dim");
  return segment(`${lead}${[...digits].map((digit) => SUPERSCRIPT_DIGITS[Number(digit)]).join("")}`, "dim");
}

function label(passage: Passage): string {
  return passage.paragraph > 0 ? `¶${passage.paragraph}` : "";
}

function passageLines(parts: Segment[], passage: Passage, context: ViewContext, dim: boolean): Line[] {
  const tag = label(passage).padEnd(5);
  const item = passage.itemNumber === undefined ? [] : [segment(`${passage.itemNumber}. `)];
  const body = dim ? parts.map((part) => segment(part.text, "dim")) : parts;
  return wrap([...item, ...body], context.width, {
    first: line(segment(tag, "dim")),
    rest: line(" ".repeat(tag.length)),
  });
}

/**
 * `/open n`: the document title, the passage the citation points into with the cited span
 * highlighted (marked «…» when there is no colour), and the paragraphs before and after.
 */
export function passageView(citation: Citation, terms: readonly string[], context: ViewContext): Line[] {
  const document = context.corpus.documents.find((doc) => doc.id === citation.docId);
  const window = passageWindow(citation, context.corpus.passages);
  const title = documentTitle(context.corpus, citation.docId);
  const lines: Line[] = [
    ...wrap([segment(title, "title"), segment(` ¶${citation.paragraph}`, "dim")], context.width, {
      first: line(segment(`[${citation.n}] `, "marker")),
      rest: line("    "),
    }),
    BLANK,
  ];
  const { before, passage, after } = window;
  if (!document || !passage) {
    lines.push(...wrap([segment("“"), segment(citation.quote, "cited"), segment("”")], context.width));
    return [...lines, BLANK];
  }
  if (before) {
    lines.push(...passageLines([segment(before.text)], before, context, true), BLANK);
  }
  // The cited passage comes from the raw text so the citation's offsets apply exactly.
  const start = passage.span.start;
  const end = Math.max(passage.span.end, Math.min(citation.end, document.text.length));
  const raw = document.text.slice(Math.min(start, citation.start), end);
  const offset = Math.min(start, citation.start);
  const citedFrom = citation.start - offset;
  const citedTo = citation.end - offset;
  // Footnote markers ("pollution.5") stay, dimmed: they are part of the raw text.
  const footnotes = context.corpus.footnotes
    .filter((footnote) => footnote.docId === citation.docId)
    .map((footnote) => [footnote.span.start - offset, footnote.span.end - offset] as const);
  const parts = layerSegments(raw, [
    { tone: "cited", ranges: [[citedFrom, citedTo]] },
    { tone: "highlight", ranges: termRanges(raw, terms) },
    { tone: "dim", ranges: footnotes },
  ]);
  if (!context.color) {
    // Without colour the cited span needs visible marks.
    const marked: Segment[] = [];
    let at = 0;
    for (const part of parts) {
      const end = at + part.text.length;
      if (at === citedFrom) marked.push(segment("«"));
      marked.push(part);
      if (end === citedTo) marked.push(segment("»"));
      at = end;
    }
    parts.splice(0, parts.length, ...marked);
  }
  // A footnote marker glued to the text ("old trees.11") reads as part of it: show it as a
  // note number ("old trees.¹¹"; in plain mode, which screen readers read, "(note 11)").
  const shown = parts.map((part) => (part.tone === "dim" ? footnoteMark(part.text, context.plain) : part));
  lines.push(...passageLines(shown, passage, context, false));
  if (after) {
    lines.push(BLANK, ...passageLines([segment(after.text)], after, context, true));
  }
  lines.push(BLANK);
  return lines;
}
