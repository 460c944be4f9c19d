/**
 * `@newind/data/loaders`: the corpus loaders of `@newind/data` — the same functions, errors
 * and types as the root entry — without its zod schemas. Importing it does not load zod:
 * validation (manifests, datasets, `corpus.json`) imports its schemas when a file is
 * validated, and the built-in corpus comes from its build-time snapshot when that is
 * current, so a one-shot command starts without parsing or validating anything.
 *
 * @example
 * import { loadCorpus } from "@newind/data/loaders";
 * const corpus = await loadCorpus({ dirs: ["./my-notes"] });
 */
export {
  type CorpusErrorCode,
  CorpusFolderError,
  type CorpusWarning,
  type CorpusWarningReason,
  type SkippedFile,
} from "./corpus-errors.js";
export {
  CorpusLoadError,
  type CorpusLoader,
  type CorpusLocation,
  corpusHash,
  emptyDatasets,
  MANIFEST_FILE,
  sha256Hex,
} from "./corpus-files.js";
export { DATASET_NAMES, type DatasetName } from "./dataset-names.js";
export { DEFAULT_CORPUS_DIR, DEFAULT_DATASETS_DIR, loadDefaultCorpus } from "./default-corpus.js";
export type { FileFingerprint } from "./folder-cache.js";
export { FOLDER_MANIFEST_FILE } from "./folder-manifest-file.js";
export {
  DEFAULT_CORPUS_LOADER,
  type LoadCorpusFromManifestOptions,
  loadCorpusFromManifest,
} from "./load-corpus.js";
export {
  DOCUMENT_EXTENSIONS,
  dateFromFileName,
  FOLDER_READER_VERSION,
  folderCorpusHash,
  type LoadCorpusOptions,
  type LoadedCorpus,
  loadCorpus,
  MAX_DOCUMENT_BYTES,
} from "./load-corpus-folders.js";
export { CHINESE_PARSER_VERSION, PARSER_VERSION } from "./parser-version.js";
export { type PartialDate, parsePartialDate } from "./partial-date.js";
export { loadPrimaryCorpus, PRIMARY_CORPUS_DIR } from "./primary-corpus.js";
