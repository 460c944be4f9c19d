import type { Answer, Corpus, Evidence, Span } from "@newind/core";
import type { SearchIndex } from "@newind/search";

/** A ranked passage from the search index (the fields of `@newind/search`'s `CitationHit` the chat shows). */
export interface SearchHit extends Evidence {
  readonly score: number;
  readonly matchedTerms?: readonly string[];
  /** Where the matched words are: absolute `[start, end)` offsets, like `start`/`end`. */
  readonly highlights?: readonly Span[];
}

/** What the chat needs from the answering packages; tests pass a small fake. */
export interface ChatBackend {
  /** Answers `question`; `history` holds the earlier turns of this conversation, oldest first. */
  ask(question: string, history: readonly Answer[]): Promise<Answer>;
  /** Ranked passages for `query`. */
  search(query: string, limit: number): Promise<readonly SearchHit[]>;
}

interface BotModule {
  createBot(options: { corpus: Corpus; index: unknown }): {
    ask(question: string, options: { history: readonly unknown[] }): Promise<Answer> | Answer;
  };
}

/**
 * Builds the real backend: the bot over `corpus` and the search index `loadIndex` returns
 * (the CLI's cached loader). The bot package is imported here, lazily, so the chat can draw
 * its first frame before anything is indexed.
 */
export async function createChatBackend(
  corpus: Corpus,
  loadIndex: () => Promise<SearchIndex>,
): Promise<ChatBackend> {
  const index = await loadIndex();
  const botModule = (await import("@newind/bot")) as unknown as BotModule;
  // Until @newind/bot ships createBot, answer with the best passages (still exactly cited).
  const bot =
    typeof botModule.createBot === "function" ? botModule.createBot({ corpus, index }) : retrievalBot(index);
  return {
    async ask(question, history) {
      return bot.ask(question, { history });
    },
    async search(query, limit) {
      return index.searchCitations(query, { limit });
    },
  };
}

function retrievalBot(index: SearchIndex) {
  return {
    ask(question: string): Answer {
      const hits = index.searchCitations(question, { limit: 2 });
      const citations = hits.map((hit, i) => ({
        n: i + 1,
        docId: hit.docId,
        passageId: hit.passageId,
        paragraph: hit.paragraph,
        start: hit.start,
        end: hit.end,
        quote: hit.quote,
      }));
      if (citations.length === 0) {
        return {
          question,
          answer: "The sources don’t cover that.",
          abstained: true,
          intent: "other",
          citations,
        };
      }
      const answer = citations.map((citation) => `${citation.quote.trim()} [${citation.n}]`).join(" ");
      return { question, answer, abstained: false, intent: "other", citations };
    },
  };
}
