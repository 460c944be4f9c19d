/**
 * `@newind/core/text`: everything in `@newind/core` that is plain code — spans, terminal-safe
 * text, sentences, footnotes, metrics helpers — and every type, but none of the zod schemas.
 * Importing it does not load zod, so a one-shot command (`newind search --json`) starts
 * without paying for a validator it never runs. Code that validates input imports the
 * schemas from `@newind/core` itself, ideally with a dynamic `import()` where it needs them.
 *
 * @example
 * import { stripControl, type Citation } from "@newind/core/text";
 * const shown = stripControl(citation.quote);
 */
export { segmentChineseSentences } from "./chinese-sentences.js";
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
export type {
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
export { segmentText, type TextSegment } from "./segment-text.js";
export { type SegmentSentencesOptions, type SentenceSpan, segmentSentences } from "./sentences.js";
export { findAll, isExactEvidence, sliceSpan, spansOverlap, verifyQuote } from "./spans.js";
export { escapeControl, stripControl, toSingleLine } from "./terminal-safe.js";
