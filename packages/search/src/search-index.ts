import { createHash } from "node:crypto";
import type { Corpus, Passage, Sentence, SourceDocument, Span } from "@newind/core";
import MiniSearch, { type AsPlainObject, type SearchResult } from "minisearch";
import { type AnalyzedQuery, analyzeQuery } from "./analyze-query.js";
import { surfaceWords, termsOfWord, tokenizeWords } from "./analyzer.js";
import { curatedContext } from "./curated-context.js";
import { buildExpansions, type ExpansionTable } from "./expansions.js";
import { highlightQuote } from "./highlight.js";
import { featureFor, questionFocus, sentenceFeatures } from "./intent.js";
import { Vocabulary, type VocabularyJSON } from "./vocabulary.js";

/** A ranked citation: an exact sentence of a document. `quote === document.text.slice(start, end)`. */
export interface CitationHit {
  docId: string;
  passageId: string;
  /** The paragraph number (¶) of the sentence's passage; 0 for front matter. */
  paragraph: number;
  /** UTF-16 offset of the quote in the document's raw text. */
  start: number;
  end: number;
  /** The cited text, exactly `document.text.slice(start, end)`; never a footnote marker, at most 750 characters. */
  quote: string;
  /** Relevance: higher is better; comparable only within one result list. */
  score: number;
  /** The words of the quote that matched the query or its expansions, as written in the quote, in order. */
  matchedTerms: string[];
  /** Where those words are: absolute `[start, end)` offsets in the document text, like `start`/`end`. */
  highlights: Span[];
}

/** Options of {@link SearchIndex.searchCitations}. */
export interface SearchOptions {
  /** How many hits at most (default 5). */
  limit?: number;
  /** Only hits from these documents. */
  docIds?: readonly string[];
}

/** Options of {@link createSearchIndex}. */
export interface SearchIndexOptions {
  /**
   * Weight of a sentence's passage score in its own score (default 0.3): the passage's
   * other sentences give context ("these actions" after the lead-in that names them).
   */
  passageWeight?: number;
}

/** A search index over a corpus's sentences; see {@link createSearchIndex}. */
export interface SearchIndex {
  /** The corpus the index was built over. */
  readonly corpus: Corpus;
  /** Ranked sentences for a query; empty for a query without content words. Never throws. */
  searchCitations(query: string, options?: SearchOptions): CitationHit[];
  /** Analyses a query against this index's vocabulary and expansions (what searchCitations searches for). */
  analyze(query: string): AnalyzedQuery;
  /** Completions of a partly typed query, most likely first ("local prot" → "local protectionism"). */
  suggest(prefix: string, limit?: number): string[];
  /** The index as JSON-serialisable data, for {@link loadSearchIndex}. */
  toJSON(): SerializedSearchIndex;
}

/** Bumped whenever the analyzer or the stored layout changes: older files are rebuilt, not trusted. */
export const INDEX_FORMAT_VERSION = 1;
const DEFAULT_LIMIT = 5;
// Ranking weights, chosen on ../shared/eval/dev.jsonl from a flat region (neighbouring
// values score within one question): see tests/eval/retrieval.mjs.
/** Weight of the curated-datasets field against the sentence's own words. */
const ABOUT_BOOST = 0.4;
/** Share of a list's lead-in score that each of its items inherits. */
const LEAD_IN_SHARE = 0.5;
/** Factor for sentences stating what the question asks for (a date for "when", …). */
const FOCUS_BOOST = 1.5;
const MAX_QUOTE = 750;

/** The stored form of a {@link SearchIndex}. */
export interface SerializedSearchIndex {
  format: "newind-search-index";
  formatVersion: number;
  /** {@link Corpus.hash} of the corpus indexed. */
  corpusHash: string;
  /** SHA-256 of the corpus's curated datasets (they feed expansions and ranking, and {@link Corpus.hash} leaves them out). */
  datasetsHash: string;
  options: Required<SearchIndexOptions>;
  sentences: AsPlainObject;
  passages: AsPlainObject;
  vocabulary: VocabularyJSON;
  expansions: ExpansionTable;
  /** {@link sentenceFeatures} per sentence. */
  features: number[];
}

/** Thrown by {@link loadSearchIndex} when stored data does not fit the corpus or this version. */
export class StaleIndexError extends Error {
  override name = "StaleIndexError";
}

interface IndexedUnit {
  id: number;
  text: string;
  leadIn?: string;
  about?: string;
}

