export { type Collocate, type CollocationOptions, type Collocations, collocations } from "./collocations.js";
export {
  type Concordance,
  type ConcordanceHit,
  type ConcordanceOptions,
  concordance,
  MAX_CONTEXT,
} from "./concordance.js";
export { type AnalysedDocument, analyseDocuments, documentYear } from "./corpus-view.js";
export { AnalyticsInputError } from "./errors.js";
export { type GlossaryForms, glossaryForms } from "./glossary.js";
export { type Keyness, type KeynessOptions, type KeynessSide, type KeyWord, keyness } from "./keyness.js";
export { logLikelihood } from "./log-likelihood.js";
export { type DocumentSelection, type SelectedDocuments, selectDocuments } from "./selection.js";
export {
  type TermCounts,
  type TermTrend,
  type TrendDocument,
  type TrendYear,
  termTrend,
} from "./term-trend.js";
export {
  checkTerm,
  createTermMatcher,
  MAX_TERM_LENGTH,
  type TermForms,
  type TermInput,
  type TermMatcher,
  toTermForms,
} from "./terms.js";
export { passageWords, type WordToken, wordsOf } from "./words.js";
