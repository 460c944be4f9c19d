import type { Answer, Corpus } from "@newind/core";
import type { SearchIndex } from "@newind/search";
import { type AnsweredTurn, answerQuestion, answerQuestionAsync } from "./answer-question.js";
import { BotContext, type BotOptions } from "./bot-context.js";
import type { TurnState } from "./conversation/turn-state.js";
import { normalizeQuestion } from "./question/normalize-question.js";
import { FITTED_MODEL } from "./scoring/fitted-model.js";
import { checkModel, type ScoringModel } from "./scoring/scoring-model.js";
import { readSentenceVectors } from "./semantic/default-vectors.js";
import { type SemanticOptions, SemanticSupport } from "./semantic/semantic-support.js";
import { loadUniversalSentenceEncoder } from "./semantic/universal-sentence-encoder.js";

/** Options of {@link Bot.ask}. */
export interface AskOptions {
  /** Earlier user messages of the conversation, oldest first (follow-ups resolve against them). */
  history?: readonly string[];
}

/** A conversation: each question may follow up the ones before it. */
export interface Conversation {
  /** Answers the next question of the conversation. Never rejects. */
  ask(question: string): Promise<Answer>;
  /** The same as {@link Conversation.ask}, synchronously. */
  answer(question: string): Answer;
}

/** A question-answering bot over one corpus. */
export interface Bot {
  /**
   * Answers a question with citations, or abstains with the closest passages. Deterministic:
   * the same question and history give the same answer. Never rejects.
   */
  ask(question: string, options?: AskOptions): Promise<Answer>;
  /** The same as {@link Bot.ask}, synchronously. */
  answer(question: string, options?: AskOptions): Answer;
  /** A conversation that keeps each turn's subject and evidence for the next (what the chat uses). */
  conversation(): Conversation;
  /** Loads the sentence encoder ahead of the first question that needs it (no-op without one). */
  warm(): Promise<void>;
}

/** What {@link createBot} needs. */
export interface CreateBotInput {
  corpus: Corpus;
  /** A search index over the same corpus (`await createSearchIndex(corpus)`): the bot's only retrieval path. */
  index: SearchIndex;
  options?: BotOptions;
  /** The scoring model (default: the one fitted on the question banks); for the fitting script and experiments. */
  model?: ScoringModel;
  /**
   * The sentence encoder consulted (by `ask`, not the synchronous `answer`) where the lexical
   * decision is unsure: by default the Universal Sentence Encoder, loaded on the first such
   * question, with the built-in corpus's vectors from the build. `false` turns it off.
   */
  semantic?: SemanticOptions | false;
}

/** At most this many earlier turns are read from `history` (only the last few can be followed up). */
export const MAX_HISTORY_READ = 20;

/** A refusal for a question the bot failed on (a bug, reported through onError). */
function refusal(question: string): AnsweredTurn {
  return {
    answer: {
      question,
      answer: "Something went wrong while answering this question; no answer was found.",
      abstained: true,
      intent: "other",
      citations: [],
    },
    state: { question, subject: [], intent: "other", evidence: [], answered: false },
  };
}

/** Answering one turn, synchronously from the words alone or asynchronously with the encoder; a bug is reported and refused. */
function turns(
  context: BotContext,
  model: ScoringModel,
  semantic: SemanticSupport | undefined,
  onError?: (error: unknown) => void,
) {
  const sync = (question: unknown, states: readonly TurnState[]): AnsweredTurn => {
    const text = normalizeQuestion(question).text;
    try {
      return answerQuestion(context, model, text, states);
    } catch (error) {
      onError?.(error);
      return refusal(text);
    }
  };
  const async = async (question: unknown, states: readonly TurnState[]): Promise<AnsweredTurn> => {
    const text = normalizeQuestion(question).text;
    try {
      return await answerQuestionAsync(context, model, text, states, semantic);
    } catch (error) {
      onError?.(error);
      return refusal(text);
    }
  };
  // Earlier turns are replayed from their words alone: cheap, and the same whichever path answers now.
  const replay = (history: unknown): TurnState[] => {
    const earlier = Array.isArray(history)
      ? history.slice(-Math.min(MAX_HISTORY_READ, context.options.maxHistory))
      : [];
    const states: TurnState[] = [];
    for (const question of earlier) {
      if (typeof question !== "string" || normalizeQuestion(question).text.length === 0) continue;
      states.push(sync(question, states).state);
    }
    return states;
  };
  return { sync, async, replay };
}

/**
 * Creates a bot over a corpus and its search index: candidates from the index, re-ranked by a
 * fitted model of general features, answered from exact spans with numbered citations, or
 * refused with the closest passages.
 *
 * @example
 * const corpus = await loadDefaultCorpus();
 * const bot = createBot({ corpus, index: await createSearchIndex(corpus) });
 * const answer = await bot.ask("When did BYD start making batteries?");
 * // answer.answer: "In 1995, a company called BYD began to make lithium-ion batteries, … [1]."
 */
export function createBot(input: CreateBotInput): Bot {
  if (input === null || typeof input !== "object") throw new TypeError("createBot needs { corpus, index }");
  const { corpus, index } = input;
  if (!corpus || !Array.isArray(corpus.sentences) || !Array.isArray(corpus.documents)) {
    throw new TypeError("createBot needs a corpus (loadDefaultCorpus() or loadCorpus())");
  }
  if (!index || typeof index.candidates !== "function" || typeof index.analyze !== "function") {
    throw new TypeError("createBot needs the corpus's search index: index: await createSearchIndex(corpus)");
  }
  const context = new BotContext(corpus, index, input.options);
  const model = checkModel(input.model ?? FITTED_MODEL);
  const semantic =
    input.semantic === false
      ? undefined
      : new SemanticSupport(
          corpus,
          { sentenceVectors: () => readSentenceVectors(corpus), ...(input.semantic ?? {}) },
          loadUniversalSentenceEncoder,
        );
  const turn = turns(context, model, semantic, input.options?.onError);
  const historyOf = (options: unknown) =>
    options !== null && typeof options === "object" ? (options as AskOptions).history : undefined;
  return {
    answer: (question, options) => turn.sync(question, turn.replay(historyOf(options))).answer,
    ask: async (question, options) => (await turn.async(question, turn.replay(historyOf(options)))).answer,
    warm: async () => {
      await semantic?.warm();
    },
    conversation: () => {
      const states: TurnState[] = [];
      const remember = (result: AnsweredTurn) => {
        states.push(result.state);
        if (states.length > context.options.maxHistory) states.shift();
        return result.answer;
      };
      return {
        answer: (question) => remember(turn.sync(question, states)),
        ask: async (question) => remember(await turn.async(question, states)),
      };
    },
  };
}
