export type { QuestionAnalysis } from "./analysis/analyze-question.js";
export { analyzeQuestion, splitParts } from "./analysis/analyze-question.js";
export { detectIntent, type IntentAnalysis } from "./analysis/detect-intent.js";
export {
  MAX_QUESTION_LENGTH,
  type NormalizedQuestion,
  normalizeQuestion,
} from "./analysis/normalize-question.js";
export { type AbstainReason, abstentionText } from "./answering/abstain.js";
export {
  assertCitations,
  CitationRegistry,
  CitationSpanError,
  MAX_CITATION_LENGTH,
} from "./answering/citations.js";
export { MAX_ANSWER_LENGTH, MAX_LIST_ANSWER_LENGTH } from "./answering/compose.js";
export type { BotOptions, CitationSearcher, SearchHitLike } from "./bot-context.js";
export { type AskOptions, type Bot, type CreateBotInput, createBot } from "./create-bot.js";
