import { parseArgs } from "node:util";
import { escapeControl } from "@newind/core/text";
import { UsageError } from "./errors.js";

/** Options every command understands. */
export const OPTIONS = {
  json: { type: "boolean" },
  jsonl: { type: "boolean" },
  limit: { type: "string" },
  context: { type: "string" },
  csv: { type: "boolean" },
  translate: { type: "boolean" },
  corpus: { type: "string", multiple: true },
  primary: { type: "boolean" },
  "no-default-corpus": { type: "boolean" },
  plain: { type: "boolean" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
} as const;

/** The commands whose default corpus is the primary collection rather than the built-in analysis. */
export const ANALYTICS_COMMANDS: readonly string[] = ["trend", "kwic", "collocations", "compare"];

/** The parsed command line. */
export interface CliOptions {
  command: string | undefined;
  positionals: string[];
  json: boolean;
  jsonl: boolean;
  limit: number | undefined;
  /** `--context N`: characters of context around a keyword (kwic). */
  context: number | undefined;
  csv: boolean;
  /** `--translate`: count a term's glossary equivalents too. */
  translate: boolean;
  corpusDirs: string[];
  /** The command's default corpus was not turned off (`--no-default-corpus`). */
  includeDefaultCorpus: boolean;
  /** `--primary`: add the primary collection. */
  primary: boolean;
  /**
   * Which collection "the default corpus" is for this command: the built-in analysis, or
   * for the analytics commands (trend, kwic, collocations, compare) the primary collection.
   */
  defaultCorpus: "analysis" | "primary";
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
      throw new UsageError(`--limit takes a whole number from 1 to 1000, not "${shown(values.limit)}".`);
    }
  }
  let context: number | undefined;
  if (values.context !== undefined) {
    context = Number(values.context);
    if (!/^\d+$/.test(values.context.trim()) || !Number.isInteger(context) || context > 500) {
      throw new UsageError(`--context takes a whole number from 0 to 500, not "${shown(values.context)}".`);
    }
  }
  const fromEnv = (env.NEWIND_CORPUS ?? "").split(":").filter((dir) => dir.length > 0);
  const command = positionals[0];
  return {
    command,
    positionals: positionals.slice(1),
    json: values.json ?? false,
    jsonl: values.jsonl ?? false,
    limit,
    context,
    csv: values.csv ?? false,
    translate: values.translate ?? false,
    corpusDirs: [...fromEnv, ...(values.corpus ?? [])],
    includeDefaultCorpus: !(values["no-default-corpus"] ?? false),
    primary: values.primary ?? false,
    defaultCorpus: command !== undefined && ANALYTICS_COMMANDS.includes(command) ? "primary" : "analysis",
    plain: values.plain ?? false,
    help: values.help ?? false,
    version: values.version ?? false,
  };
}

/** A user's value in an error message: one line, no control characters, at most 40 characters. */
/** A value the user typed, as a message may show it: escape sequences escaped, at most 40 characters. */
function shown(value: string): string {
  const line = escapeControl(value);
  return line.length > 40 ? `${line.slice(0, 39)}…` : line;
}
