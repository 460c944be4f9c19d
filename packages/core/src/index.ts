export type { Corpus } from "./corpus.js";
export {
  type FindFootnoteMarkersOptions,
  type FootnoteMarker,
  findFootnoteMarkers,
  removeSpans,
} from "./footnotes.js";
export {
  difference,
  formatMultiple,
  formatNumber,
  formatPercent,
  formatQuantity,
  formatShare,
  multiple,
  ratio,
  share,
} from "./metrics.js";
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
export { type SegmentSentencesOptions, type SentenceSpan, segmentSentences } from "./sentences.js";
export { findAll, isExactEvidence, sliceSpan, spansOverlap, verifyQuote } from "./spans.js";
export { stripControl, toSingleLine } from "./terminal-safe.js";
