import type { BotContext } from "../bot-context.js";
import type { QuestionAnalysis } from "../question/analyze-question.js";

/**
 * A way of answering a kind of question other than ranking sentences for it: one entry of the
 * registry in `registry.ts`. A strategy that applies drafts the sentences to quote; it falls back
 * to the general path by drafting nothing.
 */
export interface Strategy {
  name: string;
  /** Whether the strategy answers this question. */
  applies(context: BotContext, analysis: QuestionAnalysis): boolean;
  /**
   * The sentence numbers to quote, in order, or undefined to fall back. `previousDocument` is the
   * document the conversation's last answer cited, if any.
   */
  draft(context: BotContext, analysis: QuestionAnalysis, previousDocument?: string): number[] | undefined;
}
