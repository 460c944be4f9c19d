import { outputWidth } from "../chat/line-chat.js";
import { renderPlain } from "../chat/styled-text.js";
import { metricsView } from "../chat/views/metrics-view.js";
import type { CommandContext } from "../context.js";

/** `newind metrics [--json]`: the curated figures as a table with bars (the chat's /metrics), or JSON. */
export async function run(context: CommandContext): Promise<number> {
  const corpus = await context.loadCorpus();
  if (context.options.json) {
    context.stdout.write(`${JSON.stringify({ metrics: corpus.datasets.metrics }, null, 2)}\n`);
    return 0;
  }
  const lines = metricsView({
    width: outputWidth(context.stdout),
    corpus,
    color: context.color,
    plain: context.options.plain,
  });
  context.stdout.write(renderPlain(lines, { color: context.color }));
  return 0;
}
