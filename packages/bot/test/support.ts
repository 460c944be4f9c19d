import { fileURLToPath } from "node:url";
import type { Corpus } from "@newind/core";
import { loadCorpus, loadDefaultCorpus } from "@newind/data/loaders";
import { createSearchIndex, type SearchIndex } from "@newind/search";
import { type Bot, type CreateBotInput, createBot } from "../src/index.js";

/** The repository's question sets and the real documents of ../shared/eval/other-docs (copied). */
export const QUESTIONS = fileURLToPath(new URL("../../../tests/eval/questions/", import.meta.url));
/** A folder of four real documents with no curated data. */
export const OTHER_DOCS = `${QUESTIONS}docs/other-docs`;

const corpora = new Map<string, Promise<{ corpus: Corpus; index: SearchIndex }>>();

/** Which test corpus: the built-in one, the folder of other documents, the built-in without datasets, or the built-in with the primary collection. */
export type TestCorpus = "builtin" | "other-docs" | "bare" | "primary";

/** A corpus and its index, loaded once per test file. */
export function loadTestCorpus(name: TestCorpus): Promise<{ corpus: Corpus; index: SearchIndex }> {
  let loading = corpora.get(name);
  if (!loading) {
    loading = (async () => {
      let corpus: Corpus;
      if (name === "other-docs") corpus = await loadCorpus({ dirs: [OTHER_DOCS], includeDefault: false });
      else if (name === "primary") corpus = await loadCorpus({ dirs: [], includePrimary: true });
      else if (name === "bare") {
        const builtin = await loadDefaultCorpus();
        corpus = {
          ...builtin,
          datasets: { metrics: [], timeline: [], entities: [], lists: [], glossary: [] },
        };
      } else corpus = await loadDefaultCorpus();
      return { corpus, index: await createSearchIndex(corpus) };
    })();
    corpora.set(name, loading);
  }
  return loading;
}

/** A bot over a test corpus whose bugs surface as test failures (the catch-all rethrows), without the sentence encoder unless asked. */
export async function testBot(
  name: TestCorpus,
  extra: Partial<CreateBotInput> = {},
): Promise<{ bot: Bot; corpus: Corpus; index: SearchIndex }> {
  const { corpus, index } = await loadTestCorpus(name);
  const bot = createBot({
    corpus,
    index,
    semantic: false,
    ...extra,
    options: {
      onError: (error) => {
        throw error;
      },
      ...extra.options,
    },
  });
  return { bot, corpus, index };
}
