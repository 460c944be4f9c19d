import type { EnumeratedList, Passage } from "@newind/core";
import type { QueryTerms } from "../analysis/query-terms.js";
import { stem } from "../text/stem.js";
import { tokenize } from "../text/tokens.js";
import { unknownShare } from "./abstain.js";
import { type Claim, MAX_ANSWER_LENGTH, MAX_LIST_ANSWER_LENGTH, shorten, tidySentence } from "./compose.js";
import { type Draft, type StrategyInput, spanOf } from "./draft.js";
import type { SentenceRecord } from "./evidence-index.js";
import { type PreparedText, textCoverage } from "./match-records.js";

/** Least coverage of the question by a curated list's title, keywords and lead-in for the list to answer it. */
const MIN_LIST_COVERAGE = 0.45;

interface ListCandidate {
  intro: SentenceRecord | undefined;
  introSpan: Claim["spans"][number] | undefined;
  items: Claim[];
  score: number;
}

function curatedCandidates(input: StrategyInput): ListCandidate[] {
  const { context, analysis, ranked } = input;
  const rankOf = new Map(ranked.map((r, i) => [r.record.id, i]));
  const out: ListCandidate[] = [];
  for (const { record, sentence, text } of context.lists) {
    const coverage = textCoverage(text, analysis.query, context.matcher);
    const itemCoverage = textCoverage(
      record.items.map((item) => item.text).join(" "),
      analysis.query,
      context.matcher,
    );
    // A list whose lead-in ranks high for the question fits better than one that only shares a keyword.
    const rank = sentence ? (rankOf.get(sentence.id) ?? 99) : 99;
    // Keywords the question uses as they are ("four elements", "要素") single a list out among
    // lists that cover the question equally.
    const asked = `${analysis.question} ${analysis.english}`.toLowerCase();
    const keywordHits = record.keywords.filter(
      (keyword) => keyword.length > 1 && asked.includes(keyword.toLowerCase()),
    ).length;
    const score =
      Math.max(coverage, 0.8 * itemCoverage) + (rank < 3 ? 0.03 : 0) + Math.min(0.1, 0.05 * keywordHits);
    if (score < MIN_LIST_COVERAGE) continue;
    out.push({
      intro: sentence,
      introSpan: sentence ? spanOf(sentence) : undefined,
      items: itemsOf(record),
      score,
    });
  }
  return out;
}

function itemsOf(list: EnumeratedList): Claim[] {
  return list.items.map((item) => ({
    text: item.text,
    spans: [
      {
        docId: item.evidence.docId,
        passageId: item.evidence.passageId,
        paragraph: item.evidence.paragraph,
        start: item.evidence.start,
        end: item.evidence.end,
      },
    ],
  }));
}

function structuralCandidates(input: StrategyInput): ListCandidate[] {
  const { context, ranked } = input;
  const out: ListCandidate[] = [];
  const top = ranked[0]?.score ?? 0;
  for (const candidate of ranked.slice(0, 5)) {
    const record = candidate.record;
    const leadIn: Passage | undefined = record.introducesList
      ? record.passage
      : record.passage.kind === "list-item" && record.passage.leadIn
        ? context.index.passages.get(record.passage.leadIn)
        : undefined;
    if (!leadIn) continue;
    const items = context.index.listItems.get(leadIn.id) ?? [];
    if (items.length === 0) continue;
    const intro = [...context.index.sentences].reverse().find((s) => s.passageId === leadIn.id);
    out.push({
      intro,
      introSpan: intro ? spanOf(intro) : undefined,
      items: items.map((item) => ({
        text: item.text,
        spans: [
          {
            docId: item.docId,
            passageId: item.id,
            paragraph: item.paragraph,
            start: item.span.start,
            end: item.span.end,
          },
        ],
      })),
      score: top > 0 ? (candidate.score / top) * 0.6 : 0,
    });
  }
  return out;
}

/**
 * Answers "what are the …" questions with a list: a curated list whose title, keywords
 * or items fit the question, else the list introduced by a top-ranked lead-in sentence.
 * The lead-in sentence comes first, then one line per item, each with its own citation.
 */
