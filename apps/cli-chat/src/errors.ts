/** A mistake in how the command was called: printed with a hint, exit code 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** Something the user can fix (a missing folder, a bad file): printed as one line, exit code 1. */
export class UserError extends Error {
  override name = "UserError";
}

/** Exit codes of the `newind` command. */
export const ExitCode = { ok: 0, failure: 1, usage: 2 } as const;
