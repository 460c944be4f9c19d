import type { Answer } from "@newind/core";
import type { BotContext } from "../bot-context.js";
import type { QuestionAnalysis } from "../question/analyze-question.js";
import type { Candidate } from "../retrieval/candidates.js";
import { AnswerText, type Claim, MAX_ANSWER_LENGTH, MAX_LIST_ANSWER_LENGTH, shorten, shortenStart } from "./answer-text.js";
import { type CitableSpan, CitationRegistry } from "./citations.js";

/** The longest lead-in kept before a list's items ("…were directed to … by doing the following:"). */
const LEAD_IN_LENGTH = 180;
/** The longest list item kept whole. */
const ITEM_LENGTH = 170;
const NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];

/** What an answer states about one chosen sentence: a sentence, or a lead-in with list items. */
interface Unit {
  /** Sentence numbers the unit cites. */
  sentences: number[];
  /** Writes the unit; `room` is the space left in the answer. */
  write(out: AnswerText, room: number): void;
  /** Its length, roughly, when written whole. */
  length: number;
}

/** The exact span of a sentence, for citing. */
function spanOf(context: BotContext, sentence: number): CitableSpan | undefined {
  const s = context.corpus.sentences[sentence];
  if (!s) return undefined;
  const passage = context.passages.get(s.passageId);
  return { docId: s.docId, passageId: s.passageId, paragraph: passage?.paragraph ?? s.paragraph, start: s.span.start, end: s.span.end };
}

/** A sentence's words as the reader sees them: its exact text with whitespace folded. */
function sentenceText(context: BotContext, sentence: number): string {
  const s = context.corpus.sentences[sentence];
  const document = s ? context.documents.get(s.docId) : undefined;
  return document && s ? document.text.slice(s.span.start, s.span.end).replace(/\s+/g, " ").trim() : "";
}

/** The list a sentence belongs to: the lead-in's last sentence and the first sentence of each item. */
function listOf(context: BotContext, sentence: number): { leadIn: number; items: number[] } | undefined {
  const s = context.corpus.sentences[sentence];
  if (!s) return undefined;
  const passage = context.passages.get(s.passageId);
  const leadInId = passage?.kind === "list-item" ? passage.leadIn : s.passageId;
  if (!leadInId) return undefined;
  const itemIds = context.itemsOf.get(leadInId) ?? [];
  const leadInSentences = context.sentencesOf.get(leadInId) ?? [];
  const leadIn = leadInSentences[leadInSentences.length - 1];
  // A sentence of the lead-in paragraph other than its last does not introduce the list.
  if (itemIds.length === 0 || leadIn === undefined || (passage?.kind !== "list-item" && leadIn !== sentence)) return undefined;
  const items = itemIds.flatMap((id) => (context.sentencesOf.get(id) ?? []).slice(0, 1));
  return { leadIn, items };
}

/** A claim quoting one sentence (a block quote says who speaks). */
function sentenceClaim(context: BotContext, sentence: number, room: number): Claim | undefined {
  const span = spanOf(context, sentence);
  if (!span) return undefined;
  const passage = context.passages.get(span.passageId);
  const text = sentenceText(context, sentence);
  if (passage?.kind === "quote" && passage.speaker) {
    return { text: `${passage.speaker}: “${shorten(text, Math.max(40, room - passage.speaker.length - 4))}”`, spans: [span] };
  }
  return { text: shorten(text, Math.max(40, room)), spans: [span] };
}

function sentenceUnit(context: BotContext, sentence: number): Unit {
  return {
    sentences: [sentence],
    length: sentenceText(context, sentence).length + 6,
    write(out, room) {
      const claim = sentenceClaim(context, sentence, room);
      if (claim) out.sentence(claim);
    },
  };
}

