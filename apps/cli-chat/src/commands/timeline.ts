import type { CommandContext } from "../context.js";
import { runDatasetView } from "./dataset-view.js";

/** `newind timeline [--json]`: the dated events drawn as a timeline (the chat's /timeline), or JSON. */
export async function run(context: CommandContext): Promise<number> {
  return runDatasetView(
    context,
    "timeline",
    async () => (await import("../chat/views/timeline-view.js")).timelineView,
  );
}
