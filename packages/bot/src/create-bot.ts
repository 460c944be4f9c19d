import type { Answer, Corpus } from "@newind/core";
import { normalizeQuestion } from "./analysis/normalize-question.js";
import { abstentionText } from "./answering/abstain.js";
import { answerQuestion } from "./answering/answer-question.js";
import { type BotContext, type BotOptions, type CitationSearcher, createBotContext } from "./bot-context.js";

/** Options of {@link Bot.ask}. */
export interface AskOptions {
  /** Earlier user messages of the conversation, oldest first (follow-ups resolve against them). */
  history?: readonly string[];
}

/** A question-answering bot over one corpus. */
export interface Bot {
  /**
   * Answers a question with citations, or abstains with related passages. Deterministic:
   * the same question and history give the same answer. Never rejects.
   */
  ask(question: string, options?: AskOptions): Promise<Answer>;
  /** The same as {@link Bot.ask}, synchronously. */
  answer(question: string, options?: AskOptions): Answer;
}

/** What {@link createBot} needs. */
export interface CreateBotInput {
  corpus: Corpus;
  /** A search index over the same corpus (`createSearchIndex(corpus)`); its ranking informs the bot's. */
  index?: CitationSearcher;
  options?: BotOptions;
}

function cleanHistory(history: unknown): string[] {
  if (!Array.isArray(history)) return [];
  return history
    .filter((turn): turn is string => typeof turn === "string")
    .map((turn) => normalizeQuestion(turn).text)
    .filter((turn) => turn.length > 0);
}

/**
 * Creates a bot: question analysis, retrieval ranked for the question's intent, answers
 * from curated datasets where they fit, exact citations, abstention and follow-ups.
 *
 * @example
 * const corpus = await loadDefaultCorpus();
 * const bot = createBot({ corpus, index: await createSearchIndex(corpus) });
 * const answer = await bot.ask("When did BYD start making batteries?");
 * // answer.answer: "In 1995, a company called BYD began to make lithium-ion batteries… [1]."
 */
export function createBot(input: CreateBotInput): Bot {
  return botOfContext(createBotContext(input.corpus, input.index, input.options));
}

/** The bot answering from a prepared context: {@link createBot} once the context is made. */
export function botOfContext(context: BotContext): Bot {
  const answer = (question: string, options: AskOptions = {}): Answer => {
    const normalized = normalizeQuestion(question);
    try {
      const history = cleanHistory(options.history).slice(-context.options.maxHistory);
      const result = answerQuestion(context, normalized.text, history).answer;
      return { ...result, question: normalized.text };
    } catch {
      // A bug must not take the conversation down: answer honestly that no answer was found.
      return {
        question: normalized.text,
        answer: abstentionText("not-covered"),
        abstained: true,
        intent: "other",
        citations: [],
      };
    }
  };
  return {
    answer,
    ask: (question, options) => Promise.resolve(answer(question, options)),
  };
}
