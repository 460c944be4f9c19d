import type { Answer } from "@newind/core";
import { analyzeText } from "@newind/search";
import type { BotContext, Naming } from "../bot-context.js";
import type { QuestionAnalysis } from "../question/analyze-question.js";
import { CueSet, cueWords } from "../question/cues.js";
import { ENUMERATION_CUES, ORDINAL_OPENERS, ORDINALS, SPELLED_NUMBERS } from "../question/lexicon.js";
import type { Candidate } from "../retrieval/candidates.js";
import {
  AnswerText,
  MAX_ANSWER_LENGTH,
  MAX_LIST_ANSWER_LENGTH,
  shorten,
  shortenStart,
} from "./answer-text.js";
import { type CitableSpan, CitationRegistry } from "./citations.js";

/** The longest lead-in kept before a list's items ("…were directed to … by doing the following:"). */
const LEAD_IN_LENGTH = 180;
/** The longest list item kept whole. */
const ITEM_LENGTH = 170;
const YEARS = /\b(?:1[5-9]|20)\d\d(?:s\b)?/g;

/** What an answer states about one chosen sentence: a sentence, or a lead-in with list items. */
interface Unit {
  /** Sentence numbers the unit cites. */
  sentences: number[];
  /** Writes the unit; `room` is the space left in the answer. */
  write(out: AnswerText, room: number): void;
  /** Its length, roughly, when written whole. */
  length: number;
  /** Its length, roughly, when cut to what the question asks about. */
  minLength: number;
}

/** The exact span of a sentence, for citing. */
function spanOf(context: BotContext, sentence: number): CitableSpan | undefined {
  const s = context.corpus.sentences[sentence];
  if (!s) return undefined;
  const passage = context.passages.get(s.passageId);
  return {
    docId: s.docId,
    passageId: s.passageId,
    paragraph: passage?.paragraph ?? s.paragraph,
    start: s.span.start,
    end: s.span.end,
  };
}

/**
 * A sentence's words as the reader sees them: the exact text its citation quotes (a sentence
 * longer than a citation may be is cut as the citation is), whitespace folded.
 */
function sentenceText(context: BotContext, sentence: number): string {
  const span = spanOf(context, sentence);
  const quote = span ? context.citable.evidence(span)?.quote : undefined;
  return quote ? quote.replace(/\s+/g, " ").trim() : "";
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
  if (itemIds.length === 0 || leadIn === undefined || (passage?.kind !== "list-item" && leadIn !== sentence))
    return undefined;
  const items = itemIds.flatMap((id) => (context.sentencesOf.get(id) ?? []).slice(0, 1));
  return { leadIn, items };
}

/** The shortest a sentence is cut to: a clause or two with the question's words. */
const FOCUS_LENGTH = 160;
const CLAUSE = /(?<=[,;:—–])\s*|\s+(?=(?:which|who|where|while|whereas|but)\s)/u;

/**
 * The clauses of a sentence that hold the question's words, as a window of at most `max`
 * characters, with "…" where text was cut: the same words, in the same order, as the quote.
 */
export function focusClauses(text: string, terms: ReadonlySet<string>, max: number): string {
  if (text.length <= max) return text;
  const clauses = text.split(CLAUSE).filter((clause) => clause.length > 0);
  const scores = clauses.map((clause) => analyzeText(clause).filter((term) => terms.has(term)).length);
  let best: { from: number; to: number; score: number; length: number } | undefined;
  for (let from = 0; from < clauses.length; from++) {
    let length = 0;
    let score = 0;
    for (let to = from; to < clauses.length; to++) {
      length += (clauses[to] as string).length + 1;
      if (length > max) break;
      score += scores[to] as number;
      if (!best || score > best.score || (score === best.score && length < best.length && score > 0)) {
        best = { from, to, score, length };
      }
    }
  }
  if (!best || best.score === 0) return shorten(text, max);
  const window = clauses
    .slice(best.from, best.to + 1)
    .join(" ")
    .replace(/[\s,;:—–]+$/u, "");
  return `${best.from > 0 ? "…" : ""}${window}${best.to < clauses.length - 1 ? "…" : ""}`;
}

/**
 * The items of the longest enumeration in a text ("Germany, Japan, Singapore, South Korea, and
 * Israel": 5; "…、…、…"), or 0 when it names fewer than three things in a row. Going back from
 * the "and" before the last item, comma-separated items of about the last one's length belong to
 * the list; the first longer stretch is its first item with the words that lead into it.
 */
