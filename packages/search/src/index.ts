export {
  type AnalyzedQuery,
  type AnalyzeQueryContext,
  type AppliedExpansion,
  analyzeQuery,
  MAX_QUERY_LENGTH,
  type QueryTerm,
  type QueryTermSource,
} from "./analyze-query.js";
export {
  analyzeText,
  isNumberTerm,
  isStopWord,
  stemWord,
  surfaceWords,
  tokenizeWords,
  type WordToken,
} from "./analyzer.js";
export { curatedContext } from "./curated-context.js";
export {
  loadDefaultSearchIndex,
  loadOrBuildSearchIndex,
  prebuiltIndexStore,
  readSearchIndex,
  SEARCH_INDEX_KIND,
  searchCitations,
  searchIndexEntry,
  writeSearchIndex,
} from "./default-index.js";
export { isCommonEnglishWord } from "./english-words.js";
export { buildExpansions, type ChineseRule, type ExpansionRule, type ExpansionTable } from "./expansions.js";
export { foldText } from "./fold.js";
export { type QuestionFocus, questionFocus } from "./intent.js";
export {
  type CitationHit,
  createSearchIndex,
  INDEX_FORMAT_VERSION,
  loadSearchIndex,
  type SearchIndex,
  type SentenceCandidate,
  type SerializedSearchIndex,
  StaleIndexError,
} from "./search-index.js";
export type { SearchIndexOptions, SearchOptions } from "./search-options.js";
export { CHINESE_STOP_WORDS, STOP_WORDS } from "./stop-words.js";
export { type Correction, Vocabulary, type VocabularyJSON } from "./vocabulary.js";
