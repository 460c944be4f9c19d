import {
  type Footnote,
  findFootnoteMarkers,
  type Passage,
  type PassageKind,
  type PassageRole,
  removeSpans,
  type Sentence,
  type SourceDocument,
  type Span,
  segmentSentences,
} from "@newind/core/text";
import { type Block, splitBlocks } from "./blocks.js";
import { splitNames } from "./formats/extracted-document.js";
import { MAX_SENTENCE_LENGTH, splitLongSentences } from "./long-sentences.js";
import { findSpeaker, introducesQuote } from "./speakers.js";

// In a module of its own so the corpus hash can be computed without loading the parser.
export { PARSER_VERSION } from "./parser-version.js";

/** Options of {@link parseDocument}. */
export interface ParseDocumentOptions {
  /** Drop page-chrome lines ("More Analysis", share buttons, "To top", a repeated title). Default true. */
  dropChrome?: boolean;
  /** More whole lines to drop as chrome. */
  chromeLines?: readonly string[];
  /**
   * Spans of the text that name the document's authors outside its body (a Markdown front
   * matter's `author:` values): each is a `byline` passage, first in the document.
   */
  bylines?: readonly Span[];
}

/** What {@link parseDocument} returns: everything found in one document, in document order. */
export interface ParsedDocument {
  passages: Passage[];
  sentences: Sentence[];
  footnotes: Footnote[];
}

/** The id of a document's `index`-th passage (0-based, document order, chrome excluded). */
export function passageId(docId: string, index: number): string {
  return `${docId}:p${index}`;
}

/** The id of a passage's `index`-th sentence (0-based). */
export function sentenceId(passage: string, index: number): string {
  return `${passage}.s${index}`;
}

// Front matter is short: bylines further down than this are body text that names an author.
const FRONT_MATTER_BLOCKS = 16;
const MAX_TITLE_LENGTH = 200;
const MAX_ROLE_LENGTH = 120;

interface Draft {
  block: Block;
  /** The span of the passage; a byline spans its name and role blocks. */
  start: number;
  end: number;
  kind: PassageKind;
  role: PassageRole;
  paragraph: number;
  leadIn?: number;
  itemNumber?: number;
  speaker?: string;
}

/**
 * Parses a document's raw text into passages, sentences and footnotes, every span
 * an exact range of `document.text`.
 *
 * - Page chrome is dropped: whole lines such as "More Analysis", the share-button
 *   row, "To top", and any later line repeating the title.
 * - Front matter (up to the last byline): the title (`heading`/`title`), standfirst
 *   paragraphs, lists with their lead-in (`accompanying-document`), and one `byline`
 *   passage per author in `document.authors`, spanning the name and the role line after it.
 * - Body: paragraphs numbered ¶1, ¶2, …; numbered and bulleted list items (`list-item`)
 *   with `leadIn` = the id of the paragraph before the list, `itemNumber`, and that
 *   paragraph's number; a paragraph after a lead-in ending in ":" that names a speaker,
 *   an interview or a speech is a `quote` with its `speaker` (Markdown `>` blocks too);
 *   Markdown `#` headings are `heading` passages numbered like the paragraph before them;
 *   a Markdown pipe table's header row is a paragraph and each data row a `list-item` with
 *   the header as its `leadIn` (the span of a row is inside its outer pipes); the subheadings
 *   right after a paragraph ending in ":" (one level, alike in ending with ":" or not) are
 *   `list-item`s of that paragraph, each followed by its own paragraphs.
 * - Footnote markers ("trap. 1", "squeeze.”3", "2035.7 In", "following:12") are read as
 *   the sequence 1, 2, 3, …; they are cut from each passage's clean `text`, listed in
 *   its `footnotes`, and never inside a sentence span.
 *
 * Ids: passage `${docId}:p${index}` (0-based, document order), sentence
 * `${passageId}.s${k}` (0-based within the passage). Passage `text` is the raw slice
 * of its span with footnote markers removed; sentence `text` is exactly the raw slice.
 *
 * @example
 * const { passages } = parseDocument(document);
 * passages.find((passage) => passage.paragraph === 6 && passage.kind === "paragraph");
 */
