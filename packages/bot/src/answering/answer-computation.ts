import { buildQueryTerms } from "../analysis/query-terms.js";
import { yearsIn } from "../text/numbers.js";
import { MAX_ANSWER_LENGTH, shorten, tidySentence } from "./compose.js";
import { type Draft, type StrategyInput, spanOf } from "./draft.js";
import type { SentenceRecord } from "./evidence-index.js";
import { type PreparedText, textCoverage } from "./match-records.js";

/** Splits "between A and B" / "from A to B" / "after A until B" into its two ends. */
export function twoEnds(english: string): [string, string] | undefined {
  const text = english.replace(/\?+\s*$/, "");
  const patterns = [
    /\bbetween\s+(.+?)\s+and\s+(.+)$/i,
    /\bfrom\s+(.+?)\s+(?:to|until|till)\s+(.+)$/i,
    /\bsince\s+(.+?)\s+(?:to|until|till|and)\s+(.+)$/i,
    /\bafter\s+(.+?)\s+(?:did|was|were|before|until)\s+(.+)$/i,
  ];
  for (const pattern of patterns) {
    const match = pattern.exec(text);
    if (match?.[1] && match[2]) return [match[1], match[2]];
  }
  return undefined;
}

interface DatedEvidence {
  year: number;
  sentence: SentenceRecord;
  coverage: number;
}

// Prefer the year an event happened ("in October 2022") over a target it names ("for 2035", "by 2030").
function eventYear(text: string): number | undefined {
  const targeted = new Set<number>();
  for (const match of text.matchAll(/\b(?:for|by|until|through|before)\s+((?:19|20)\d{2})\b/g))
    targeted.add(Number(match[1]));
  const years = yearsIn(text);
  return years.find((year) => !targeted.has(year)) ?? years[0];
}

function bestDated(
  input: StrategyInput,
  phrase: string,
  exclude: SentenceRecord | undefined,
): DatedEvidence | undefined {
  const { context } = input;
  const query = buildQueryTerms(phrase, context.matcher.find(phrase), context.vocabulary);
  let best: DatedEvidence | undefined;
  const consider = (
    sentence: SentenceRecord | undefined,
    year: number | undefined,
    text: PreparedText,
    bonus: number,
  ) => {
    if (!sentence || year === undefined || sentence === exclude) return;
    const coverage = textCoverage(text, query, context.matcher) + bonus;
    if (!best || coverage > best.coverage) best = { year, sentence, coverage };
  };
  for (const event of context.timeline) {
    const year = Number(event.record.date.slice(0, 4));
    consider(event.sentence, Number.isFinite(year) ? year : undefined, event.prepared, 0.05);
  }
  for (const sentence of context.index.sentences) {
    if (!sentence.hasDate) continue;
    consider(sentence, eventYear(sentence.text), { stems: sentence.stems, entityIds: sentence.entityIds }, 0);
  }
  return best;
}

/**
 * "How many years between A and B?": finds a dated piece of evidence for each end (timeline
 * events first, then dated sentences), subtracts, and shows the arithmetic with both inputs cited.
 */
export function answerYearsBetween(input: StrategyInput): Draft | undefined {
  const ends = twoEnds(input.analysis.english);
  if (!ends) return undefined;
  const first = bestDated(input, ends[0], undefined);
  const second = bestDated(input, ends[1], first?.sentence);
  if (!first || !second || first.coverage < 0.4 || second.coverage < 0.4) return undefined;
  const [earlier, later] = first.year <= second.year ? [first, second] : [second, first];
  const years = later.year - earlier.year;
  const composer = input.newComposer();
  composer.sentence({
    text: `About ${years} years (${later.year} − ${earlier.year} = ${years})`,
    spans: [spanOf(earlier.sentence), spanOf(later.sentence)],
  });
  const budget = Math.floor((MAX_ANSWER_LENGTH - composer.text().length - 20) / 2);
  for (const dated of [earlier, later]) {
    composer.sentence({
      text: shorten(tidySentence(dated.sentence.text), budget),
      spans: [spanOf(dated.sentence)],
    });
  }
  const best = input.ranked.find((r) => r.record.id === earlier.sentence.id) ?? input.ranked[0];
  return {
    composer,
    intent: "number",
    sentences: [earlier.sentence, later.sentence],
    long: false,
    best,
    confident: true,
  };
}

/**
 * "What share of …?" when the evidence gives counts but no percentage: the smaller count over
 * the larger, from the best-ranked sentence with two counts ("Of those 122 manufacturers, 101 …").
 */
