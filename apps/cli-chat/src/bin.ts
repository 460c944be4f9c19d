#!/usr/bin/env node
import { createRequire } from "node:module";
import { escapeControl } from "@newind/core/text";
import { editDistance } from "./chat/slash-commands.js";
import { parseCliOptions } from "./cli-options.js";
import type { Command, CommandContext } from "./context.js";
import { ExitCode, UsageError, UserError } from "./errors.js";
import { HELP } from "./help.js";
import { createCorpusLoader } from "./load-corpus.js";

// Each command is imported only when it runs, so `newind search` never loads Ink or React.
// A Map: the command word is the user's, and "constructor" must not find Object's.
const COMMANDS: ReadonlyMap<string, () => Promise<{ run: Command }>> = new Map([
  ["ask", () => import("./commands/ask.js")],
  ["search", () => import("./commands/search.js")],
  ["sources", () => import("./commands/sources.js")],
  ["metrics", () => import("./commands/metrics.js")],
  ["timeline", () => import("./commands/timeline.js")],
  ["trend", () => import("./commands/trend.js")],
  ["kwic", () => import("./commands/kwic.js")],
  ["collocations", () => import("./commands/collocations.js")],
  ["compare", () => import("./commands/compare.js")],
  ["chat", () => import("./commands/chat.js")],
]);

// `newind search … | head -1`: a reader that stops early is not an error. Any other failure
// to write (a full disk: `newind ask … > /dev/full`) is one line on stderr and exit 1.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(ExitCode.ok);
  process.stderr.write(`newind: cannot write the output (${describeWriteError(error)})\n`);
  process.exit(ExitCode.failure);
});
// Nowhere left to say anything: leave with the failure code.
process.stderr.on("error", () => process.exit(ExitCode.failure));

function describeWriteError(error: NodeJS.ErrnoException): string {
  if (error.code === "ENOSPC") return "no space left on the device";
  if (error.code === "EBADF") return "standard output is closed";
  return escapeControl(error.message.replace(/\s+/g, " "));
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
  const load = COMMANDS.get(name);
  if (!load) throw new UsageError(unknownCommand(name));
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

/** The usage message for an unknown command: a suggestion when it is a typo of one. */
function unknownCommand(name: string): string {
  // Never echo an escape sequence to the terminal: control characters are shown escaped.
  const shown = escapeControl(name.length > 80 ? `${name.slice(0, 79)}…` : name);
  const commands = [...COMMANDS.keys()];
  if (/\s|\?/.test(name.trim())) {
    return `unknown command "${shown}". To ask a question, run: newind ask "${shown}"`;
  }
  const word = name.toLowerCase();
  let closest: string | undefined;
  let best = Number.POSITIVE_INFINITY;
  for (const command of commands) {
    const distance = editDistance(word, command);
    if (distance < best) {
      best = distance;
      closest = command;
    }
  }
  const hint =
    closest && best <= Math.max(1, Math.floor(closest.length / 3))
      ? ` Did you mean "newind ${closest}"?`
      : "";
  return `unknown command "${shown}".${hint} Commands: ${commands.join(", ")}.`;
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
      process.stderr.write(`newind: ${escapeControl(message.replace(/\s+/g, " ").trim())}\n`);
      if (process.env.NEWIND_DEBUG) process.stderr.write(`${(error as Error).stack ?? ""}\n`);
      process.exitCode = ExitCode.failure;
    }
  },
);
