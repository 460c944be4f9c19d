// The root entry is `@newind/data/loaders` (the zod-free loaders) plus the parser,
// the datasets' validation and the folder manifest schema.

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
export { DOCUMENT_ID, slugifyFileName } from "./document-ids.js";
export {
  type FileFingerprint,
  type FolderParts,
  restoreFolderParts,
  serializeFolderParts,
} from "./folder-cache.js";
export {
  FOLDER_MANIFEST_FILE,
  FolderManifest,
  FolderManifestAuthor,
  FolderManifestEntry,
} from "./folder-manifest.js";
export { formatZodError } from "./format-zod-error.js";
export type { ExtractedDocument } from "./formats/extracted-document.js";
export {
  loadPrimaryCorpusFromManifest,
  PRIMARY_CORPUS_LOADER,
  primaryCorpusHash,
} from "./load-primary-corpus.js";
export * from "./loaders.js";
export {
  cleanChineseText,
  type ParseChineseDocumentOptions,
  parseChineseDocument,
} from "./parse-chinese-document.js";
export {
  PARSER_VERSION,
  type ParseDocumentOptions,
  type ParsedDocument,
  parseDocument,
  passageId,
  sentenceId,
} from "./parse-document.js";
export { PrimaryManifest, PrimaryManifestDocument } from "./primary-manifest.js";
export { findSpeaker, introducesQuote } from "./speakers.js";
