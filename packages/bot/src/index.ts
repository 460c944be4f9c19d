export type { BotOptions } from "./bot-context.js";
export { MAX_ANSWER_LENGTH, MAX_LIST_ANSWER_LENGTH } from "./compose/answer-text.js";
export {
  assertCitations,
  CitationRegistry,
  CitationSpanError,
  MAX_CITATION_LENGTH,
} from "./compose/citations.js";
export {
  type AskOptions,
  type Bot,
  type Conversation,
  type CreateBotInput,
  createBot,
  MAX_HISTORY_READ,
} from "./create-bot.js";
export {
  analyzeQuestion,
  type Concept,
  type ConceptRole,
  type QuestionAnalysis,
} from "./question/analyze-question.js";
export type { AnswerKind } from "./question/lexicon.js";
export {
  MAX_QUESTION_LENGTH,
  type NormalizedQuestion,
  normalizeQuestion,
} from "./question/normalize-question.js";
export type { ScoringModel } from "./scoring/scoring-model.js";
export { ENCODER_NAME } from "./semantic/default-vectors.js";
export type { SemanticOptions } from "./semantic/semantic-support.js";
export {
  loadVectors,
  type SentenceEncoder,
  type StoredVectors,
  storeVectors,
  type Vector,
} from "./semantic/vectors.js";
