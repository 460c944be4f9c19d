import { PassThrough } from "node:stream";
import type { Corpus } from "@newind/core";
import { parseCliOptions } from "../../cli-options.js";
import type { Command, CommandContext } from "../../context.js";

/**
 * A command context for specs: `argv` parsed without the environment, fresh streams (an
 * empty stdin), no colour, and the given parts in their place.
 */
export function commandContext(
  argv: string[],
  parts: Partial<Omit<CommandContext, "options">> & { loadCorpus: () => Promise<Corpus> },
): CommandContext {
  const stdin = new PassThrough();
  stdin.end();
  return {
    options: parseCliOptions(argv, {}),
    stdin,
    stdout: new PassThrough(),
    stderr: new PassThrough(),
    env: {},
    color: false,
    ...parts,
  };
}

/** Everything `stream` gives from now on, as text, read as it comes. */
export function captured(stream: NodeJS.ReadableStream): { readonly text: string } {
  const out = { text: "" };
  stream.on("data", (chunk: Buffer) => {
    out.text += chunk.toString("utf8");
  });
  return out;
}

/** Runs a command in process with captured stdout (no terminal, no environment), for specs. */
export async function runCommand(
  command: Command,
  argv: string[],
  options: { loadCorpus: () => Promise<Corpus>; color?: boolean },
): Promise<{ code: number; stdout: string }> {
  const stdout = new PassThrough();
  const output = captured(stdout);
  const context = commandContext(argv, {
    stdout,
    loadCorpus: options.loadCorpus,
    ...(options.color === undefined ? {} : { color: options.color }),
  });
  const code = await command(context);
  return { code, stdout: output.text };
}