const splitTerms = (text: string): string[] => (text.length === 0 ? [] : text.split(" "));
const sameTerm = (term: string): string => term;
const SENTENCE_FIELDS = { fields: ["text", "about"], tokenize: splitTerms, processTerm: sameTerm };
const PASSAGE_FIELDS = { fields: ["text", "leadIn"], tokenize: splitTerms, processTerm: sameTerm };

function analyzeForIndex(text: string, vocabulary: Vocabulary): string {
  const terms: string[] = [];
  for (const token of tokenizeWords(text)) {
    if (!token.han) for (const surface of surfaceWords(token.raw)) vocabulary.add(surface);
    terms.push(...termsOfWord(token));
  }
  return terms.join(" ");
}

/**
 * Builds a search index over a corpus: every sentence is a citation unit, and its passage
 * (with a list item's lead-in paragraph) adds context at a lower weight. Queries are
 * analysed with {@link analyzeQuery} against the corpus's vocabulary and expansions
 * (entities, glossary, acronyms), so misspelt, paraphrased and Chinese queries find the
 * document's sentences.
 *
 * @example
 * const index = await createSearchIndex(await loadDefaultCorpus());
 * index.searchCitations("local protectionism", { limit: 3 })[0]?.quote;
 */
export async function createSearchIndex(
  corpus: Corpus,
  options: SearchIndexOptions = {},
): Promise<SearchIndex> {
  const vocabulary = new Vocabulary();
  const sentences = new MiniSearch<IndexedUnit>(SENTENCE_FIELDS);
  const passages = new MiniSearch<IndexedUnit>(PASSAGE_FIELDS);
  const sentencesOf = groupSentences(corpus);
  const about = curatedContext(corpus);
  sentences.addAll(
    corpus.sentences.map((sentence, id): IndexedUnit => {
      const unit: IndexedUnit = { id, text: analyzeForIndex(sentence.text, vocabulary) };
      if (about[id]) unit.about = analyzeForIndex(about[id], new Vocabulary());
      return unit;
    }),
  );
  const passageTerms = corpus.passages.map((passage) => analyzeForIndex(passage.text, new Vocabulary()));
  passages.addAll(
    corpus.passages.map((passage, id): IndexedUnit => {
      // A list item is read with the sentence that introduces its list ("…by doing the following:").
      const leadIn = passage.leadIn === undefined ? undefined : sentencesOf.get(passage.leadIn);
      const lastLeadIn = leadIn?.[leadIn.length - 1];
      const leadInText = lastLeadIn === undefined ? undefined : corpus.sentences[lastLeadIn]?.text;
      const unit: IndexedUnit = { id, text: passageTerms[id] ?? "" };
      if (leadInText) unit.leadIn = analyzeForIndex(leadInText, new Vocabulary());
      return unit;
    }),
  );
  return new CorpusSearchIndex(
    corpus,
    sentences,
    passages,
    vocabulary,
    buildExpansions(corpus),
    sentenceFeatures(corpus),
    {
      passageWeight: options.passageWeight ?? 0.3,
    },
  );
}

/**
 * Restores an index from {@link SearchIndex.toJSON} data for the same corpus.
 *
 * @throws {StaleIndexError} when the data has another format version or another corpus hash.
 */
export function loadSearchIndex(corpus: Corpus, data: SerializedSearchIndex | string): SearchIndex {
  const stored: SerializedSearchIndex =
    typeof data === "string" ? (JSON.parse(data) as SerializedSearchIndex) : data;
  if (stored?.format !== "newind-search-index" || stored.formatVersion !== INDEX_FORMAT_VERSION) {
    throw new StaleIndexError(
      `search index format ${String(stored?.formatVersion)} is not ${INDEX_FORMAT_VERSION}`,
    );
  }
  if (stored.corpusHash !== corpus.hash || stored.datasetsHash !== datasetsHash(corpus)) {
    throw new StaleIndexError("search index was built for another corpus or other datasets");
  }
  const sentences = MiniSearch.loadJS<IndexedUnit>(stored.sentences, SENTENCE_FIELDS);
  const passages = MiniSearch.loadJS<IndexedUnit>(stored.passages, PASSAGE_FIELDS);
  if (
    sentences.documentCount !== corpus.sentences.length ||
    passages.documentCount !== corpus.passages.length
  ) {
    throw new StaleIndexError("search index does not match the corpus's sentences");
  }
  return new CorpusSearchIndex(
    corpus,
    sentences,
    passages,
    new Vocabulary(stored.vocabulary),
    stored.expansions,
    stored.features,
    stored.options,
  );
}

