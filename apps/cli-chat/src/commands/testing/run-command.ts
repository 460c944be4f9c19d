import { PassThrough } from "node:stream";
import type { Corpus } from "@newind/core";
import { parseCliOptions } from "../../cli-options.js";
import type { Command, CommandContext } from "../../context.js";

/** Runs a command in process with captured stdout (no terminal, no environment), for specs. */
export async function runCommand(
  command: Command,
  argv: string[],
  options: { loadCorpus: () => Promise<Corpus>; color?: boolean },
): Promise<{ code: number; stdout: string }> {
  const stdout = new PassThrough();
  let output = "";
  stdout.on("data", (chunk: Buffer) => {
    output += chunk.toString("utf8");
  });
  const context: CommandContext = {
    options: parseCliOptions(argv, {}),
    stdin: new PassThrough(),
    stdout,
    stderr: new PassThrough(),
    env: {},
    color: options.color ?? false,
    loadCorpus: options.loadCorpus,
  };
  const code = await command(context);
  return { code, stdout: output };
}
