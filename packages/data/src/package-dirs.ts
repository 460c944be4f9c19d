/**
 * Where this package's shipped files are. Relative to the module, so the same code finds
 * them from `src/` (tests, typecheck) and from `dist/` (the installed package).
 */

/** The folder of the built-in corpus (`corpus/` of this package); works from `src/` and `dist/`. */
export const DEFAULT_CORPUS_DIR: URL = new URL("../corpus/", import.meta.url);

/** The folder of the curated datasets (`datasets/` of this package). */
export const DEFAULT_DATASETS_DIR: URL = new URL("../datasets/", import.meta.url);

/** The folder of the primary collection (`corpus/primary/` of this package): texts and `manifest.json`. */
export const PRIMARY_CORPUS_DIR: URL = new URL("../corpus/primary/", import.meta.url);

/**
 * The store the build writes the built-in corpora's snapshots into (see `corpus-snapshot.ts`),
 * beside the compiled modules: `dist/store/`. From `src/` this names a folder that does not
 * exist, so code run from source always parses and validates the corpora itself.
 */
export const PACKAGE_STORE_DIR: URL = new URL("./store/", import.meta.url);
