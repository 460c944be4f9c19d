/**
 * Where this package's shipped files are. Relative to the module, so the same code finds
 * them from `src/` (tests, typecheck) and from `dist/` (the installed package).
 */

/** The folder of the built-in corpus (`corpus/` of this package); works from `src/` and `dist/`. */
export const DEFAULT_CORPUS_DIR: URL = new URL("../corpus/", import.meta.url);

/** The folder of the curated datasets (`datasets/` of this package). */
export const DEFAULT_DATASETS_DIR: URL = new URL("../datasets/", import.meta.url);

/**
 * The built-in corpus's snapshot (see `corpus-snapshot.ts`): written by the build beside
 * the compiled modules, `dist/default-corpus.json`. From `src/` this names a file that does
 * not exist, so code run from source always parses and validates the corpus itself.
 */
export const DEFAULT_CORPUS_SNAPSHOT_URL: URL = new URL("./default-corpus.json", import.meta.url);

/** The folder of the primary collection (`corpus/primary/` of this package): texts and `manifest.json`. */
export const PRIMARY_CORPUS_DIR: URL = new URL("../corpus/primary/", import.meta.url);

/**
 * The primary collection's snapshot, `dist/primary-corpus.json`, written by the build like
 * the built-in corpus's (from `src/` it names a file that does not exist).
 */
export const PRIMARY_CORPUS_SNAPSHOT_URL: URL = new URL("./primary-corpus.json", import.meta.url);
