import type { Corpus, Entity, Passage, SourceDocument } from "@newind/core";
import type { EntityMatcher } from "../analysis/find-entities.js";
import { type Figure, findFigures, hasDate } from "../text/numbers.js";
import { tokenize } from "../text/tokens.js";

/** A sentence of the corpus, prepared for ranking and citing. */
export interface SentenceRecord {
  id: string;
  docId: string;
  passageId: string;
  paragraph: number;
  start: number;
  end: number;
  /** Clean text (no footnote markers). */
  text: string;
  /** Position in reading order across the corpus. */
  order: number;
  passage: Passage;
  stems: ReadonlySet<string>;
  tokenCount: number;
  figures: Figure[];
  hasDate: boolean;
  entityIds: ReadonlySet<string>;
  /** Mentions a person, organisation or company (by entity or by a capitalised name). */
  namesActor: boolean;
  causal: boolean;
  definitional: boolean;
  comparative: boolean;
  /** Dates something by an event rather than a year ("until the EV revolution, when BYD…"). */
  eventDated: boolean;
  /** Ends with a colon and introduces list items. */
  introducesList: boolean;
  previous?: SentenceRecord;
  next?: SentenceRecord;
  /** Words around the sentence that it leans on: the previous sentence, a list item's lead-in, a quote's speaker. */
  contextStems: ReadonlySet<string>;
  /** Entities mentioned in that context. */
  contextEntityIds: ReadonlySet<string>;
}

/** The corpus prepared for answering: sentences in reading order, documents by id. */
export interface EvidenceIndex {
  sentences: SentenceRecord[];
  byId: ReadonlyMap<string, SentenceRecord>;
  documents: ReadonlyMap<string, SourceDocument>;
  passages: ReadonlyMap<string, Passage>;
  /** List items of a lead-in passage, in order. */
  listItems: ReadonlyMap<string, Passage[]>;
  averageLength: number;
  entities: ReadonlyMap<string, Entity>;
}

const CAUSAL =
  /\b(because|since|so that|in order to|due to|owing to|as a result|result of|leads? to|leading to|thus|therefore|hence|focus(es)? on|aim(s|ed)? to|meant to|in pursuit|less about|more about|motivat\w*|driv(e|es|en|ing)|reason|impetus|can limit|limit|so|keeps?|turn to|urgent|pressure|concern(ed)?)\b/i;
const DEFINITIONAL =
  /\b(to describe|refer(s|red)? to( as)?|dubbed|defined|is a|is an|means|known as|term|called|theory|concept|in other words|in this situation)\b/i;
const COMPARATIVE =
  /\b(compared? (to|with)|differ\w*|unlike|whereas|rather than|similar|shifted away|away from|toward|instead of|closely based|based on|upgraded|versus|than|however|likewise)\b/i;
const EVENT_DATED =
  /\b(?:until|after|during|since|following|amid|before|with) (?:the )?[^,.;:]{3,50}, when\b|\bat the time of\b/i;
const ANAPHORA = /^(?:\S+\s+){0,12}?(these|this|such|those|the following)\b/i;

const PASSAGE_BEFORE = new WeakMap<Corpus, Map<string, Passage>>();

/** The passage before each passage of its document (computed once per corpus). */
function passageBefore(corpus: Corpus): Map<string, Passage> {
  let map = PASSAGE_BEFORE.get(corpus);
  if (!map) {
    map = new Map();
    const ordered = [...corpus.passages].sort(
      (a, b) => a.docId.localeCompare(b.docId) || a.span.start - b.span.start,
    );
    for (let i = 1; i < ordered.length; i++) {
      const current = ordered[i];
      const previous = ordered[i - 1];
      if (current && previous && current.docId === previous.docId) map.set(current.id, previous);
    }
    PASSAGE_BEFORE.set(corpus, map);
  }
  return map;
}

function precedingPassageTexts(
  record: SentenceRecord,
  passages: ReadonlyMap<string, Passage>,
  listItems: ReadonlyMap<string, Passage[]>,
  corpus: Corpus,
): string[] {
  const before = passageBefore(corpus).get(record.passageId);
  if (!before) return [];
  const texts: string[] = [];
  if (before.kind === "list-item" && before.leadIn) {
    const leadIn = passages.get(before.leadIn);
    if (leadIn) texts.push(leadIn.text);
    for (const item of listItems.get(before.leadIn) ?? []) texts.push(item.text);
  } else {
    texts.push(before.text);
  }
  return texts;
}

const ACTOR_NAME = /(?<!^)(?<![.!?]\s)\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+\b|\b[A-Z]{2,6}\b/;

/**
 * Prepares the corpus sentences for ranking: token stems, figures, dates, entity mentions,
 * discourse cues and neighbours. Built once per bot; everything after is lookups.
 */