/** A fingerprint of the curated datasets an index was built with. */
function datasetsHash(corpus: Corpus): string {
  return createHash("sha256").update(JSON.stringify(corpus.datasets)).digest("hex");
}

function groupSentences(corpus: Corpus): Map<string, number[]> {
  const byPassage = new Map<string, number[]>();
  corpus.sentences.forEach((sentence, i) => {
    const list = byPassage.get(sentence.passageId) ?? [];
    list.push(i);
    byPassage.set(sentence.passageId, list);
  });
  return byPassage;
}

class CorpusSearchIndex implements SearchIndex {
  readonly corpus: Corpus;
  readonly #sentences: MiniSearch<IndexedUnit>;
  readonly #passages: MiniSearch<IndexedUnit>;
  readonly #vocabulary: Vocabulary;
  readonly #expansions: ExpansionTable;
  readonly #options: Required<SearchIndexOptions>;
  readonly #documents: Map<string, SourceDocument>;
  readonly #passageById: Map<string, Passage>;
  readonly #passageNumber: Map<string, number>;
  readonly #sentencesOf: Map<string, number[]>;
  readonly #features: number[];
  /** For each list item's sentences: the sentence that introduces the list. */
  readonly #leadInOf: Map<number, number>;

  constructor(
    corpus: Corpus,
    sentences: MiniSearch<IndexedUnit>,
    passages: MiniSearch<IndexedUnit>,
    vocabulary: Vocabulary,
    expansions: ExpansionTable,
    features: number[],
    options: Required<SearchIndexOptions>,
  ) {
    this.#features = features;
    this.corpus = corpus;
    this.#sentences = sentences;
    this.#passages = passages;
    this.#vocabulary = vocabulary;
    this.#expansions = expansions;
    this.#options = options;
    this.#documents = new Map(corpus.documents.map((document) => [document.id, document]));
    this.#passageById = new Map(corpus.passages.map((passage) => [passage.id, passage]));
    this.#passageNumber = new Map(corpus.passages.map((passage, i) => [passage.id, i]));
    this.#sentencesOf = groupSentences(corpus);
    this.#leadInOf = new Map();
    for (const passage of corpus.passages) {
      if (passage.leadIn === undefined) continue;
      const leadIn = this.#sentencesOf.get(passage.leadIn);
      const last = leadIn?.[leadIn.length - 1];
      if (last === undefined) continue;
      for (const sentenceId of this.#sentencesOf.get(passage.id) ?? []) this.#leadInOf.set(sentenceId, last);
    }
  }

  analyze(query: string): AnalyzedQuery {
    return analyzeQuery(query, { vocabulary: this.#vocabulary, expansions: this.#expansions });
  }

  searchCitations(query: string, options: SearchOptions = {}): CitationHit[] {
    const limit = Math.max(0, Math.floor(options.limit ?? DEFAULT_LIMIT));
    if (typeof query !== "string" || limit === 0) return [];
    const analyzed = this.analyze(query);
    if (analyzed.terms.length === 0) return [];
    const weights = new Map(analyzed.terms.map((term) => [term.term, term.weight]));
    const groupOf = new Map(analyzed.terms.map((term) => [term.term, term.group]));
    const allowed = options.docIds ? new Set(options.docIds) : undefined;
    const sentenceFilter = allowed
      ? (result: SearchResult) => allowed.has(this.corpus.sentences[result.id as number]?.docId ?? "")
      : undefined;
    const passageFilter = allowed
      ? (result: SearchResult) => allowed.has(this.corpus.passages[result.id as number]?.docId ?? "")
      : undefined;
    const searchOptions = {
      boostTerm: (term: string) => weights.get(term) ?? 1,
      boost: { text: 1, leadIn: 0.5, about: ABOUT_BOOST },
    };
    const queryText = [...weights.keys()].join(" ");
    const sentenceResults = this.#sentences.search(queryText, {
      ...searchOptions,
      ...(sentenceFilter ? { filter: sentenceFilter } : {}),
    });
    const passageResults = this.#passages.search(queryText, {
      ...searchOptions,
      ...(passageFilter ? { filter: passageFilter } : {}),
    });

