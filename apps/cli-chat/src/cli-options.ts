import { parseArgs } from "node:util";
import { escapeControl } from "@newind/core/text";
import { UsageError } from "./errors.js";

/** Options every command understands. */
export const OPTIONS = {
  json: { type: "boolean" },
  jsonl: { type: "boolean" },
  limit: { type: "string" },
  corpus: { type: "string", multiple: true },
  "no-default-corpus": { type: "boolean" },
  plain: { type: "boolean" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
} as const;

/** The parsed command line. */
export interface CliOptions {
  command: string | undefined;
  positionals: string[];
  json: boolean;
  jsonl: boolean;
  limit: number | undefined;
  corpusDirs: string[];
  includeDefaultCorpus: boolean;
  plain: boolean;
  help: boolean;
  version: boolean;
}

/** Parses `argv` (without node and the script); throws {@link UsageError} on unknown flags. */
export function parseCliOptions(argv: string[], env: NodeJS.ProcessEnv = process.env): CliOptions {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    // The message quotes what was typed: show its escape sequences, never send them.
    throw new UsageError(
      escapeControl((error as Error).message.replace(/\. To specify a positional.*$/s, ".")),
    );
  }
  const { values, positionals } = parsed;
  let limit: number | undefined;
  if (values.limit !== undefined) {
    limit = Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
      throw new UsageError(
        `--limit takes a whole number from 1 to 1000, not "${escapeControl(values.limit)}".`,
      );
    }
  }
  const fromEnv = (env.NEWIND_CORPUS ?? "").split(":").filter((dir) => dir.length > 0);
  return {
    command: positionals[0],
    positionals: positionals.slice(1),
    json: values.json ?? false,
    jsonl: values.jsonl ?? false,
    limit,
    corpusDirs: [...fromEnv, ...(values.corpus ?? [])],
    includeDefaultCorpus: !(values["no-default-corpus"] ?? false),
    plain: values.plain ?? false,
    help: values.help ?? false,
    version: values.version ?? false,
  };
}
