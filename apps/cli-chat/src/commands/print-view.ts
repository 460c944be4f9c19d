import type { Corpus } from "@newind/core/text";
import type { ViewContext } from "../chat/entries.js";
import type { Line } from "../chat/styled-text.js";
import type { CommandContext } from "../context.js";

/**
 * Writes one of the chat's views as a person reads it: laid out at the terminal's width
 * (80 when piped), in colour when allowed. The views and the line chat's width rule are
 * imported only now, so a command's `--json` path loads nothing of the chat.
 */
export async function printView(
  context: CommandContext,
  corpus: Corpus,
  view: (viewContext: ViewContext) => Line[],
): Promise<void> {
  const [{ outputWidth }, { renderPlain }] = await Promise.all([
    import("../chat/line-chat.js"),
    import("../chat/styled-text.js"),
  ]);
  const lines = view({
    width: outputWidth(context.stdout),
    corpus,
    color: context.color,
    plain: context.options.plain,
  });
  context.stdout.write(renderPlain(lines, { color: context.color }));
}

/**
 * Writes a command's result: one line of JSON with `--json`, else the view that `loadView`
 * imports (the same view as the chat's slash command) over the command's corpus.
 */
export async function printResult<T>(
  context: CommandContext,
  result: T,
  loadView: () => Promise<(result: T, viewContext: ViewContext) => Line[]>,
): Promise<void> {
  if (context.options.json) {
    context.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  const [view, corpus] = await Promise.all([loadView(), context.loadCorpus()]);
  await printView(context, corpus, (viewContext) => view(result, viewContext));
}
