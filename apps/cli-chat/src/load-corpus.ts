import type { Corpus } from "@newind/core";
import type { CliOptions } from "./cli-options.js";
import { UserError } from "./errors.js";

/**
 * Returns a memoised loader for the corpus the options describe. Errors that come from
 * the user's files become {@link UserError}s (one clear line, exit 1).
 */
export function createCorpusLoader(
  options: CliOptions,
  _stderr: NodeJS.WritableStream,
): () => Promise<Corpus> {
  let loading: Promise<Corpus> | undefined;
  return () => {
    loading ??= (async () => {
      const data = await import("@newind/data");
      if (options.corpusDirs.length > 0 || !options.includeDefaultCorpus) {
        throw new UserError("--corpus and --no-default-corpus are not supported yet.");
      }
      return data.loadDefaultCorpus();
    })();
    return loading;
  };
}
