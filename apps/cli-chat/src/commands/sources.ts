import type { CommandContext } from "../context.js";
import { UserError } from "../errors.js";

/** `newind sources`: not built yet. */
export async function run(_context: CommandContext): Promise<number> {
  throw new UserError("`newind sources` is not available yet.");
}