// biome-ignore-start lint/complexity/noExcessiveLinesPerFunction: one pass over the blocks keeps the parser's running state (paragraph numbers, the list lead-in, the quote's speaker, footnote order) in one place; the per-block work is in helpers
export function parseDocument(document: SourceDocument, options: ParseDocumentOptions = {}): ParsedDocument {
  const raw = document.text;
  const dropChrome = options.dropChrome ?? true;
  let blocks = splitBlocks(raw, {
    dropChrome,
    ...(options.chromeLines ? { chromeLines: options.chromeLines } : {}),
  });
  const slice = (block: { start: number; end: number }) => raw.slice(block.start, block.end);
  // Bylines given by span (front matter) are drafted below, not read again as blocks.
  const given = options.bylines ?? [];
  blocks = blocks.filter((block) => !given.some((span) => block.start < span.end && span.start < block.end));

  // The title: the first block, when it is a heading, matches the manifest title, or is
  // one short line that does not read as a sentence.
  const first = blocks[0];
  const titleBlock =
    first &&
    (first.type === "heading" ||
      (first.type === "text" &&
        (sameText(slice(first), document.title) ||
          (!slice(first).includes("\n") &&
            slice(first).length <= MAX_TITLE_LENGTH &&
            !/[.!?:]["”’]?$/.test(slice(first))))))
      ? first
      : undefined;
  if (titleBlock && dropChrome) {
    const title = slice(titleBlock);
    blocks = blocks.filter((block) => block === titleBlock || slice(block) !== title);
  }

  // Bylines: an author's name on its own, then (optionally) their role on the next block.
  const bylineOf = new Map<Block, { end: number; roleBlock?: Block }>();
  blocks.slice(0, FRONT_MATTER_BLOCKS).forEach((block, index) => {
    if (block.type !== "text") return;
    const text = slice(block).replace(/^By\b:?\s*/i, "");
    // One author's name, or a list of them ("By: Sameera Fazili and Peter Harrell").
    const named = splitNames(text).map((name) =>
      document.authors.find((candidate) => sameText(candidate.name, name)),
    );
    const author =
      document.authors.find((candidate) => sameText(candidate.name, text)) ??
      (named.length > 0 && named.every((found) => found !== undefined) ? named[0] : undefined);
    if (!author) return;
    const next = blocks[index + 1];
    const nextText = next ? slice(next) : "";
    const isRole =
      next?.type === "text" &&
      ((author.role !== undefined && sameText(author.role, nextText)) ||
        (nextText.length <= MAX_ROLE_LENGTH && !nextText.includes("\n") && !/[.!?]$/.test(nextText)));
    bylineOf.set(block, isRole && next ? { end: next.end, roleBlock: next } : { end: block.end });
  });
  const roleBlocks = new Set(
    [...bylineOf.values()].flatMap((byline) => (byline.roleBlock ? [byline.roleBlock] : [])),
  );
  const lastByline = blocks.findLastIndex((block) => bylineOf.has(block) || roleBlocks.has(block));
  const frontMatterEnd = lastByline >= 0 ? lastByline : titleBlock ? 0 : -1;

  const drafts: Draft[] = [];
  for (const span of options.bylines ?? []) {
    if (span.start < 0 || span.end > raw.length || span.end <= span.start) continue;
    const block: Block = { type: "text", start: span.start, end: span.end };
    drafts.push({ block, start: span.start, end: span.end, kind: "paragraph", role: "byline", paragraph: 0 });
  }
  let paragraph = 0;
  // The passage a list hangs from: the latest paragraph or quote in the same section.
  let listLeadIn: number | undefined;
  let itemsInList = 0;
  // A run of subheadings that a paragraph announces (see the heading case below).
  // The list lead-in before the table being read (null outside a table).
  let beforeTable: number | undefined | null = null;
  let subheadedList: { leadIn: number; level: number; count: number; colon: boolean } | undefined;
  blocks.forEach((block, index) => {
    if (roleBlocks.has(block)) return;
    const frontMatter = index <= frontMatterEnd;
    const previous = drafts.at(-1);
    if (block.type !== "item" && block.type !== "row") itemsInList = 0;
    if (block === titleBlock) {
      drafts.push({
        block,
        start: block.start,
        end: block.end,
        kind: "heading",
        role: "title",
        paragraph: 0,
      });
      listLeadIn = undefined;
      return;
    }
    const byline = bylineOf.get(block);
    if (byline) {
      drafts.push({
        block,
        start: block.start,
        end: byline.end,
        kind: "paragraph",
        role: "byline",
        paragraph: 0,
      });
      listLeadIn = undefined;
      return;
    }
    // After a table, a list the table interrupted goes on under its own lead-in.
    if (block.type !== "row" && beforeTable !== null) {
      if (block.type === "item") listLeadIn = beforeTable;
      beforeTable = null;
    }
    if (block.type === "row" && block.header) {
      beforeTable = listLeadIn;
      // A table's header row is a paragraph; its data rows are items that hang from it, so a
      // row is read with its columns' names ("Tariffs first go into effect | … | August 1,
      // 2025" under "Action | Steel | Copper"). Rows of a table without a header hang from
      // the paragraph before the table, like a list.
      paragraph++;
      drafts.push({ block, start: block.start, end: block.end, kind: "paragraph", role: "body", paragraph });
      listLeadIn = drafts.length - 1;
      itemsInList = 0;
      return;
    }
    if (block.type === "item" || block.type === "row") {
      itemsInList++;
      const leadIn = listLeadIn === undefined ? undefined : drafts[listLeadIn];
      const draft: Draft = {
        block,
        start: block.start,
        end: block.end,
        kind: "list-item",
        role: frontMatter ? "accompanying-document" : "body",
        paragraph: leadIn?.paragraph ?? paragraph,
        itemNumber: block.bulleted === false ? (block.number ?? itemsInList) : itemsInList,
      };
      if (listLeadIn !== undefined) draft.leadIn = listLeadIn;
      // A list in the front matter makes its lead-in part of the accompanying-documents block.
      if (frontMatter && leadIn && leadIn.role === "standfirst") leadIn.role = "accompanying-document";
      drafts.push(draft);
      return;
    }
    if (block.type === "heading") {
      // "Examples include:" then a subheading for each example: the subheadings (one level,
      // until a higher one) are the items of the paragraph that announces them.
      const announcing =
        previous?.kind === "paragraph" && previous.role === "body" && /[:：]\s*$/.test(slice(previous.block));
      const colon = /[:：]\s*$/.test(slice(block));
      if (announcing && listLeadIn !== undefined)
        subheadedList = { leadIn: listLeadIn, level: block.level ?? 1, count: 0, colon };
      // Items are alike: after "Mapping supply chains:" a "Conclusion" is a section, not an item.
      if (subheadedList && (block.level ?? 1) === subheadedList.level && (colon || !subheadedList.colon)) {
        subheadedList.count++;
        const leadIn = drafts[subheadedList.leadIn];
        drafts.push({
          block,
          start: block.start,
          end: block.end,
          kind: "list-item",
          role: "body",
          paragraph: leadIn?.paragraph ?? paragraph,
          itemNumber: subheadedList.count,
          leadIn: subheadedList.leadIn,
        });
        listLeadIn = undefined;
        return;
      }
      subheadedList = undefined;
      drafts.push({
        block,
        start: block.start,
        end: block.end,
        kind: "heading",
        role: frontMatter ? "standfirst" : "body",
        paragraph,
      });
      listLeadIn = undefined;
      return;
    }
    if (frontMatter) {
      drafts.push({
        block,
        start: block.start,
        end: block.end,
        kind: "paragraph",
        role: "standfirst",
        paragraph: 0,
      });
      listLeadIn = drafts.length - 1;
      return;
    }
    paragraph++;
    const draft: Draft = {
      block,
      start: block.start,
      end: block.end,
      kind: "paragraph",
      role: "body",
      paragraph,
    };
    const leadInText =
      previous?.kind === "paragraph" && previous.role === "body" ? lastSentence(raw, previous) : "";
    if (block.type === "quote" || (previous?.block.type === "text" && introducesQuote(leadInText))) {
      draft.kind = "quote";
      const speaker = leadInText ? findSpeaker(leadInText, raw.slice(0, previous?.end ?? 0)) : undefined;
      if (speaker) draft.speaker = speaker;
    }
    drafts.push(draft);
    listLeadIn = drafts.length - 1;
  });

  // Footnote markers, read as one numbered sequence through the whole document.
  let nextFootnote = 1;
  const passages: Passage[] = [];
  const sentences: Sentence[] = [];
  const footnotes: Footnote[] = [];
  drafts.forEach((draft, index) => {
    const id = passageId(document.id, index);
    const rawText = raw.slice(draft.start, draft.end);
    const markers = findFootnoteMarkers(rawText, { offset: draft.start, next: nextFootnote });
    const last = markers.at(-1);
    if (last) nextFootnote = last.n + 1;
    const passage: Passage = {
      id,
      docId: document.id,
      kind: draft.kind,
      role: draft.role,
      paragraph: draft.paragraph,
      span: { start: draft.start, end: draft.end },
      text: removeSpans(rawText, markers, draft.start),
      footnotes: markers.map((marker) => marker.n),
    };
    if (draft.leadIn !== undefined) passage.leadIn = passageId(document.id, draft.leadIn);
    if (draft.itemNumber !== undefined) passage.itemNumber = draft.itemNumber;
    if (draft.speaker !== undefined) passage.speaker = draft.speaker;
    passages.push(passage);
    for (const marker of markers) {
      footnotes.push({
        n: marker.n,
        docId: document.id,
        passageId: id,
        span: { start: marker.start, end: marker.end },
      });
    }
    const found = segmentSentences(rawText, draft.start, { footnotes: markers });
    // A sentence no search hit could quote whole (a document on one line without full stops) is cut up.
    splitLongSentences(found, rawText, MAX_SENTENCE_LENGTH, draft.start).forEach((sentence, k) => {
      sentences.push({
        id: sentenceId(id, k),
        docId: document.id,
        passageId: id,
        paragraph: draft.paragraph,
        span: { start: sentence.start, end: sentence.end },
        text: sentence.text,
      });
    });
  });
  return { passages, sentences, footnotes };
}
// biome-ignore-end lint/complexity/noExcessiveLinesPerFunction: see above

/** Compares two short texts ignoring case, curly vs straight quotes and spacing. */
function sameText(a: string, b: string): boolean {
  const normalize = (text: string) =>
    text.replace(/[“”]/g, '"').replace(/[‘’]/g, "'").replace(/\s+/g, " ").trim().toLowerCase();
  return normalize(a) === normalize(b);
}

/** The last sentence of a draft's clean text: where a quote's lead-in names its speaker. */
function lastSentence(raw: string, draft: Draft): string {
  const rawText = raw.slice(draft.start, draft.end);
  const markers = findFootnoteMarkers(rawText);
  const clean = removeSpans(rawText, markers);
  return segmentSentences(clean, 0, { footnotes: [] }).at(-1)?.text ?? clean;
}
