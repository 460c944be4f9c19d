import type { CommandContext } from "../context.js";
import { UserError } from "../errors.js";

/** `newind chat`: not built yet. */
export async function run(_context: CommandContext): Promise<number> {
  throw new UserError("`newind chat` is not available yet.");
}
