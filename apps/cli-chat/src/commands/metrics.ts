import type { CommandContext } from "../context.js";
import { runDatasetView } from "./dataset-view.js";

/** `newind metrics [--json]`: the curated figures as a table with bars (the chat's /metrics), or JSON. */
export async function run(context: CommandContext): Promise<number> {
  return runDatasetView(
    context,
    "metrics",
    async () => (await import("../chat/views/metrics-view.js")).metricsView,
  );
}
