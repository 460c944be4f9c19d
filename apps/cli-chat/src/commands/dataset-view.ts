import type { Corpus } from "@newind/core/text";
import type { ViewContext } from "../chat/entries.js";
import type { Line } from "../chat/styled-text.js";
import type { CommandContext } from "../context.js";
import { printView } from "./print-view.js";

/**
 * Runs `newind metrics` / `newind timeline`: with `--json` the curated records straight from
 * `corpus.datasets` under `key`; otherwise the chat's own view, rendered as plain text. The
 * views (and the line chat's width rule) are imported only when a person reads the output,
 * so `--json` loads nothing of the chat.
 */
export async function runDatasetView(
  context: CommandContext,
  key: "metrics" | "timeline",
  loadView: () => Promise<(view: ViewContext) => Line[]>,
): Promise<number> {
  const corpus: Corpus = await context.loadCorpus();
  if (context.options.json) {
    context.stdout.write(`${JSON.stringify({ [key]: corpus.datasets[key] }, null, 2)}\n`);
    return 0;
  }
  const view = await loadView();
  await printView(context, corpus, view);
  return 0;
}
