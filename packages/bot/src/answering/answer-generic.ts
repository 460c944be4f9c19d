import { MAX_ANSWER_LENGTH, shorten, tidySentence } from "./compose.js";
import { type Draft, type StrategyInput, spanOf } from "./draft.js";
import type { SentenceRecord } from "./evidence-index.js";
import type { RankedSentence } from "./rank-sentences.js";

const ANAPHORIC_START =
  /^(it|this|these|those|they|that|such|of those|of these|the result|the phenomenon|in this situation)\b/i;
const CONTINUING_START =
  /^(but|however|thus|this|these|in this situation|in other words|that|as a result|instead)\b/i;

/** Picks the lead: for intents that ask for a type (a number, a date, an actor), the best sentence that has it. */
export function pickLead(input: StrategyInput): RankedSentence | undefined {
  const { ranked, analysis } = input;
  const top = ranked[0];
  if (!top) return undefined;
  if (["number", "date", "who"].includes(analysis.intent)) {
    // For "who", the actors the question names stay in the evidence ("who heads BYD" is about BYD).
    const actorGroups = analysis.query.groups.flatMap((group, g) => {
      const entity = group.entityId ? input.context.index.entities.get(group.entityId) : undefined;
      return analysis.intent === "who" &&
        entity &&
        ["person", "organization", "company"].includes(entity.type)
        ? [g]
        : [];
    });
    const typed = ranked
      .slice(0, 8)
      .find(
        (candidate) =>
          candidate.typed &&
          candidate.yearsMatch &&
          actorGroups.every((g) => (candidate.groupCredit[g] ?? 0) >= 0.5),
      );
    if (typed && typed.score >= top.score * 0.35) return typed;
  }
  // An explanation leads a "why" answer when it is nearly as relevant as the best sentence.
  if (analysis.intent === "why" && !top.typed) {
    const causal = ranked
      .slice(1, 4)
      .find((candidate) => candidate.typed && candidate.score >= top.score * 0.7);
    if (causal) return causal;
  }
  // A list's lead-in ("…by doing the following:") says little alone; prefer the next best sentence.
  if (top.record.introducesList && ["why", "comparison", "definition"].includes(analysis.intent)) {
    const other = ranked
      .slice(1, 4)
      .find((candidate) => !candidate.record.introducesList && candidate.score >= top.score * 0.7);
    if (other) return other;
  }
  return top;
}

/**
 * The default strategy: a direct lead sentence, then at most two supporting sentences
 * (the sentence the lead leans on, the next one when it carries the thought on, and
 * nearby or nearly-as-good sentences), within the length limit: supports in priority
 * order take what room is left, whole when they fit, else cut at a clause.
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
  // "But in the mid-2010s, …" contrasts with the sentence before it: a comparison or an
  // explanation needs both.
  const contrasts = /^(but|however|yet|still|by contrast|in contrast)\b/i.test(lead.record.text);
  const leansBack = Boolean(
    previous &&
      (ANAPHORIC_START.test(lead.record.text) ||
        (contrasts && ["comparison", "why"].includes(analysis.intent))),
  );
  const candidates = new Map<SentenceRecord, number>();
  for (const candidate of ranked.slice(0, 10)) {
    if (
      candidate.record === lead.record ||
      candidate.record.introducesList ||
      /:\s*$/.test(candidate.record.text)
    )
      continue;
    const near =
      candidate.record.docId === lead.record.docId &&
      Math.abs(candidate.record.paragraph - lead.record.paragraph) <= 1;
    const strong = candidate.score >= lead.score * 0.75 && candidate.coverage >= lead.coverage * 0.8;
    const nearAndGood =
      near && candidate.score >= lead.score * 0.5 && candidate.coverage > lead.coverage * 0.5;
    if (strong || nearAndGood) candidates.set(candidate.record, candidate.score);
  }
  // Explanations and comparisons usually go on in the next sentence ("Low-end manufacturers compete on price…").
  const next = lead.record.next;
  if (next && ["why", "comparison", "definition", "other"].includes(analysis.intent)) {
    const score = byId.get(next.id)?.score ?? 0;
    const lift = CONTINUING_START.test(next.text) || analysis.intent === "why" ? 0.6 : 0.3;
    if (!next.introducesList) candidates.set(next, Math.max(score * 1.2, lead.score * lift));
  }
  if (leansBack && previous) candidates.set(previous, Number.POSITIVE_INFINITY);
  const prioritized = [...candidates.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].order - b[0].order)
    .slice(0, maxSupports)
    .map(([record]) => record);
  const leadText = tidySentence(lead.record.text);
  const leadBudget =
    prioritized.length > 0 ? Math.min(leadText.length, Math.max(300, maxLength - 260)) : maxLength - 8;
  let remaining = maxLength - Math.min(leadText.length, leadBudget) - 8;
  const kept = new Map<SentenceRecord, string>();
  for (const record of prioritized) {
    const room = remaining - 8;
    if (room < 80) break;
    const fitted = shorten(tidySentence(record.text), room);
    kept.set(record, fitted);
    remaining -= fitted.length + 8;
  }
  const before = leansBack && previous && kept.has(previous) ? [previous] : [];

  const after = [...kept.keys()]
    .filter((record) => !before.includes(record))
    .sort((a, b) => a.order - b.order);
  const sequence = [
    ...before.map((record) => ({ record, text: kept.get(record) ?? record.text })),
    { record: lead.record, text: shorten(leadText, leadBudget) },
    ...after.map((record) => ({ record, text: kept.get(record) ?? record.text })),
  ];
  const composer = input.newComposer();
  for (const piece of sequence) composer.sentence({ text: piece.text, spans: [spanOf(piece.record)] });
  return {
    composer,
    intent: analysis.intent,
    sentences: sequence.map((p) => p.record),
    long: false,
    best: lead,
  };
}
