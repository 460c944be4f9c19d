import type { Answer, Corpus, Evidence, Span } from "@newind/core";
import type { SearchIndex } from "@newind/search";

/** A ranked passage from the search index (the fields of `@newind/search`'s `CitationHit` the chat shows). */
export interface SearchHit extends Evidence {
  readonly score: number;
  readonly matchedTerms?: readonly string[];
  /** Where the matched words are: absolute `[start, end)` offsets, like `start`/`end`. */
  readonly highlights?: readonly Span[];
}

/**
 * The most earlier turns passed to the bot with a question (`ask --jsonl` and the chat):
 * a follow-up refers to the last few, and a history of thousands must not cost every answer.
 */
export const MAX_HISTORY_TURNS = 20;

/** What the chat needs from the answering packages; tests pass a small fake. */
export interface ChatBackend {
  /** Answers `question`; `history` holds the earlier questions of this conversation, oldest first. */
  ask(question: string, history: readonly string[]): Promise<Answer>;
  /** Ranked passages for `query`. */
  search(query: string, limit: number): Promise<readonly SearchHit[]>;
}

/**
 * Builds the real backend: `@newind/bot` over `corpus` with the search index `loadIndex`
 * returns (the CLI's cached loader), answering through one bot conversation so follow-ups
 * resolve against what earlier answers were about; a folder corpus's sentence vectors are
 * kept in the user's store (`$XDG_CACHE_HOME/newind`, read from `env`). The packages are
 * imported here, lazily, so the chat draws its first frame before anything is indexed.
 */
export async function createChatBackend(
  corpus: Corpus,
  loadIndex: () => Promise<SearchIndex>,
  env: NodeJS.ProcessEnv,
): Promise<ChatBackend> {
  const [index, { createBot }, { sentenceVectorCache }, { openStore, userCacheDir }] = await Promise.all([
    loadIndex(),
    import("@newind/bot"),
    import("../vector-cache.js"),
    import("@newind/cache"),
  ]);
  const semantic = await sentenceVectorCache(corpus, openStore(userCacheDir(env)));
  const bot = createBot({ corpus, index, ...(semantic && { semantic }) });
  // The sentence encoder loads while the user types, not when an unsure question needs it.
  bot.warm().catch(() => undefined);
  // The bot's conversation keeps each turn's subject and evidence; an empty history (a new
  // session, or /clear) starts a new one.
  let conversation = bot.conversation();
  let turns = 0;
  return {
    ask: (question, history) => {
      if (history.length === 0 && turns > 0) conversation = bot.conversation();
      turns = history.length + 1;
      return conversation.ask(question);
    },
    search: async (query, limit) => index.searchCitations(query, { limit }),
  };
}
