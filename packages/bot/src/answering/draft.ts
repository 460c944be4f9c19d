import type { Intent } from "@newind/core";
import type { QuestionAnalysis } from "../analysis/analyze-question.js";
import type { BotContext } from "../bot-context.js";
import type { CitableSpan } from "./citations.js";
import type { AnswerComposer } from "./compose.js";
import type { SentenceRecord } from "./evidence-index.js";
import type { RankedSentence } from "./rank-sentences.js";

/** What a strategy produced: the composer holds the text and citations. */
export interface Draft {
  composer: AnswerComposer;
  intent: Intent;
  /** Sentences the answer rests on (for follow-ups and related passages). */
  sentences: SentenceRecord[];
  /** List and multi-part answers may be longer. */
  long: boolean;
  /** The evidence's confidence, for the abstention check: the best sentence's ranking. */
  best: RankedSentence | undefined;
  /** Set by strategies whose own checks already decided (curated list or computation matched). */
  confident?: boolean;
}

/** What every strategy gets. */
export interface StrategyInput {
  context: BotContext;
  analysis: QuestionAnalysis;
  ranked: RankedSentence[];
  newComposer(): AnswerComposer;
}

/** The span of a sentence record, for citing. */
export function spanOf(record: SentenceRecord): CitableSpan {
  return {
    docId: record.docId,
    passageId: record.passageId,
    paragraph: record.paragraph,
    start: record.start,
    end: record.end,
  };
}
