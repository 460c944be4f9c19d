import type { Corpus } from "@newind/core";
import type { CliOptions } from "./cli-options.js";

/** What a command gets: its options, its streams, and the corpus (loaded on first use). */
export interface CommandContext {
  options: CliOptions;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
  /** True when colour may be used: a TTY, and neither NO_COLOR nor --plain. */
  color: boolean;
  /** Loads the built-in corpus plus any `--corpus` folders, once. */
  loadCorpus(): Promise<Corpus>;
}

/** A command module's entry: returns the process exit code. */
export type Command = (context: CommandContext) => Promise<number>;
