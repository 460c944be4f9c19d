import { MAX_ANSWER_LENGTH, shorten, tidySentence } from "./compose.js";
import { type Draft, type StrategyInput, spanOf } from "./draft.js";
import type { SentenceRecord } from "./evidence-index.js";
import type { RankedSentence } from "./rank-sentences.js";

const ANAPHORIC_START =
  /^(it|this|these|those|they|that|such|of those|of these|the result|the phenomenon|in this situation)\b/i;
const CONTINUING_START =
  /^(but|however|thus|this|these|in this situation|in other words|that|as a result|instead|as head|the cycle)\b/i;

/** Picks the lead: for intents that ask for a type (a number, a date, an actor), the best sentence that has it. */
export function pickLead(input: StrategyInput): RankedSentence | undefined {
  const { ranked, analysis } = input;
  const top = ranked[0];
  if (!top) return undefined;
  if (["number", "date", "who"].includes(analysis.intent)) {
    const typed = ranked.slice(0, 8).find((candidate) => candidate.typed && candidate.yearsMatch);
    if (typed && typed.score >= top.score * 0.35) return typed;
  }
  return top;
}

/**
 * The default strategy: a direct lead sentence, then at most two supporting sentences
 * (the lead's neighbour when the lead leans on it or it continues the thought, then the
 * best-ranked sentences that cover what the lead misses), within the length limit.
 */
export function answerFromSentences(
  input: StrategyInput,
  maxLength = MAX_ANSWER_LENGTH,
  maxSupports = 2,
): Draft | undefined {
  const lead = pickLead(input);
  if (!lead) return undefined;
  const { ranked, analysis } = input;
  const byId = new Map(ranked.map((r) => [r.record.id, r]));
  const previous = lead.record.previous;
  const leansBack = Boolean(previous && ANAPHORIC_START.test(lead.record.text));
  // Candidates for support, by score; the lead's neighbour gets a lift when it continues the thought.
  const candidates = new Map<SentenceRecord, number>();
  for (const candidate of ranked.slice(0, 10)) {
    if (candidate.record === lead.record) continue;
    if (candidate.score < lead.score * 0.5 || candidate.coverage <= lead.coverage * 0.5) continue;
    candidates.set(candidate.record, candidate.score);
  }
  const next = lead.record.next;
  if (next && ["why", "comparison", "definition", "other", "list"].includes(analysis.intent)) {
    const score = byId.get(next.id)?.score ?? 0;
    if (CONTINUING_START.test(next.text)) candidates.set(next, Math.max(score * 1.3, lead.score * 0.6));
  }
  if (leansBack && previous) candidates.set(previous, Number.POSITIVE_INFINITY);
  const supports = [...candidates.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].order - b[0].order)
    .slice(0, maxSupports)
    .map(([record]) => record);
  const leadText = tidySentence(lead.record.text);
  const leadBudget =
    supports.length > 0 ? Math.min(leadText.length, Math.max(300, maxLength - 260)) : maxLength - 8;
  const composer = input.newComposer();
  const before = leansBack && previous && supports.includes(previous) ? [previous] : [];
  const after = supports.filter((record) => !before.includes(record)).sort((a, b) => a.order - b.order);
  let remaining = maxLength - Math.min(leadText.length, leadBudget) - 8;
  const pieces: Array<{ record: SentenceRecord; text: string }> = [];
  for (const record of [...before, ...after]) {
    const text = tidySentence(record.text);
    const share = Math.floor(remaining / Math.max(1, [...before, ...after].length - pieces.length)) - 8;
    if (share < 80) continue;
    const shortened = shorten(text, share);
    remaining -= shortened.length + 8;
    pieces.push({ record, text: shortened });
  }
  const sequence = [
    ...pieces.filter((p) => before.includes(p.record)),
    { record: lead.record, text: shorten(leadText, leadBudget) },
    ...pieces.filter((p) => !before.includes(p.record)),
  ];
  for (const piece of sequence) composer.sentence({ text: piece.text, spans: [spanOf(piece.record)] });
  return {
    composer,
    intent: analysis.intent,
    sentences: sequence.map((p) => p.record),
    long: false,
    best: lead,
  };
}