export function answerWithList(input: StrategyInput, curatedOnly = false): Draft | undefined {
  const candidates = [...curatedCandidates(input), ...(curatedOnly ? [] : structuralCandidates(input))].sort(
    (a, b) => b.score - a.score,
  );
  const best = candidates[0];
  if (!best) return undefined;
  const composer = input.newComposer();
  // A question that asks for a list in so many words gets up to 900 characters; a list that
  // answers another kind of question (a Chinese "哪些", a "why") keeps to the plain 600.
  const long = input.analysis.intent === "list" && input.analysis.language === "en";
  const limit = long ? MAX_LIST_ANSWER_LENGTH : MAX_ANSWER_LENGTH;
  const introText = best.intro ? tidySentence(best.intro.text) : "";
  const introLimit = long ? 250 : 150;
  const itemBudget = limit - Math.min(introText.length, introLimit + 10) - 12;
  const perItem = Math.max(40, Math.floor(itemBudget / Math.max(best.items.length, 1)) - 10);
  if (best.intro && best.introSpan) {
    composer.sentence(
      { text: shorten(introText.replace(/[\s.:;,]+$/, ""), introLimit).concat(":"), spans: [best.introSpan] },
      true,
    );
  }
  best.items.forEach((item, i) => {
    composer.item(`${i + 1}.`, { text: shorten(tidySentence(item.text), perItem), spans: item.spans });
  });
  const sentences = best.intro ? [best.intro] : [];
  const bestRank = input.ranked.find((r) => r.record.id === best.intro?.id) ?? input.ranked[0];
  const unknown = unknownShare(input.analysis) >= 0.25;
  return {
    composer,
    intent: "list",
    sentences,
    long,
    best: bestRank,
    confident: best.score >= 0.75 && !unknown,
  };
}

const ORDINALS: Readonly<Record<string, number>> = {
  first: 1,
  "1st": 1,
  second: 2,
  "2nd": 2,
  third: 3,
  "3rd": 3,
  fourth: 4,
  "4th": 4,
  fifth: 5,
  "5th": 5,
  last: -1,
  final: -1,
};
const ORDINAL_ITEM =
  /\b(first|1st|second|2nd|third|3rd|fourth|4th|fifth|5th|last|final)\s+(element|item|directive|action|step|measure|pillar|component|activity|motivator|headwind|area|priority|point)s?\b/i;

/**
 * "…under the first element", "what is the third pillar": one item of a curated list the
 * question fits, named by its position, answered with the item's own passage in full.
 */
export function answerOrdinalItem(input: StrategyInput): Draft | undefined {
  const { context, analysis } = input;
  const match = ORDINAL_ITEM.exec(analysis.english);
  if (!match?.[1] || !match[2]) return undefined;
  const position = ORDINALS[match[1].toLowerCase()] ?? 0;
  const noun = stem(match[2].toLowerCase());
  const singular = match[2].toLowerCase();
  const plural = singular.endsWith("y") ? `${singular.slice(0, -1)}ies` : `${singular}s`;
  let best: { list: EnumeratedList; coverage: number } | undefined;
  for (const { record, prepared } of context.lists) {
    const described = `${record.title} ${record.keywords.join(" ")}`;
    const words = tokenize(described).map((t) => t.stem);
    if (!words.includes(noun)) continue;
    // A list of Xs names them in the plural ("the four elements"); "what every element aims at"
    // is a list of something else that each X shares.
    if (!tokenize(described).some((t) => t.word === plural)) continue;
    // A list that names the ordinal itself ("what the second element calls for") is the
    // content of one item, not the list the item belongs to.
    const ordinal = match[1].toLowerCase();
    if (words.some((word, i) => word === ordinal && words[i + 1] === noun)) continue;
    const coverage = textCoverage(prepared, analysis.query, context.matcher);
    if (!best || coverage > best.coverage) best = { list: record, coverage };
  }
  if (!best) return undefined;
  const items = best.list.items;
  const item = position < 0 ? items[items.length - 1] : items[position - 1];
  if (!item) return undefined;
  const passage = context.index.passages.get(item.evidence.passageId);
  const text = passage && passage.span.start === item.evidence.start ? passage.text : item.text;
  const composer = input.newComposer();
  composer.sentence({
    text: shorten(tidySentence(text), MAX_ANSWER_LENGTH - 20),
    spans: [
      {
        docId: item.evidence.docId,
        passageId: item.evidence.passageId,
        paragraph: item.evidence.paragraph,
        start: item.evidence.start,
        end: item.evidence.end,
      },
    ],
  });
  // The passage that takes the item up ("The second element of … is …") supports it.
  const ordinalStem = stem(match[1].toLowerCase());
  const support = input.ranked
    .slice(0, 10)
    .find(
      (r) =>
        r.record.passage.kind !== "list-item" &&
        r.record.stems.has(ordinalStem) &&
        r.record.stems.has(noun) &&
        r.record.passageId !== item.evidence.passageId,
    );
  if (support) {
    const supportText = shorten(tidySentence(support.record.text), 260);
    if (composer.lengthWith(supportText) <= MAX_ANSWER_LENGTH)
      composer.sentence({ text: supportText, spans: [spanOf(support.record)] });
  }
  const record = context.sentenceAt(item.evidence.docId, item.evidence.start, item.evidence.end);
  const ranked = input.ranked.find((r) => r.record.id === record?.id) ?? input.ranked[0];
  return {
    composer,
    intent: analysis.intent,
    sentences: record ? [record] : [],
    long: false,
    best: ranked,
    confident: best.coverage >= 0.3,
  };
}

