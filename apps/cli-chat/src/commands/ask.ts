import type { CommandContext } from "../context.js";
import { UserError } from "../errors.js";

/** `newind ask`: not built yet. */
export async function run(_context: CommandContext): Promise<number> {
  throw new UserError("`newind ask` is not available yet.");
}
