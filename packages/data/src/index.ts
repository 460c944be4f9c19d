export { type Block, type BlockType, type SplitBlocksOptions, splitBlocks } from "./blocks.js";
export { CHROME_LINES, isChromeLine } from "./chrome.js";
export {
  DATASET_NAMES,
  DatasetError,
  type DatasetName,
  defaultDatasetsDir,
  groupPassagesByDocument,
  type LocateQuoteResult,
  loadDatasets,
  locateQuote,
  MAX_QUOTE_LENGTH,
  type PartialDate,
  type PassagesByDocument,
  parsePartialDate,
  type QuoteQuery,
  type RawDatasets,
  type ResolveDatasetsOptions,
  resolveDatasets,
} from "./datasets.js";
export { formatZodError } from "./format-zod-error.js";
export {
  CorpusLoadError,
  corpusHash,
  DEFAULT_CORPUS_DIR,
  DEFAULT_DATASETS_DIR,
  emptyDatasets,
  type LoadCorpusFromManifestOptions,
  loadCorpusFromManifest,
  loadDefaultCorpus,
  MANIFEST_FILE,
  sha256Hex,
} from "./load-corpus.js";
export {
  PARSER_VERSION,
  type ParseDocumentOptions,
  type ParsedDocument,
  parseDocument,
  passageId,
  sentenceId,
} from "./parse-document.js";
export { findSpeaker, introducesQuote } from "./speakers.js";