const ITEM_NOUNS =
  "element|item|directive|action|step|measure|pillar|component|activity|activitie|motivator|headwind|area|priority|prioritie|point";
// "Which element of … covers green tech?", "which of the four elements deals with…", "第几个要素".
const WHICH_ITEM = new RegExp(
  `\\bwhich (?:one )?(?:of (?:the |its |his |her |their )?(?:\\w+ )?)?(${ITEM_NOUNS})s?\\b`,
  "i",
);
const ANY_ITEM = new RegExp(`\\b(${ITEM_NOUNS})s?\\b`, "i");
const ORDINAL_WORDS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth"];

/**
 * "Which element of Xi's approach covers green tech?": the position of the item of a curated
 * list of elements that the rest of the question fits best, with the item, cited.
 */
export function answerItemPosition(input: StrategyInput): Draft | undefined {
  const { context, analysis } = input;
  const match =
    WHICH_ITEM.exec(analysis.english) ??
    (/第几/.test(analysis.question) ? ANY_ITEM.exec(analysis.english) : null);
  if (!match?.[1]) return undefined;
  let singular = match[1].toLowerCase();
  if (singular.endsWith("ie")) singular = `${singular.slice(0, -2)}y`;
  const plural = singular.endsWith("y") ? `${singular.slice(0, -1)}ies` : `${singular}s`;
  let best: { list: EnumeratedList; coverage: number } | undefined;
  for (const { record, prepared } of context.lists) {
    const described = tokenize(`${record.title} ${record.keywords.join(" ")}`);
    if (!described.some((t) => t.word === plural)) continue;
    const coverage = textCoverage(prepared, analysis.query, context.matcher);
    if (!best || coverage > best.coverage) best = { list: record, coverage };
  }
  if (!best) return undefined;
  // What tells the items apart is the part of the question the list's own description does
  // not cover ("…covers green tech" of "which element of Xi's New Industrialization…").
  const chosen = best.list;
  const listed = context.lists.find((l) => l.record === chosen)?.prepared;
  const query = listed ? residualQuery(analysis.query, listed) : analysis.query;
  if (query.groups.length === 0) return undefined;
  // The item whose own passage covers most of that; a tie names no item.
  const scored = chosen.items.map((item, i) => {
    const passage = context.index.passages.get(item.evidence.passageId);
    return { item, i, coverage: textCoverage(`${item.text} ${passage?.text ?? ""}`, query, context.matcher) };
  });
  scored.sort((a, b) => b.coverage - a.coverage || a.i - b.i);
  const [top, runnerUp] = scored;
  if (!top || top.coverage <= (runnerUp?.coverage ?? 0) || top.coverage < 0.3) return undefined;
  const ordinal = ORDINAL_WORDS[top.i] ?? `number ${top.i + 1}`;
  const composer = input.newComposer();
  composer.sentence({
    text: shorten(
      `The ${ordinal} ${singular} (of ${best.list.items.length}): ${tidySentence(top.item.text)}`,
      MAX_ANSWER_LENGTH - 20,
    ),
    spans: [
      {
        docId: top.item.evidence.docId,
        passageId: top.item.evidence.passageId,
        paragraph: top.item.evidence.paragraph,
        start: top.item.evidence.start,
        end: top.item.evidence.end,
      },
    ],
  });
  const record = context.sentenceAt(top.item.evidence.docId, top.item.evidence.start, top.item.evidence.end);
  const ranked = input.ranked.find((r) => r.record.id === record?.id) ?? input.ranked[0];
  return {
    composer,
    intent: analysis.intent,
    sentences: record ? [record] : [],
    long: false,
    best: ranked,
    confident: true,
  };
}

/** The question's groups a text does not cover, as a query of their own. */
function residualQuery(query: QueryTerms, text: PreparedText): QueryTerms {
  const covered = new Set<number>();
  query.groups.forEach((group, g) => {
    if (group.entityId && text.entityIds.has(group.entityId)) covered.add(g);
  });
  for (const term of query.terms) {
    if (
      term.group >= 0 &&
      (term.allOf ? term.allOf.every((s) => text.stems.has(s)) : text.stems.has(term.stem))
    )
      covered.add(term.group);
  }
  const renumber = new Map<number, number>();
  const groups = query.groups.filter((_group, g) => {
    if (covered.has(g)) return false;
    renumber.set(g, renumber.size);
    return true;
  });
  const terms = query.terms.flatMap((term) => {
    const g = renumber.get(term.group);
    return g === undefined ? [] : [{ ...term, group: g }];
  });
  return { ...query, groups, terms };
}
