import { outputWidth } from "../chat/line-chat.js";
import { renderPlain } from "../chat/styled-text.js";
import { timelineView } from "../chat/views/timeline-view.js";
import type { CommandContext } from "../context.js";

/** `newind timeline [--json]`: the dated events drawn as a timeline (the chat's /timeline), or JSON. */
export async function run(context: CommandContext): Promise<number> {
  const corpus = await context.loadCorpus();
  if (context.options.json) {
    context.stdout.write(`${JSON.stringify({ timeline: corpus.datasets.timeline }, null, 2)}\n`);
    return 0;
  }
  const lines = timelineView({
    width: outputWidth(context.stdout),
    corpus,
    color: context.color,
    plain: context.options.plain,
  });
  context.stdout.write(renderPlain(lines, { color: context.color }));
  return 0;
}
