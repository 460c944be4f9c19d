export type { Corpus } from "./corpus.js";
export {
  Answer,
  Author,
  Citation,
  CorpusManifest,
  Datasets,
  Entity,
  EntityType,
  EnumeratedList,
  Evidence,
  Footnote,
  GlossaryTerm,
  Intent,
  ListItem,
  ManifestDocument,
  Metric,
  Passage,
  PassageKind,
  PassageRole,
  Sentence,
  SourceDocument,
  Span,
  TimelineEvent,
} from "./schemas.js";
export { findAll, isExactEvidence, sliceSpan, spansOverlap, verifyQuote } from "./spans.js";
export { stripControl, toSingleLine } from "./terminal-safe.js";
