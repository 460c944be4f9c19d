import type { Corpus } from "@newind/core";
import { escapeControl, toSingleLine } from "@newind/core/text";
import type { LoadedCorpus } from "@newind/data/loaders";
import type { CliOptions } from "./cli-options.js";
import { UsageError, UserError } from "./errors.js";

/**
 * Returns a memoised loader for the corpus the options describe: the command's default
 * corpus (unless `--no-default-corpus`) — the built-in analysis, or for the analytics
 * commands the primary collection — plus the primary collection with `--primary`, plus
 * every `--corpus DIR` and `NEWIND_CORPUS` folder, through `@newind/data`'s `loadCorpus`.
 * Files skipped with a warning (not UTF-8, empty, binary, over 20 MB, links out of the
 * folder, pipes) and entries that are not documents are reported on `stderr`, one line
 * each, paths with their control characters escaped. Parsed folders are kept in the user's
 * store, `$XDG_CACHE_HOME/newind` (never in the folders themselves). Errors from the user's files (a missing folder, an unreadable
 * file, a bad `corpus.json`, duplicate ids) become {@link UserError}s: one line, exit 1.
 *
 * @example
 * const loadCorpus = createCorpusLoader(parseCliOptions(["--corpus", "notes"]), process.stderr);
 * const corpus = await loadCorpus(); // built-in + notes/, warnings already printed
 */
export function createCorpusLoader(
  options: CliOptions,
  stderr: NodeJS.WritableStream,
  env: NodeJS.ProcessEnv = process.env,
): () => Promise<Corpus> {
  let loading: Promise<Corpus> | undefined;
  return () => {
    loading ??= loadCliCorpus(options, stderr, env);
    return loading;
  };
}

async function loadCliCorpus(
  options: CliOptions,
  stderr: NodeJS.WritableStream,
  env: NodeJS.ProcessEnv,
): Promise<Corpus> {
  const includeDefault = options.includeDefaultCorpus && options.defaultCorpus === "analysis";
  const includePrimary =
    options.primary || (options.includeDefaultCorpus && options.defaultCorpus === "primary");
  if (!includeDefault && !includePrimary && options.corpusDirs.length === 0) {
    throw new UsageError(
      "--no-default-corpus needs at least one --corpus DIR (or NEWIND_CORPUS, or --primary) to read.",
    );
  }
  // The loaders without the zod schemas: the built-in corpus comes from its snapshot, validated at build time.
  const [data, { openStore, userCacheDir }] = await Promise.all([
    import("@newind/data/loaders"),
    import("@newind/cache"),
  ]);
  let corpus: LoadedCorpus;
  try {
    corpus = await data.loadCorpus({
      dirs: options.corpusDirs,
      includeDefault,
      includePrimary,
      // Unchanged folders are not parsed again: the parsed documents are stored beside the index.
      cache: openStore(userCacheDir(env)),
    });
  } catch (error) {
    // CorpusFolderError (the user's folders) and CorpusLoadError (the built-in corpus) name their file.
    if (error instanceof data.CorpusLoadError) throw new UserError(toSingleLine(error.message));
    throw error;
  }
  for (const line of reportLines(corpus)) stderr.write(`newind: ${toSingleLine(line)}\n`);
  return corpus;
}

/** The stderr lines for what loading left out: one per warning, one for each kind of skipped entry. */
export function reportLines(corpus: Pick<LoadedCorpus, "warnings" | "skipped">): string[] {
  const lines = corpus.warnings.map((warning) => `warning: ${warning.message}`);
  const unsupported = corpus.skipped.filter((entry) => entry.reason === "unsupported-extension");
  if (unsupported.length > 0) {
    lines.push(
      `skipped ${plural(unsupported.length, "file")} that ${unsupported.length === 1 ? "is" : "are"} not .txt, .md or .html: ${unsupported.map((entry) => escapeControl(entry.path)).join(", ")}`,
    );
  }
  const folders = corpus.skipped.filter((entry) => entry.reason === "folder");
  if (folders.length > 0) {
    lines.push(
      `skipped ${plural(folders.length, "subfolder")} (folders are read one level deep; add one with its own --corpus): ${folders.map((entry) => escapeControl(entry.path)).join(", ")}`,
    );
  }
  return lines;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
