import type { CommandContext } from "../context.js";
import { UserError } from "../errors.js";

/** `newind search`: not built yet. */
export async function run(_context: CommandContext): Promise<number> {
  throw new UserError("`newind search` is not available yet.");
}
