import type { CommandContext } from "../context.js";
import { UserError } from "../errors.js";

/** `newind metrics`: not built yet. */
export async function run(_context: CommandContext): Promise<number> {
  throw new UserError("`newind metrics` is not available yet.");
}
