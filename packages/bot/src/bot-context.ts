import type { Corpus, Entity, EnumeratedList, Metric, TimelineEvent } from "@newind/core";
import { createEntityMatcher, type EntityMatcher } from "./analysis/find-entities.js";
import type { PhraseExpansion } from "./analysis/query-terms.js";
import { type ChineseTranslator, createChineseTranslator } from "./analysis/translate-chinese.js";
import { type Vocabulary, vocabularyFromCounts } from "./analysis/vocabulary.js";
import type { EvidenceIndex, SentenceRecord } from "./answering/evidence-index.js";
import { type PreparedText, prepareText, sentenceOf } from "./answering/match-records.js";
import {
  type ContextData,
  type ContextSnapshotLocation,
  DEFAULT_CONTEXT_SNAPSHOT,
  loadContextData,
} from "./context-snapshot.js";

/** A search hit as the bot reads it (structurally, `CitationHit` of `@newind/search`). */
export interface SearchHitLike {
  docId: string;
  passageId: string;
  start: number;
  end: number;
  score: number;
}

/** The part of a search index the bot uses (a `SearchIndex` of `@newind/search` fits). */
export interface CitationSearcher {
  searchCitations(query: string, options?: { limit?: number }): SearchHitLike[];
  /** The index's reading of a query; its spelling corrections (which leave real English words alone) are used. */
  analyze?(query: string): { corrections: ReadonlyArray<{ from: string; to: string }> };
}

/** Tuning knobs of the bot; every one has a default calibrated on the dev questions. */
export interface BotOptions {
  /** Hits asked of the search index per question (default 12; 0 to rank with the bot's own scores only). */
  searchLimit?: number;
  /** Least share of the question's content the best evidence must cover to answer (default 0.3). */
  minCoverage?: number;
  /**
   * The same when the question has a content word the corpus never uses, not even through a
   * synonym (default 0.4): that word is then often exactly what the document does not cover.
   */
  minCoverageWithUnknown?: number;
  /** The same for "when" questions, whose date must be of the very event asked about (default 0.4). */
  minCoverageForDates?: number;
  /** Least share of the question's words the corpus must know at all; below it the question is off topic (default 0.5). */
  minKnown?: number;
  /** Most earlier turns read to resolve a follow-up (default 3). */
  maxHistory?: number;
}

/** A curated record and the sentence holding its evidence. */
export interface Curated<T> {
  record: T;
  sentence: SentenceRecord | undefined;
  /** Words describing the record, matched against questions. */
  text: string;
  /** The same, prepared for {@link textCoverage}. */
  prepared: PreparedText;
}

/** Everything built once per bot. */
export interface BotContext {
  corpus: Corpus;
  index: EvidenceIndex;
  search: CitationSearcher | undefined;
  vocabulary: Vocabulary;
  matcher: EntityMatcher;
  translator: ChineseTranslator;
  phrases: PhraseExpansion[];
  metrics: Curated<Metric>[];
  timeline: Curated<TimelineEvent>[];
  entities: Curated<Entity>[];
  lists: Array<Curated<EnumeratedList> & { items: PreparedText }>;
  options: Required<BotOptions>;
  /** Sentence id of a search hit span. */
  sentenceAt(docId: string, start: number, end: number): SentenceRecord | undefined;
}

const DEFAULTS: Required<BotOptions> = {
  searchLimit: 12,
  minCoverage: 0.3,
  minCoverageWithUnknown: 0.4,
  minCoverageForDates: 0.4,
  minKnown: 0.5,
  maxHistory: 3,
};

/**
 * Prepares a corpus (and optionally a search index) for answering. The evidence index,
 * vocabulary counts and phrase expansions come from the build-time snapshot when it was
 * made from this corpus by this code (see context-snapshot.ts; `snapshot: false` never
 * reads one), else they are derived — the same data either way.
 */
export function createBotContext(
  corpus: Corpus,
  search: CitationSearcher | undefined,
  options: BotOptions = {},
  snapshot: ContextSnapshotLocation | false = DEFAULT_CONTEXT_SNAPSHOT,
): BotContext {
  const matcher = createEntityMatcher(corpus.datasets.entities);
  return botContextOf(corpus, search, options, matcher, loadContextData(corpus, matcher, snapshot).data);
}

/** {@link createBotContext} once its data is derived or restored; curated texts are prepared into `data.prepared`. */
export function botContextOf(
  corpus: Corpus,
  search: CitationSearcher | undefined,
  options: BotOptions,
  matcher: EntityMatcher,
  data: ContextData,
): BotContext {
  const { index, vocabulary: counts, phrases, prepared: preparedTexts } = data;
  const vocabulary = vocabularyFromCounts(counts);
  const prepare = (text: string): PreparedText => {
    let prepared = preparedTexts.get(text);
    if (!prepared) {
      prepared = prepareText(text, matcher);
      preparedTexts.set(text, prepared);
    }
    return prepared;
  };
  const mentions = new Map<string, number>();
  for (const record of index.sentences)
    for (const id of record.entityIds) mentions.set(id, (mentions.get(id) ?? 0) + 1);
  vocabulary.countEntities(mentions);
  const datasets = corpus.datasets;
  // Prepared on first use: a one-shot `newind ask` pays only for the datasets its question needs.
  const curate = <T>(record: T, sentence: SentenceRecord | undefined, text: string): Curated<T> => {
    let prepared: PreparedText | undefined;
    return {
      record,
      sentence,
      text,
      get prepared() {
        prepared ??= prepare(text);
        return prepared;
      },
    };
  };
  const bySpan = new Map<string, SentenceRecord>();
  for (const record of index.sentences)
    bySpan.set(`${record.docId}\u0000${record.start}\u0000${record.end}`, record);
  return {
    corpus,
    index,
    search,
    vocabulary,
    matcher,
    translator: createChineseTranslator(datasets),
    phrases,
    metrics: datasets.metrics.map((record) => {
      const sentence = sentenceOf(index, record.evidence);
      return curate(
        record,
        sentence,
        `${record.label} ${record.scope} ${record.source ?? ""} ${sentence?.text ?? ""}`,
      );
    }),
    timeline: datasets.timeline.map((record) =>
      curate(
        record,
        sentenceOf(index, record.evidence),
        `${record.summary} ${record.actor ?? ""} ${record.evidence.quote}`,
      ),
    ),
    entities: datasets.entities.map((record) =>
      curate(record, sentenceOf(index, record.evidence), `${record.name} ${record.aliases.join(" ")}`),
    ),
    lists: datasets.lists.map((record) => {
      const curated = curate(
        record,
        sentenceOf(index, record.intro),
        `${record.title} ${record.keywords.join(" ")} ${record.intro.quote}`,
      );
      // Lazy too, and added to the object rather than spread into a new one: a spread would
      // read the `prepared` getter and prepare every list up front.
      let items: PreparedText | undefined;
      return Object.defineProperty(curated, "items", {
        enumerable: true,
        get: () => {
          items ??= prepare(record.items.map((item) => item.text).join(" "));
          return items;
        },
      }) as Curated<EnumeratedList> & { items: PreparedText };
    }),
    options: { ...DEFAULTS, ...options },
    sentenceAt(docId, start, end) {
      const exact = bySpan.get(`${docId}\u0000${start}\u0000${end}`);
      return exact ?? sentenceOf(index, { docId, start, end });
    },
  };
}