export function answerShare(input: StrategyInput): Draft | undefined {
  const { ranked, analysis } = input;
  for (const candidate of ranked.slice(0, 3)) {
    if (candidate.coverage < input.context.options.minCoverage) continue;
    const percent = candidate.record.figures.find(
      (f) => f.kind === "percent" && !analysis.givenNumbers.has(f.value),
    );
    if (percent) return undefined; // the document states the share itself
    const counts = candidate.record.figures.filter(
      (f) => f.kind === "count" && !analysis.givenNumbers.has(f.value),
    );
    if (counts.length < 2) continue;
    const values = counts.map((f) => f.value);
    const part = Math.min(...values);
    const whole = Math.max(...values);
    if (whole <= 0 || part === whole) continue;
    const share = Math.round((part / whole) * 1000) / 10;
    const composer = input.newComposer();
    composer.sentence({
      text: `About ${share} percent (${part} ÷ ${whole} = ${(part / whole).toFixed(3)})`,
      spans: [spanOf(candidate.record)],
    });
    composer.sentence({ text: tidySentence(candidate.record.text), spans: [spanOf(candidate.record)] });
    return {
      composer,
      intent: "number",
      sentences: [candidate.record],
      long: false,
      best: candidate,
      confident: true,
    };
  }
  return undefined;
}

/**
 * "How many times as many X did A have as B?": the larger count over the smaller, from the
 * best-ranked sentence that gives both ("122 auto manufacturers in China—compared to four in
 * the United States"), with the arithmetic shown and the sentence cited.
 */
export function answerRatio(input: StrategyInput): Draft | undefined {
  const { ranked, analysis } = input;
  for (const candidate of ranked.slice(0, 3)) {
    if (candidate.coverage < input.context.options.minCoverage || !candidate.yearsMatch) continue;
    const counts = candidate.record.figures.filter(
      (f) => (f.kind === "count" || f.kind === "money") && !analysis.givenNumbers.has(f.value),
    );
    if (counts.length < 2) continue;
    const values = counts.map((f) => f.value);
    const larger = Math.max(...values);
    const smaller = Math.min(...values);
    if (smaller <= 0 || larger === smaller) continue;
    const ratio = Math.round((larger / smaller) * 10) / 10;
    const composer = input.newComposer();
    composer.sentence({
      text: `About ${ratio} times as many (${larger} ÷ ${smaller} = ${ratio})`,
      spans: [spanOf(candidate.record)],
    });
    composer.sentence({ text: tidySentence(candidate.record.text), spans: [spanOf(candidate.record)] });
    return {
      composer,
      intent: "number",
      sentences: [candidate.record],
      long: false,
      best: candidate,
      confident: true,
    };
  }
  return undefined;
}

const BOUND_LOWER = /\b(?:less than|fewer than|below|under|at most)\b/i;
const BOUND_UPPER =
  /\b(?:or (?:better|more|above|higher|over|greater)|at least|at or above|above|over|more than)\b/i;
const NEGATION = /\b(?:not|never)\b|n't\b/i;
const REST = /\b(?:remaining|the rest|the others|other than|excluding)\b/i;

/** +1 for "at least / above / (no bound)", −1 for "less than / below"; a negation turns it round. */
function polarity(text: string): number {
  const side = BOUND_UPPER.test(text) ? 1 : BOUND_LOWER.test(text) ? -1 : 1;
  return NEGATION.test(text) ? -side : side;
}

/**
 * "How many ran at 60% or better?" when the document counts those below: the whole less the
 * part it counts ("Of those 122 manufacturers, 101 were running at less than 60 percent
 * capacity" → 122 − 101 = 21), from a sentence that names the part as a part of the whole.
 */
export function answerComplement(input: StrategyInput): Draft | undefined {
  const { ranked, analysis } = input;
  const asked = analysis.english;
  for (const candidate of ranked.slice(0, 5)) {
    if (candidate.coverage < input.context.options.minCoverage || !candidate.yearsMatch) continue;
    const { record } = candidate;
    // The sentence must count what the question counts ("car makers" → "manufacturers").
    const counted = analysis.countedStems;
    if (counted && ![...counted].some((s) => record.stems.has(s) || record.contextStems.has(s))) continue;
    const counts = record.figures.filter((f) => f.kind === "count" && !analysis.givenNumbers.has(f.value));
    // The whole is the count the sentence takes its part "of" ("of those 122", "out of 122").
    const whole = counts.find((f) =>
      new RegExp(
        `\\b(?:of|out of) (?:those |these |the |all |its )?${f.text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`,
        "i",
      ).test(record.text),
    );
    if (!whole) continue;
    const part = counts.find((f) => f !== whole && f.value < whole.value && f.value > 0);
    if (!part) continue;
    // Only the opposite of what the sentence counts: "or better" against "less than", "not" against an affirmation.
    if (!REST.test(asked) && polarity(asked) === polarity(record.text)) return undefined;
    const rest = whole.value - part.value;
    const composer = input.newComposer();
    composer.sentence({
      text: `${rest} (${whole.value} − ${part.value} = ${rest})`,
      spans: [spanOf(record)],
    });
    composer.sentence({ text: tidySentence(record.text), spans: [spanOf(record)] });
    return { composer, intent: "number", sentences: [record], long: false, best: candidate, confident: true };
  }
  return undefined;
}
