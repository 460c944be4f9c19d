import type { CommandContext } from "../context.js";
import { ExitCode, UsageError } from "../errors.js";
import { runAnalytics } from "./analytics-command.js";
import { printResult } from "./print-view.js";

const DEFAULT_LIMIT = 20;
const DEFAULT_CONTEXT = 30;

/**
 * `newind kwic TERM [--limit N] [--context N] [--json] [--translate]`: every use of a term
 * in its context, over the primary collection (and any `--corpus` folders), in date order.
 * `--json` prints `{term, total, hits: [{docId, title, year, start, end, quote, before,
 * after}]}` with `quote === text.slice(start, end)`; `total` counts every hit.
 */
export async function run(context: CommandContext): Promise<number> {
  const term = context.options.positionals.join(" ");
  if (context.options.positionals.length === 0) {
    throw new UsageError("kwic needs a term, e.g. newind kwic 新型工业化 --limit 10");
  }
  const options = {
    limit: context.options.limit ?? DEFAULT_LIMIT,
    context: context.options.context ?? DEFAULT_CONTEXT,
  };
  const result = await runAnalytics(context, [term], (analytics, corpus, [input]) =>
    analytics.concordance(corpus, input ?? term, options),
  );
  await printResult(context, result, async () => (await import("../chat/views/kwic-view.js")).kwicView);
  return ExitCode.ok;
}
