import type { CommandContext } from "../context.js";
import { ExitCode, UsageError } from "../errors.js";
import { runAnalytics } from "./analytics-command.js";
import { printResult } from "./print-view.js";

/**
 * `newind compare A B [--limit N] [--json]`: what A says markedly more than B and B more
 * than A (log-likelihood keyness), where A and B are document ids or years and ranges
 * ("cpc-16", "2003-2015", "cpc-16,cpc-17"), over the primary collection and any
 * `--corpus` folders. `--json` prints `@newind/analytics`'s `Keyness`: `{a, b, moreInA,
 * moreInB}`, each key word `{word, countA, countB, perMillionA, perMillionB, score, logRatio}`.
 */
export async function run(context: CommandContext): Promise<number> {
  const sides = context.options.positionals;
  if (sides.length !== 2) {
    throw new UsageError(
      "compare needs two sides, each document ids or years, e.g. newind compare 2003-2015 2016-2023",
    );
  }
  const [a = "", b = ""] = sides;
  const limit = context.options.limit ?? 20;
  const result = await runAnalytics(context, [], (analytics, corpus) =>
    analytics.keyness(corpus, a, b, { limit }),
  );
  await printResult(context, result, async () => (await import("../chat/views/compare-view.js")).compareView);
  return ExitCode.ok;
}