export function enumerationLength(text: string): number {
  let best = 0;
  for (const clause of text.split(/[;:—–()“”"]|\.\s/u)) {
    const han = clause.split("、").length;
    if (han >= 3) best = Math.max(best, han);
    const words = (piece: string) =>
      piece
        .trim()
        .split(/\s+/)
        .filter((word) => word.length > 0).length;
    for (const match of clause.matchAll(/,?\s+(?:and|or)\s+([^,]+)$/gu)) {
      const before = clause.slice(0, match.index).split(",");
      const last = words(match[1] ?? "");
      const limit = Math.max(3, 2 * last);
      let count = 1;
      for (let i = before.length - 1; i >= 0; i--) {
        count++;
        if (words(before[i] ?? "") > limit) break;
      }
      if (before.length >= 2) best = Math.max(best, count);
    }
  }
  return best >= 3 ? best : 0;
}

function sentenceUnit(
  context: BotContext,
  sentence: number,
  terms: ReadonlySet<string>,
  countItems = false,
): Unit {
  const length = sentenceText(context, sentence).length + 6;
  return {
    sentences: [sentence],
    length,
    minLength: Math.min(length, FOCUS_LENGTH + 8),
    write(out, room) {
      const span = spanOf(context, sentence);
      if (!span) return;
      const text = sentenceText(context, sentence);
      const count = countItems ? enumerationLength(text) : 0;
      if (count >= 3 && !/\d/.test(text.replace(YEARS, ""))) {
        // A count the sentence does not state: computed from the things it names, quoted whole below.
        out.note(`Counting the items listed: ${spelled(count)} (${count}).`);
        out.sentence({ text, spans: [span] });
        return;
      }
      out.sentence({
        text: focusClauses(sentenceText(context, sentence), terms, Math.max(FOCUS_LENGTH, room)),
        spans: [span],
      });
    },
  };
}

/** A list: its lead-in (the end of it, when long) and its items, or the one item an ordinal asks for. */
function listUnit(
  context: BotContext,
  analysis: QuestionAnalysis,
  list: { leadIn: number; items: number[] },
): Unit {
  const position = analysis.ordinal;
  const picked =
    position === undefined
      ? list.items
      : [list.items[position < 0 ? list.items.length - 1 : position - 1]].filter((i) => i !== undefined);
  const items = picked.length > 0 ? picked : list.items;
  const count = analysis.intent === "number" && position === undefined ? list.items.length : undefined;
  return {
    sentences: [list.leadIn, ...items],
    length:
      Math.min(LEAD_IN_LENGTH, sentenceText(context, list.leadIn).length) +
      items.reduce((sum, i) => sum + Math.min(ITEM_LENGTH, sentenceText(context, i).length) + 8, 0),
    get minLength() {
      return this.length;
    },
    write(out, room) {
      const leadSpan = spanOf(context, list.leadIn);
      if (count !== undefined) {
        // A count the document does not state: computed from the items, which are cited below.
        out.note(`Counting the items listed: ${spelled(count)} (${count}).`);
      }
      if (leadSpan) {
        const leadIn = sentenceText(context, list.leadIn);
        const itemsLength = items.reduce(
          (sum, i) => sum + Math.min(ITEM_LENGTH, sentenceText(context, i).length) + 8,
          0,
        );
        // The lead-in's end says what follows it: cut its start when the items need the room.
        const keep = Math.max(LEAD_IN_LENGTH, room - itemsLength - 40);
        out.sentence({ text: shortenStart(leadIn, keep), spans: [leadSpan] }, true);
      }
      if (position !== undefined && items.length === 1) {
        const index = list.items.indexOf(items[0] as number) + 1;
        out.note(`Item ${index} of ${list.items.length}:`);
      }
      const itemRoom = Math.max(
        ITEM_LENGTH,
        Math.floor((room - LEAD_IN_LENGTH) / Math.max(1, items.length)) - 8,
      );
      for (const item of items) {
        const span = spanOf(context, item);
        const text = shorten(sentenceText(context, item), itemRoom);
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
  return sentences.length === 0 ? undefined : wholeUnit(context, sentences);
}

/** The most items a count is made of: a longer list is not what "how many" asks about. */
const MAX_COUNTED_ITEMS = 12;

/**
 * Whether a list is what the question asks for: a list question, an ordinal ("the third one"),
 * or "how many" answered by a lead-in that names no number of its own (the count is the items').
 */
function wantsList(
  context: BotContext,
  analysis: QuestionAnalysis,
  list: { leadIn: number; items: number[] },
  sentence: number,
): boolean {
  if (analysis.intent === "list" || analysis.ordinal !== undefined) return true;
  // A sentence that only announces what follows ("…entails the following actions:") says it through its items,
  // unless the question asks for something the announcement itself states (a date, a name, a figure).
  if (
    sentence === list.leadIn &&
    context.sentence(sentence).introduces &&
    !["date", "who", "number"].includes(analysis.intent)
  ) {
    return true;
  }
  return (
    analysis.intent === "number" &&
    sentence === list.leadIn &&
    list.items.length <= MAX_COUNTED_ITEMS &&
    // A lead-in that gives a figure of its own ("…these 5 actions:") answers "how many" itself; years are not figures.
    !/\d/.test(sentenceText(context, list.leadIn).replace(YEARS, ""))
  );
}

/** A block quote: the sentence introducing it ("Jin discussed the issue in a … interview:"), then the quoted words. */
function quoteUnit(context: BotContext, sentence: number): Unit {
  const s = context.corpus.sentences[sentence];
  const passage = s ? context.passages.get(s.passageId) : undefined;
  const first = s ? context.sentencesOf.get(s.passageId)?.[0] : undefined;
  const before = first !== undefined ? first - 1 : -1;
  const introduces =
    before >= 0 &&
    context.corpus.sentences[before]?.docId === s?.docId &&
    context.sentence(before).introduces;
  return {
    sentences: introduces ? [before, sentence] : [sentence],
    length:
      sentenceText(context, sentence).length + (introduces ? sentenceText(context, before).length : 0) + 12,
    minLength:
      Math.min(220, sentenceText(context, sentence).length) +
      (introduces ? sentenceText(context, before).length : 0) +
      12,
    write(out, room) {
      const span = spanOf(context, sentence);
      if (!span) return;
      const quoted = shorten(
        sentenceText(context, sentence),
        Math.max(60, room - (introduces ? sentenceText(context, before).length : 0) - 16),
      );
      const beforeSpan = introduces ? spanOf(context, before) : undefined;
      if (beforeSpan) {
        out.sentence({ text: sentenceText(context, before), spans: [beforeSpan] }, true);
        out.sentence({ text: `“${quoted}”`, spans: [span] });
      } else {
        const speaker = passage?.speaker ? `${passage.speaker}: ` : "";
        out.sentence({ text: `${speaker}“${quoted}”`, spans: [span] });
      }
    },
  };
}

/** A short passage whole (a byline: a name, then a role). */
function passageUnit(context: BotContext, passageId: string): Unit {
  return wholeUnit(context, [...(context.sentencesOf.get(passageId) ?? [])]);
}

/** Sentences written whole, each with its own citation. */
function wholeUnit(context: BotContext, sentences: number[]): Unit {
  return {
    sentences,
    length: sentences.reduce((sum, i) => sum + sentenceText(context, i).length + 6, 0),
    get minLength() {
      return this.length;
    },
    write(out) {
      for (const sentence of sentences) {
        const span = spanOf(context, sentence);
        if (span) out.sentence({ text: sentenceText(context, sentence), spans: [span] });
      }
    },
  };
}

const HAN = /\p{Script=Han}/u;
const enumerationCues = new CueSet(ENUMERATION_CUES);
const ordinalOpeners = new Set(ORDINAL_OPENERS);
const ordinalCues = new Map(ORDINALS.map((entry) => [entry.position, new CueSet(entry.en, entry.zh)]));
/** The most sentences of a prose enumeration quoted after the sentence that announces it. */
const MAX_CONTINUATION = 5;

/**
 * The sentences that carry on what a sentence announces ("…there are three reasons for it." →
 * "First, …", "Second, …"): the following sentences of the same document that open with an
 * ordinal, when the sentence (or one of the next `lookAhead` of its passage) announces an
 * enumeration (ends with a colon, or speaks of "three parts", "the following"…).
 */
function continuation(context: BotContext, sentence: number, lookAhead: number): number[] {
  const s = context.corpus.sentences[sentence];
  if (!s) return [];
  const opens = (i: number) => {
    const words = cueWords(context.corpus.sentences[i]?.text ?? "").slice(0, 2);
    const opener = words[0] === "and" ? words[1] : words[0];
    return opener !== undefined && ordinalOpeners.has(opener);
  };
  const announces = (i: number) =>
    context.sentence(i).introduces || enumerationCues.has(cueWords(context.corpus.sentences[i]?.text ?? ""));
  // Where the enumeration starts: right after this sentence, or after a sentence or two of the
  // same passage that lead up to it ("…asked me why. I will be frank. There are three reasons: First, …").
  let start = -1;
  for (let i = sentence; i <= sentence + lookAhead; i++) {
    const next = context.corpus.sentences[i + 1];
    if (!next || next.docId !== s.docId) break;
    if (i > sentence && context.corpus.sentences[i]?.passageId !== s.passageId) break;
    if (announces(i) && opens(i + 1)) {
      start = i + 1;
      break;
    }
  }
  if (start < 0) return [];
  // The sentence that announces the enumeration, without what leads up to it.
  const out: number[] = start - 1 > sentence ? [start - 1] : [];
  for (let i = start; i < context.corpus.sentences.length && out.length < MAX_CONTINUATION; i++) {
    if (context.corpus.sentences[i]?.docId !== s.docId || !opens(i)) break;
    out.push(i);
  }
  return out;
}

/** The cells of a table row ("a | b | c", "Bo |  | 2021"; an escaped "\|" splits none), or 0 for text that is not one. */
function cells(text: string): number {
  const parts = text.split(/(?<!\\)\|/u);
  return parts.length > 1 ? parts.length : 0;
}

/**
 * The paragraph a label line introduces: for a heading or list item that ends in a colon
 * ("Export controls:"), the first sentence of the paragraph right after it, or undefined.
 */
function labelled(context: BotContext, sentence: number): number | undefined {
  const s = context.corpus.sentences[sentence];
  const passage = s ? context.passages.get(s.passageId) : undefined;
  if (!passage || (passage.kind !== "heading" && passage.kind !== "list-item")) return undefined;
  if (!context.sentence(sentence).introduces || context.sentencesOf.get(passage.id)?.at(-1) !== sentence)
    return undefined;
  const next = context.corpus.sentences[sentence + 1];
  const after = next ? context.passages.get(next.passageId) : undefined;
  return next?.docId === s?.docId && after?.kind === "paragraph" && !context.itemsOf.has(after.id)
    ? sentence + 1
    : undefined;
}

/**
 * The header row of a table row (a list item whose lead-in has as many cells as it has; see
 * @newind/data's parseDocument), or undefined.
 */
function tableHeader(context: BotContext, sentence: number): number | undefined {
  const s = context.corpus.sentences[sentence];
  const passage = s ? context.passages.get(s.passageId) : undefined;
  if (passage?.kind !== "list-item" || passage.leadIn === undefined) return undefined;
  const lead = context.sentencesOf.get(passage.leadIn);
  const header = lead?.length === 1 ? lead[0] : undefined;
  if (header === undefined) return undefined;
  const width = cells(sentenceText(context, sentence));
  return width > 0 && width === cells(sentenceText(context, header)) ? header : undefined;
}

/** The shortest piece of a sentence that the corpus cut for length (see @newind/data's splitLongSentences). */
const CUT_PIECE = 300;
/** At most this many pieces of a cut sentence follow it. */
const MAX_PIECES = 3;
// How a finished sentence ends: its stop, then any closing quotes or brackets.
const FINISHED = /[.!?。！？…]["'”’)\]）」』]*$/u;

/**
 * The rest of a sentence the corpus cut for length ("…consultation with Tribal Nations," then
 * "and reduces time and cost of permitting."): the pieces after it in its passage, up to the one
 * that ends it. Empty for a sentence that is whole.
 */
function restOfCut(context: BotContext, sentence: number): number[] {
  const out: number[] = [];
  let current = sentence;
  while (out.length < MAX_PIECES) {
    const text = context.corpus.sentences[current]?.text.trimEnd() ?? "";
    const next = context.corpus.sentences[current + 1];
    if (text.length < CUT_PIECE || FINISHED.test(text) || context.sentence(current).introduces) break;
    if (!next || next.passageId !== context.corpus.sentences[current]?.passageId) break;
    out.push(current + 1);
    current++;
  }
  return out;
}

/** A sentence and the enumeration it announces, each quoted in turn. */
function runUnit(context: BotContext, sentences: readonly number[], terms: ReadonlySet<string>): Unit {
  const parts = sentences.map((sentence) => sentenceUnit(context, sentence, terms));
  const length = parts.reduce((sum, part) => sum + part.length, 0);
  return {
    sentences: [...sentences],
    length,
    minLength: Math.min(
      length,
      parts.reduce((sum, part) => sum + part.minLength, 0),
    ),
    write(out, room) {
      parts.forEach((part, k) => {
        const left = parts.slice(k + 1).reduce((sum, later) => sum + later.minLength, 0);
        part.write(out, room - (out.text().length > 0 ? 0 : 0) - left);
      });
    },
  };
}

/** What to write for one chosen sentence. */
function unitOf(
  context: BotContext,
  analysis: QuestionAnalysis,
  sentence: number,
  terms: ReadonlySet<string>,
  best = false,
  used: ReadonlySet<number> = new Set(),
): Unit {
  const s = context.corpus.sentences[sentence];
  const passage = s ? context.passages.get(s.passageId) : undefined;
  if (s && passage?.role === "byline" && analysis.aboutDocument) {
    const unit = bylineUnit(context, s.docId);
    if (unit) return unit;
  }
  const list = listOf(context, sentence);
  // An ordinal the chosen item says itself is its content, not a position in the list: "when did
  // the tariffs first go into effect?" is answered by "Tariffs first go into effect | …", not item 1.
  const text = sentenceText(context, sentence);
  const saysOrdinal = ordinalCues.get(analysis.ordinal ?? 0)?.has(cueWords(text), text) ?? false;
  const asked = saysOrdinal ? { ...analysis, ordinal: undefined } : analysis;
  if (list && wantsList(context, asked, list, sentence)) return listUnit(context, asked, list);
  // A table row is read with its header: "Action | Steel | Aluminium" says which date is which
  // (once: a second row of the same table is quoted alone).
  const header = tableHeader(context, sentence);
  if (header !== undefined && !used.has(header)) return runUnit(context, [header, sentence], terms);
  // "Export controls:" is answered by what the label introduces.
  const introduced = labelled(context, sentence);
  if (introduced !== undefined) return runUnit(context, [sentence, introduced], terms);
  if (passage?.kind === "quote") return quoteUnit(context, sentence);
  if (passage?.role === "byline") return passageUnit(context, s?.passageId ?? "");
  const rest = restOfCut(context, sentence);
  if (rest.length > 0) return runUnit(context, [sentence, ...rest], terms);
  // A question asking why, what or which may be answered by the enumeration a sentence leads up to.
  const lookAhead = ["why", "list", "other", "definition"].includes(analysis.intent) ? 3 : 0;
  const following = continuation(context, sentence, lookAhead);
  if (following.length > 0) return runUnit(context, [sentence, ...following], terms);
  // "How many … are named?": the best sentence's own enumeration, counted.
  return sentenceUnit(context, sentence, terms, best && analysis.intent === "number");
}

/**
 * Composes an answer from the chosen sentences (best first): each claim an exact span of its
 * cited sentence — shortened at a clause boundary with "…" when long — a list's items after its
 * lead-in, bylines together, block quotes with their speaker; numbered [n] by first appearance.
 * Units that do not fit the length budget (600 characters, 900 for a list) are left out. An
 * `unsure` answer missing a key word of the question says so first (see missingNote).
 */
export function composeAnswer(
  context: BotContext,
  analysis: QuestionAnalysis,
  chosen: readonly Candidate[],
  unsure = false,
  named: Naming = { documents: new Set(), by: new Set() },
): { text: string; citations: Answer["citations"]; sentences: number[] } {
  const note = missingNote(context, analysis, chosen, unsure, named);
  const budget = (analysis.intent === "list" ? MAX_LIST_ANSWER_LENGTH : MAX_ANSWER_LENGTH) - note.length;
  const terms = new Set(
    analysis.concepts.filter((concept) => concept.role === "content").flatMap((concept) => concept.terms),
  );
  const units: Array<Unit & { size: number }> = [];
  const used = new Set<number>();
  let length = 0;
  for (const candidate of chosen) {
    if (used.has(candidate.sentence)) continue;
    const unit = unitOf(context, analysis, candidate.sentence, terms, units.length === 0, used);
    if (unit.sentences.every((sentence) => used.has(sentence))) continue;
    // Whole units first; a unit that fits only cut to its focus takes what room is left.
    const size = units.length === 0 || length + unit.length <= budget ? unit.length : unit.minLength;
    if (units.length > 0 && length + size > budget) continue;
    units.push(Object.assign(unit, { size }));
    for (const sentence of unit.sentences) used.add(sentence);
    length += size;
  }
  // The sizes are estimates: drop the last-chosen units until the text fits.
  for (let count = units.length; count >= 1; count--) {
    const kept = units.slice(0, count);
    const written = write(context, kept, budget);
    if (written.text.length <= budget || count === 1) {
      return {
        ...written,
        text: `${note}${written.text}`,
        sentences: kept.flatMap((unit) => unit.sentences),
      };
    }
  }
  return { text: "", citations: [], sentences: [] };
}

/** A key word of the question at least this close to the rarest one's weight is one whose absence an answer must own up to. */
const KEY_WORD_SHARE = 0.8;

/**
 * "The passages that fit best do not mention “overcapacity”: " — when the answer is unsure
 * (`unsure`) and a key word of the question (one of its rarest content words, which the
 * documents use elsewhere) appears neither in the sentences chosen nor in their passages: an
 * answer that misses what was asked says so instead of posing as an answer. Words the documents
 * never use are the abstention's to judge (a misspelling or an abbreviation is not a topic).
 * A word that named the cited document ("according to Brainard", of her remarks) is not missing.
 */
export function missingNote(
  context: BotContext,
  analysis: QuestionAnalysis,
  chosen: readonly Candidate[],
  unsure: boolean,
  named: Naming = { documents: new Set(), by: new Set() },
): string {
  if (!unsure) return "";
  const content = analysis.concepts.filter(
    (concept) => concept.role === "content" && !concept.figure && !HAN.test(concept.word),
  );
  const top = Math.max(0, ...content.map((concept) => concept.weight));
  const near = new Set<string>();
  for (const candidate of chosen) {
    for (const term of context.sentence(candidate.sentence).terms) near.add(term);
    const passageId = context.corpus.sentences[candidate.sentence]?.passageId;
    if (passageId) for (const term of context.passageTerms(passageId)) near.add(term);
  }
  const missing = content
    .filter((concept) => concept.known && !concept.common && concept.weight >= KEY_WORD_SHARE * top)
    .filter((concept) => !concept.terms.some((term) => near.has(term)))
    .filter(
      (concept) =>
        !chosen.some((candidate) => {
          const docId = context.corpus.sentences[candidate.sentence]?.docId;
          return docId !== undefined && context.namesDocument(concept, docId, named);
        }),
    )
    .map((concept) => `“${concept.word}”`);
  if (missing.length === 0 || missing.length === content.length) return "";
  return `The passages that fit best do not mention ${missing.slice(0, 3).join(" or ")}: `;
}

/**
 * Writes units in document order — the documents in the order they were chosen, the best's
 * first — each with the room the units after it leave.
 */
function write(
  context: BotContext,
  chosen: ReadonlyArray<Unit & { size: number }>,
  budget: number,
): { text: string; citations: Answer["citations"] } {
  const first = (unit: Unit) => Math.min(...unit.sentences);
  const documentOf = (unit: Unit) => context.corpus.sentences[first(unit)]?.docId ?? "";
  const documents = [...new Set(chosen.map(documentOf))];
  const units = [...chosen].sort(
    (a, b) => documents.indexOf(documentOf(a)) - documents.indexOf(documentOf(b)) || first(a) - first(b),
  );
  const registry = new CitationRegistry(context.documents, context.corpus.footnotes);
  const out = new AnswerText(registry);
  units.forEach((unit, k) => {
    const reserved = units.slice(k + 1).reduce((sum, later) => sum + later.size, 0);
    unit.write(out, budget - out.text().length - reserved - 8);
  });
  return { text: out.text(), citations: registry.list() };
}

/** A count spelled out where it is short ("three"), in digits beyond twelve. */
function spelled(count: number): string {
  return SPELLED_NUMBERS[count - 1] ?? String(count);
}
