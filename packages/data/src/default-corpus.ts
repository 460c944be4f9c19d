import type { Corpus } from "@newind/core/text";
import { DEFAULT_CORPUS_DIR, DEFAULT_DATASETS_DIR } from "./package-dirs.js";

export { DEFAULT_CORPUS_DIR, DEFAULT_DATASETS_DIR };

let defaultCorpus: Promise<Corpus> | undefined;

/**
 * The built-in corpus — the CSIS Interpret "New Industrialization" analysis, parsed,
 * with the curated datasets. Loaded once per process; later calls return the same promise.
 *
 * The build stores a snapshot of it in this package's store (`dist/store/`), under the
 * sha256 of every file it was made from — manifest, document, datasets: while they are
 * unchanged it is restored from there, and nothing is parsed and zod is not loaded.
 * Otherwise (and always when run from source) the files are read, checked, parsed and
 * validated, and their errors reported, as without it.
 *
 * @example
 * const corpus = await loadDefaultCorpus();
 * corpus.passages.filter((passage) => passage.role === "body").length;
 */
export function loadDefaultCorpus(): Promise<Corpus> {
  defaultCorpus ??= Promise.all([import("./corpus-snapshot.js"), import("./load-corpus.js")])
    .then(([{ loadCorpusWithSnapshot, packageStore }, { DEFAULT_CORPUS_LOADER }]) =>
      loadCorpusWithSnapshot(
        packageStore(),
        { corpusDir: DEFAULT_CORPUS_DIR, datasetsDir: DEFAULT_DATASETS_DIR },
        DEFAULT_CORPUS_LOADER,
      ),
    )
    .then(
      (loaded) => loaded.corpus,
      (error: unknown) => {
        // A failed load is not cached, so a fixed file loads on the next call.
        defaultCorpus = undefined;
        throw error;
      },
    );
  return defaultCorpus;
}