export function buildEvidenceIndex(corpus: Corpus, entityMatcher: EntityMatcher): EvidenceIndex {
  // Lead-ins, speakers and preceding passages are read once per sentence that leans on them: memoise.
  const found = new Map<string, ReturnType<EntityMatcher["find"]>>();
  const matcher: EntityMatcher = {
    find(text) {
      let entities = found.get(text);
      if (!entities) {
        entities = entityMatcher.find(text);
        found.set(text, entities);
      }
      return entities;
    },
  };
  const stemsOf = new Map<string, string[]>();
  const stemsOfText = (text: string): string[] => {
    let stems = stemsOf.get(text);
    if (!stems) {
      stems = tokenize(text).map((t) => t.stem);
      stemsOf.set(text, stems);
    }
    return stems;
  };
  const documents = new Map(corpus.documents.map((doc) => [doc.id, doc]));
  const passages = new Map(corpus.passages.map((passage) => [passage.id, passage]));
  const listItems = new Map<string, Passage[]>();
  for (const passage of corpus.passages) {
    if (passage.kind === "list-item" && passage.leadIn) {
      const items = listItems.get(passage.leadIn) ?? [];
      items.push(passage);
      listItems.set(passage.leadIn, items);
    }
  }
  for (const items of listItems.values()) items.sort((a, b) => a.span.start - b.span.start);
  const actorTypes = new Set(["person", "organization", "company"]);
  const entities = new Map(corpus.datasets.entities.map((entity) => [entity.id, entity]));
  const records: SentenceRecord[] = [];
  const ordered = [...corpus.sentences].sort(
    (a, b) => a.docId.localeCompare(b.docId) || a.span.start - b.span.start,
  );
  for (const sentence of ordered) {
    const passage = passages.get(sentence.passageId);
    const document = documents.get(sentence.docId);
    if (!passage || !document) continue;
    if (sentence.span.end <= sentence.span.start || sentence.text.trim().length === 0) continue;
    const tokens = tokenize(sentence.text);
    const mentioned = matcher.find(sentence.text);
    const text = sentence.text;
    records.push({
      id: sentence.id,
      docId: sentence.docId,
      passageId: sentence.passageId,
      paragraph: sentence.paragraph,
      start: sentence.span.start,
      end: sentence.span.end,
      text,
      order: records.length,
      passage,
      stems: new Set(tokens.map((t) => t.stem)),
      tokenCount: tokens.length,
      figures: findFigures(text),
      hasDate: hasDate(text),
      entityIds: new Set(mentioned.map((e) => e.id)),
      namesActor: mentioned.some((e) => actorTypes.has(e.type)) || ACTOR_NAME.test(text),
      causal: CAUSAL.test(text),
      definitional: DEFINITIONAL.test(text),
      comparative: COMPARATIVE.test(text),
      introducesList: /:\s*$/.test(text) && listItems.has(passage.id),
      eventDated: EVENT_DATED.test(text),
      contextStems: new Set(),
      contextEntityIds: new Set(),
    });
  }
  const byId = new Map(records.map((record) => [record.id, record]));
  for (let i = 0; i < records.length; i++) {
    const record = records[i];
    if (!record) continue;
    const previous = records[i - 1];
    const next = records[i + 1];
    if (previous && previous.passageId === record.passageId) record.previous = previous;
    if (next && next.passageId === record.passageId) record.next = next;
    const context = new Set<string>();
    if (record.previous) for (const s of record.previous.stems) context.add(s);
    // Two back: "…leading to overcapacity. The phenomenon can be seen in the automotive industry. In 2020, there were 122…"
    const twoBack = record.previous ? records[i - 2] : undefined;
    if (twoBack && twoBack.passageId === record.passageId) for (const s of twoBack.stems) context.add(s);
    const leadIn = record.passage.leadIn ? passages.get(record.passage.leadIn) : undefined;
    if (leadIn) for (const stemmed of stemsOfText(leadIn.text)) context.add(stemmed);
    // A passage that opens by pointing back ("these seemingly disparate issues") leans on the
    // passage before it; for a list, on the whole list and its lead-in.
    const pointsBack = !record.previous && ANAPHORA.test(record.text);
    if (pointsBack) {
      for (const text of precedingPassageTexts(record, passages, listItems, corpus)) {
        for (const stemmed of stemsOfText(text)) context.add(stemmed);
      }
    }
    if (record.passage.speaker) {
      for (const token of tokenize(record.passage.speaker)) context.add(token.stem);
      for (const entity of matcher.find(record.passage.speaker)) {
        for (const alias of [entity.name, ...entity.aliases])
          for (const t of tokenize(alias)) context.add(t.stem);
      }
    }
    record.contextStems = context;
    const contextEntities = new Set<string>();
    for (const neighbour of [
      record.previous,
      twoBack?.passageId === record.passageId ? twoBack : undefined,
    ]) {
      if (neighbour) for (const id of neighbour.entityIds) contextEntities.add(id);
    }
    if (leadIn) for (const entity of matcher.find(leadIn.text)) contextEntities.add(entity.id);
    if (record.passage.speaker)
      for (const entity of matcher.find(record.passage.speaker)) contextEntities.add(entity.id);
    if (pointsBack) {
      for (const text of precedingPassageTexts(record, passages, listItems, corpus)) {
        for (const entity of matcher.find(text)) contextEntities.add(entity.id);
      }
    }
    record.contextEntityIds = contextEntities;
  }
  const averageLength = records.reduce((sum, r) => sum + r.tokenCount, 0) / Math.max(records.length, 1);
  return { sentences: records, byId, documents, passages, listItems, averageLength, entities };
}
