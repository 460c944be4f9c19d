import type { CommandContext } from "../context.js";
import { UserError } from "../errors.js";

/** `newind timeline`: not built yet. */
export async function run(_context: CommandContext): Promise<number> {
  throw new UserError("`newind timeline` is not available yet.");
}