    const coverage = (terms: readonly string[]) => {
      if (analyzed.groups === 0) return 1;
      const groups = new Set<number>();
      for (const term of terms) {
        const group = groupOf.get(term);
        if (group !== undefined && group >= 0) groups.add(group);
      }
      return groups.size / analyzed.groups;
    };
    const scores = new Map<number, { score: number; terms: Set<string> }>();
    const topPassageScore = passageResults[0]?.score ?? 1;
    const passageScore = new Map<number, { score: number; terms: string[] }>();
    for (const result of passageResults.slice(0, 50)) {
      passageScore.set(result.id as number, { score: result.score / topPassageScore, terms: result.terms });
    }
    const topSentenceScore = sentenceResults[0]?.score ?? 1;
    const weight = this.#options.passageWeight;
    for (const result of sentenceResults) {
      const sentence = this.corpus.sentences[result.id as number];
      if (!sentence) continue;
      const passage = passageScore.get(this.#passageNumber.get(sentence.passageId) ?? -1);
      const own = result.score / topSentenceScore;
      const score = (own + weight * (passage?.score ?? 0)) * (0.5 + coverage(result.terms));
      scores.set(result.id as number, { score, terms: new Set(result.terms) });
    }
    // Sentences of strongly matching passages are candidates even when they share no term.
    for (const [passageId, passage] of passageScore) {
      const passageRecord = this.corpus.passages[passageId];
      for (const sentenceId of this.#sentencesOf.get(passageRecord?.id ?? "") ?? []) {
        if (scores.has(sentenceId)) continue;
        scores.set(sentenceId, { score: weight * passage.score * 0.5, terms: new Set() });
      }
    }
    // A list item is read after its lead-in ("…by doing the following:"): it inherits part of
    // the lead-in's score, so list questions cite the items rather than the announcement.
    for (const [sentenceId, leadInId] of this.#leadInOf) {
      const leadIn = scores.get(leadInId);
      if (!leadIn) continue;
      const own = scores.get(sentenceId);
      const inherited = LEAD_IN_SHARE * leadIn.score;
      if (own) own.score += inherited;
      else scores.set(sentenceId, { score: inherited, terms: new Set() });
    }
    const wanted = featureFor(questionFocus(analyzed.query));
    if (wanted !== 0) {
      for (const [sentenceId, entry] of scores) {
        if (((this.#features[sentenceId] ?? 0) & wanted) !== 0) entry.score *= FOCUS_BOOST;
      }
    }
    const ranked = [...scores].sort((a, b) => b[1].score - a[1].score || a[0] - b[0]).slice(0, limit);
    const hits: CitationHit[] = [];
    for (const [sentenceId, { score, terms }] of ranked) {
      const sentence = this.corpus.sentences[sentenceId];
      if (!sentence) continue;
      const hit = this.#toHit(sentence, score, terms);
      if (hit) hits.push(hit);
    }
    return hits;
  }

  #toHit(sentence: Sentence, score: number, terms: ReadonlySet<string>): CitationHit | undefined {
    const document = this.#documents.get(sentence.docId);
    const passage = this.#passageById.get(sentence.passageId);
    if (!document) return undefined;
    let { start, end } = sentence.span;
    if (end - start > MAX_QUOTE) end = clampEnd(document.text, start, MAX_QUOTE);
    const quote = document.text.slice(start, end);
    const { highlights, matchedTerms } = highlightQuote(quote, start, terms);
    return {
      docId: sentence.docId,
      passageId: sentence.passageId,
      paragraph: passage?.paragraph ?? sentence.paragraph,
      start,
      end,
      quote,
      score: Math.round(score * 1e4) / 1e4,
      matchedTerms,
      highlights,
    };
  }

  suggest(prefix: string, limit = 5): string[] {
    if (typeof prefix !== "string") return [];
    const text = prefix.slice(0, 200);
    const match = /([\p{L}\p{N}]+)$/u.exec(text);
    if (!match?.[1]) return [];
    const head = text.slice(0, match.index);
    const last = surfaceWords(match[1])[0] ?? "";
    return this.#vocabulary.complete(last, limit).map((word) => `${head}${word}`);
  }

  toJSON(): SerializedSearchIndex {
    return {
      format: "newind-search-index",
      formatVersion: INDEX_FORMAT_VERSION,
      corpusHash: this.corpus.hash,
      datasetsHash: datasetsHash(this.corpus),
      options: this.#options,
      sentences: this.#sentences.toJSON(),
      passages: this.#passages.toJSON(),
      vocabulary: this.#vocabulary.toJSON(),
      expansions: this.#expansions,
      features: this.#features,
    };
  }
}

function clampEnd(text: string, start: number, max: number): number {
  const window = text.slice(start, start + max);
  const space = window.lastIndexOf(" ");
  let end = start + (space > max / 2 ? space : max);
  // Never cut a surrogate pair in two.
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  while (end > start && /\s/.test(text.charAt(end - 1))) end--;
  return end;
}
