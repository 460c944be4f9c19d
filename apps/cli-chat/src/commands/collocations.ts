import type { CommandContext } from "../context.js";
import { ExitCode, UsageError } from "../errors.js";
import { runAnalytics } from "./analytics-command.js";
import { printResult } from "./print-view.js";

/**
 * `newind collocations TERM [--limit N] [--json] [--translate]`: the words that keep the
 * term company (within 5 words of it, ranked by log-likelihood), over the primary
 * collection and any `--corpus` folders. `--json` prints `@newind/analytics`'s
 * `Collocations`: `{term, window, occurrences, windowWords, corpusWords, collocates:
 * [{word, count, total, expected, score}]}`.
 */
export async function run(context: CommandContext): Promise<number> {
  const term = context.options.positionals.join(" ");
  if (context.options.positionals.length === 0) {
    throw new UsageError("collocations needs a term, e.g. newind collocations 新型工业化");
  }
  const limit = context.options.limit ?? 20;
  const result = await runAnalytics(context, [term], (analytics, corpus, [input]) =>
    analytics.collocations(corpus, input ?? term, { limit }),
  );
  await printResult(
    context,
    result,
    async () => (await import("../chat/views/collocations-view.js")).collocationsView,
  );
  return ExitCode.ok;
}
