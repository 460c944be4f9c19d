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
  const chosen: SentenceRecord[] = [lead.record];
  const supports: SentenceRecord[] = [];
  const previous = lead.record.previous;
  if (previous && ANAPHORIC_START.test(lead.record.text)) supports.push(previous);
  const next = lead.record.next;
  const nextRank = next ? byId.get(next.id) : undefined;
  if (
    next &&
    ["why", "comparison", "definition", "other", "list"].includes(analysis.intent) &&
    (CONTINUING_START.test(next.text) || (nextRank && nextRank.score >= lead.score * 0.25))
  ) {
    supports.push(next);
  }
  for (const candidate of ranked.slice(1, 8)) {
    if (supports.length >= maxSupports + 1) break;
    if (candidate.score < lead.score * 0.55) break;
    if (candidate.record.id === lead.record.id || supports.includes(candidate.record)) continue;
    if (candidate.coverage <= lead.coverage * 0.5) continue;
    supports.push(candidate.record);
  }
  const composer = input.newComposer();
  const orderedSupports = supports.slice(0, maxSupports);
  // The sentence a lead leans on ("It took another 30 years…") is read before it.
  const before = orderedSupports.filter((s) => s === previous && ANAPHORIC_START.test(lead.record.text));
  const after = orderedSupports.filter((s) => !before.includes(s));
  const sequence = [...before, lead.record, ...after];
  const texts = sequence.map((record) => tidySentence(record.text));
  let total = texts.reduce((sum, text) => sum + text.length + 6, 0);
  while (total > maxLength && sequence.length > 1) {
    // Drop the weakest support first (the last of "after", else the one before).
    const dropAt = after.length > 0 ? sequence.length - 1 : 0;
    const [removed] = sequence.splice(dropAt, 1);
    const [removedText] = texts.splice(dropAt, 1);
    if (removed && after.includes(removed)) after.pop();
    total -= (removedText?.length ?? 0) + 6;
  }
  sequence.forEach((record, i) => {
    const text = texts[i] ?? record.text;
    composer.sentence({
      text: sequence.length === 1 ? shorten(text, maxLength - 8) : text,
      spans: [spanOf(record)],
    });
    chosen.push(record);
  });
  return { composer, intent: analysis.intent, sentences: sequence, long: false, best: lead };
}
