import type { TermInput } from "@newind/analytics";
import type { Corpus } from "@newind/core/text";
import type { CommandContext } from "../context.js";
import { UsageError } from "../errors.js";

type Analytics = typeof import("@newind/analytics");

/**
 * Runs an analytics command's computation: the corpus (the primary collection plus any
 * folders, unless told otherwise), `@newind/analytics` (imported only now), and the terms
 * with `--translate`'s glossary forms. Bad input the analytics refuse (an empty or
 * over-long term, an unknown document id) becomes a usage error: one line, exit 2.
 */
export async function runAnalytics<T>(
  context: CommandContext,
  terms: readonly string[],
  compute: (analytics: Analytics, corpus: Corpus, terms: readonly TermInput[]) => T,
): Promise<T> {
  const analytics = await import("@newind/analytics");
  // Checked before the corpus loads: a bad term costs nothing.
  try {
    for (const term of terms) analytics.checkTerm(term);
  } catch (error) {
    if (error instanceof analytics.AnalyticsInputError) throw new UsageError(error.message);
    throw error;
  }
  const corpus = await context.loadCorpus();
  const inputs = context.options.translate ? await translated(analytics, corpus, terms) : terms;
  try {
    return compute(analytics, corpus, inputs);
  } catch (error) {
    if (error instanceof analytics.AnalyticsInputError) throw new UsageError(error.message);
    throw error;
  }
}

/**
 * Each term with its equivalents from the curated glossary: the corpus's own, or — for the
 * primary collection and folders, which have none — the built-in corpus's.
 */
async function translated(
  analytics: Analytics,
  corpus: Corpus,
  terms: readonly string[],
): Promise<TermInput[]> {
  let glossary = corpus.datasets.glossary;
  if (glossary.length === 0) {
    const { loadDefaultCorpus } = await import("@newind/data/loaders");
    glossary = (await loadDefaultCorpus()).datasets.glossary;
  }
  return terms.map((term) => analytics.glossaryForms(glossary, term));
}

/** Refuses `--json` with `--csv`, which ask for two outputs at once. */
export function oneOutput(context: CommandContext): void {
  if (context.options.json && context.options.csv)
    throw new UsageError("--json and --csv ask for two outputs: give one.");
}
