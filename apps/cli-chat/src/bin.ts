#!/usr/bin/env node
import { createRequire } from "node:module";
import { parseCliOptions } from "./cli-options.js";
import type { Command, CommandContext } from "./context.js";
import { ExitCode, UsageError, UserError } from "./errors.js";
import { HELP } from "./help.js";
import { createCorpusLoader } from "./load-corpus.js";

// Each command is imported only when it runs, so `newind search` never loads Ink or React.
const COMMANDS: Record<string, () => Promise<{ run: Command }>> = {
  ask: () => import("./commands/ask.js"),
  search: () => import("./commands/search.js"),
  sources: () => import("./commands/sources.js"),
  metrics: () => import("./commands/metrics.js"),
  timeline: () => import("./commands/timeline.js"),
  trend: () => import("./commands/trend.js"),
  kwic: () => import("./commands/kwic.js"),
  collocations: () => import("./commands/collocations.js"),
  compare: () => import("./commands/compare.js"),
  chat: () => import("./commands/chat.js"),
};

// `newind search … | head -1`: a reader that stops early is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(ExitCode.ok);
    throw error;
  });
}

async function main(argv: string[]): Promise<number> {
  const options = parseCliOptions(argv);
  if (options.version) {
    const { version } = createRequire(import.meta.url)("../package.json") as { version: string };
    process.stdout.write(`newind ${version}\n`);
    return ExitCode.ok;
  }
  if (options.help || options.command === "help") {
    process.stdout.write(HELP);
    return ExitCode.ok;
  }
  const name = options.command ?? "chat";
  const load = COMMANDS[name];
  if (!load) {
    // Letters, digits, punctuation and spaces only: never echo an escape sequence to the terminal.
    const shown = name.replace(/[^\p{L}\p{N}\p{P}\p{Zs}]/gu, "").slice(0, 80);
    const hint = /\s|\?/.test(name) ? ` To ask a question, run: newind ask "${shown}"` : "";
    throw new UsageError(`unknown command "${shown}". Commands: ${Object.keys(COMMANDS).join(", ")}.${hint}`);
  }
  const context: CommandContext = {
    options,
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    color:
      Boolean(process.stdout.isTTY) &&
      !options.plain &&
      !("NO_COLOR" in process.env && process.env.NO_COLOR !== ""),
    loadCorpus: createCorpusLoader(options, process.stderr),
  };
  const { run } = await load();
  return run(context);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`newind: ${error.message}\nRun "newind --help" for usage.\n`);
      process.exitCode = ExitCode.usage;
    } else if (error instanceof UserError) {
      process.stderr.write(`newind: ${error.message}\n`);
      process.exitCode = ExitCode.failure;
    } else {
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(`newind: ${message}\n`);
      if (process.env.NEWIND_DEBUG) process.stderr.write(`${(error as Error).stack ?? ""}\n`);
      process.exitCode = ExitCode.failure;
    }
  },
);