/** A list: its lead-in (the end of it, when long) and its items, or the one item an ordinal asks for. */
function listUnit(context: BotContext, analysis: QuestionAnalysis, list: { leadIn: number; items: number[] }): Unit {
  const position = analysis.ordinal;
  const picked =
    position === undefined ? list.items : [list.items[position < 0 ? list.items.length - 1 : position - 1]].filter((i) => i !== undefined);
  const items = picked.length > 0 ? picked : list.items;
  const count = analysis.intent === "number" && position === undefined ? list.items.length : undefined;
  return {
    sentences: [list.leadIn, ...items],
    length: Math.min(LEAD_IN_LENGTH, sentenceText(context, list.leadIn).length) + items.reduce((sum, i) => sum + Math.min(ITEM_LENGTH, sentenceText(context, i).length) + 8, 0),
    write(out, room) {
      const leadSpan = spanOf(context, list.leadIn);
      if (count !== undefined) {
        // A count the document does not state: computed from the items, which are cited below.
        out.note(`Counting the items listed: ${NUMBER_WORDS[count] ?? String(count)} (${count}).`);
      }
      if (leadSpan) {
        out.sentence({ text: shortenStart(sentenceText(context, list.leadIn), LEAD_IN_LENGTH), spans: [leadSpan] }, true);
      }
      if (position !== undefined && items.length === 1) {
        const index = list.items.indexOf(items[0] as number) + 1;
        out.note(`Item ${index} of ${list.items.length}:`);
      }
      for (const item of items) {
        const span = spanOf(context, item);
        const text = shorten(sentenceText(context, item), ITEM_LENGTH);
        if (!span || out.lengthWith(text) > room + out.text().length) continue;
        out.item({ text, spans: [span] });
      }
    },
  };
}

/** The bylines of a document, each cited: who wrote it and in what role. */
function bylineUnit(context: BotContext, docId: string): Unit | undefined {
  const sentences = context.corpus.passages
    .filter((passage) => passage.docId === docId && passage.role === "byline")
    .flatMap((passage) => context.sentencesOf.get(passage.id) ?? []);
  if (sentences.length === 0) return undefined;
  return {
    sentences,
    length: sentences.reduce((sum, i) => sum + sentenceText(context, i).length + 6, 0),
    write(out) {
      for (const sentence of sentences) {
        const span = spanOf(context, sentence);
        if (span) out.sentence({ text: sentenceText(context, sentence), spans: [span] });
      }
    },
  };
}

/** What to write for one chosen sentence. */
function unitOf(context: BotContext, analysis: QuestionAnalysis, sentence: number): Unit {
  const s = context.corpus.sentences[sentence];
  const passage = s ? context.passages.get(s.passageId) : undefined;
  if (s && passage?.role === "byline" && analysis.aboutDocument) {
    const unit = bylineUnit(context, s.docId);
    if (unit) return unit;
  }
  const wantsList = analysis.intent === "list" || analysis.intent === "number" || analysis.ordinal !== undefined;
  const list = wantsList || passage?.kind !== "list-item" ? listOf(context, sentence) : undefined;
  if (list && (wantsList || list.leadIn === sentence)) return listUnit(context, analysis, list);
  return sentenceUnit(context, sentence);
}

/**
 * Composes an answer from the chosen sentences (best first): each claim an exact span of its
 * cited sentence — shortened at a clause boundary with "…" when long — a list's items after its
 * lead-in, bylines together, block quotes with their speaker; numbered [n] by first appearance.
 * Units that do not fit the length budget (600 characters, 900 for a list) are left out.
 */
export function composeAnswer(
  context: BotContext,
  analysis: QuestionAnalysis,
  chosen: readonly Candidate[],
): { text: string; citations: Answer["citations"]; sentences: number[] } {
  const budget = analysis.intent === "list" ? MAX_LIST_ANSWER_LENGTH : MAX_ANSWER_LENGTH;
  const units: Unit[] = [];
  const used = new Set<number>();
  let length = 0;
  for (const candidate of chosen) {
    if (used.has(candidate.sentence)) continue;
    const unit = unitOf(context, analysis, candidate.sentence);
    if (unit.sentences.every((sentence) => used.has(sentence))) continue;
    if (units.length > 0 && length + unit.length > budget) continue;
    units.push(unit);
    for (const sentence of unit.sentences) used.add(sentence);
    length += unit.length;
  }
  // Read in document order, as the text gives them.
  units.sort((a, b) => Math.min(...a.sentences) - Math.min(...b.sentences));
  const registry = new CitationRegistry(context.documents, context.corpus.footnotes);
  const out = new AnswerText(registry);
  for (const unit of units) unit.write(out, budget - out.text().length - 8);
  return { text: out.text(), citations: registry.list(), sentences: [...used] };
}
