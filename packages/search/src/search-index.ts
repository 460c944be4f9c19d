import { createHash } from "node:crypto";
import type { Corpus, Passage, Sentence, SourceDocument, Span } from "@newind/core";
import MiniSearch, { type AsPlainObject, type SearchResult } from "minisearch";
import { type AnalyzedQuery, analyzeQuery, type QueryTerm } from "./analyze-query.js";
import { cachedTermsOfWord, surfaceWords, tokenizeWords } from "./analyzer.js";
import { curatedContext } from "./curated-context.js";
import { buildExpansions, type ExpansionTable } from "./expansions.js";
import { foldText } from "./fold.js";
import { highlightQuote } from "./highlight.js";
import { featureFor, questionFocus, sentenceFeatures } from "./intent.js";
import {
  checkIndexOptions,
  checkLimit,
  checkSearchOptions,
  type SearchIndexOptions,
  type SearchOptions,
} from "./search-options.js";
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

/** A ranked sentence of {@link SearchIndex.candidates}: its number in `corpus.sentences`, its score and the index terms it matched. */
export interface SentenceCandidate {
  /** Index into `corpus.sentences`. */
  sentence: number;
  /** Relevance: higher is better; comparable only within one result list. */
  score: number;
  /** The index terms (analysed) that matched the sentence or its curated context. */
  terms: readonly string[];
}

/** A search index over a corpus's sentences; see {@link createSearchIndex}. */
export interface SearchIndex {
  /** The corpus the index was built over. */
  readonly corpus: Corpus;
  /**
   * Ranked sentences for a query; empty for a query without content words. Never throws
   * for any query (one that is not a string is empty); options of the wrong type or out of
   * range (`limit: NaN`, `limit: "5"`) are a `TypeError` or `RangeError`, `null` the defaults.
   */
  searchCitations(query: string, options?: SearchOptions | null): CitationHit[];
  /** Analyses a query against this index's vocabulary and expansions (what searchCitations searches for). Never throws. */
  analyze(query: string): AnalyzedQuery;
  /**
   * The ranked sentences behind {@link SearchIndex.searchCitations}, as sentence numbers with
   * scores and matched terms: what a re-ranker above the index starts from. Accepts a query or
   * an analysis from {@link SearchIndex.analyze} (whose terms may have been re-weighted or added to).
   */
  candidates(query: string | AnalyzedQuery, options?: SearchOptions | null): SentenceCandidate[];
  /** In how many sentences `term` (an analysed index term) occurs; 0 when it never does. */
  documentFrequency(term: string): number;
  /** Completions of a partly typed query, most likely first ("local prot" → "local protectionism"). */
  suggest(prefix: string, limit?: number): string[];
  /** The index as JSON-serialisable data, for {@link loadSearchIndex}. */
  toJSON(): SerializedSearchIndex;
}

/** Bumped whenever the analyzer or the stored layout changes: older files are rebuilt, not trusted. */
export const INDEX_FORMAT_VERSION = 3;
const DEFAULT_LIMIT = 5;
// Ranking weights, chosen on ../shared/eval/dev.jsonl from a flat region (neighbouring
// values score within one question): see tests/eval/retrieval.mjs.
/** Weight of the curated-datasets field against the sentence's own words. */
const ABOUT_BOOST = 0.4;
/** Share of a list's lead-in score that each of its items inherits. */
const LEAD_IN_SHARE = 0.5;
/** Factor for sentences stating what the question asks for (a date for "when", …). */
const FOCUS_BOOST = 1.5;
/** How many of the best passages lend context to their sentences. */
const CONTEXT_PASSAGES = 50;
/** How many of MiniSearch's best sentences are ranked further. */
const MAX_CANDIDATES = 500;
/** A term in more than this share of the sentences is "common": not searched, but scored via its champions… */
const COMMON_SHARE = 0.01;
/** …and never in fewer sentences than this (so a small corpus searches every term). */
const COMMON_MIN_SENTENCES = 1000;
/** How many best sentences each common term keeps as its champions. */
const CHAMPIONS = 100;
// MiniSearch's BM25+ parameters (its defaults), so common terms score as if searched.
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };
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
  vocabulary: VocabularyJSON;
  expansions: ExpansionTable;
  /** Feature flags per sentence: states a date (1), a number (2), names a person or organisation (4). */
  features: number[];
  /** In how many sentences each term occurs. */
  documentFrequencies: Array<[term: string, sentences: number]>;
  /** Common terms' (in over 1 % of at least 1,000 sentences) best sentences, with their BM25 term-frequency parts. */
  champions: Array<[term: string, sentenceIds: number[], saturations: number[]]>;
  /** Mean number of terms of a sentence's text. */
  averageLength: number;
}

/** Thrown by {@link loadSearchIndex} when stored data does not fit the corpus or this version. */
export class StaleIndexError extends Error {
  override name = "StaleIndexError";
}

interface Candidate {
  score: number;
  terms: string[];
}

/** The query with its spelling corrections applied ("wen did …" → "when did …"), folded. */
function correctedQuery(analyzed: AnalyzedQuery): string {
  let text = foldText(analyzed.query);
  for (const { from, to } of analyzed.corrections) {
    text = text.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(from)}(?![\\p{L}\\p{N}])`, "gu"), to);
  }
  return text;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function popCount(mask: number): number {
  let bits = 0;
  for (let rest = mask; rest !== 0; rest &= rest - 1) bits++;
  return bits;
}

interface IndexedUnit {
  id: number;
  text: string;
  about?: string;
}

const splitTerms = (text: string): string[] => (text.length === 0 ? [] : text.split(" "));
const sameTerm = (term: string): string => term;
const SENTENCE_FIELDS = { fields: ["text", "about"], tokenize: splitTerms, processTerm: sameTerm };

/** A sentence's index terms, space-separated; counts its raw words into `rawWords` when given. */
function analyzeForIndex(text: string, rawWords: Map<string, number> | undefined): string {
  const terms: string[] = [];
  for (const token of tokenizeWords(text)) {
    if (rawWords && !token.han) rawWords.set(token.raw, (rawWords.get(token.raw) ?? 0) + 1);
    for (const term of cachedTermsOfWord(token)) terms.push(term);
  }
  return terms.join(" ");
}

/** The vocabulary of counted raw words: each distinct word's surface forms analysed once. */
function vocabularyOf(rawWords: ReadonlyMap<string, number>): Vocabulary {
  const surfaces = new Map<string, number>();
  for (const [raw, count] of rawWords) {
    for (const surface of surfaceWords(raw)) surfaces.set(surface, (surfaces.get(surface) ?? 0) + count);
  }
  return new Vocabulary(surfaces);
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
  indexOptions?: SearchIndexOptions | null,
): Promise<SearchIndex> {
  const options = checkIndexOptions(indexOptions);
  const rawWords = new Map<string, number>();
  const sentences = new MiniSearch<IndexedUnit>(SENTENCE_FIELDS);
  const about = curatedContext(corpus);
  const sentenceTerms = corpus.sentences.map((sentence) => analyzeForIndex(sentence.text, rawWords));
  const vocabulary = vocabularyOf(rawWords);
  const units = corpus.sentences.map((_sentence, id): IndexedUnit => {
    const unit: IndexedUnit = { id, text: sentenceTerms[id] ?? "" };
    if (about[id]) unit.about = analyzeForIndex(about[id], undefined);
    return unit;
  });
  sentences.addAll(units);
  return new CorpusSearchIndex(
    corpus,
    sentences,
    vocabulary,
    buildExpansions(corpus),
    sentenceFeatures(corpus),
    termStatistics(units),
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
  if (sentences.documentCount !== corpus.sentences.length) {
    throw new StaleIndexError("search index does not match the corpus's sentences");
  }
  return new CorpusSearchIndex(
    corpus,
    sentences,
    new Vocabulary(stored.vocabulary),
    stored.expansions,
    stored.features,
    {
      documentFrequencies: stored.documentFrequencies,
      champions: stored.champions,
      averageLength: stored.averageLength,
    },
    stored.options,
  );
}

/** What ranking needs beyond MiniSearch: term frequencies over sentences, common terms' champions. */
interface TermStatistics {
  documentFrequencies: Iterable<[string, number]>;
  champions: Iterable<[string, number[], number[]]>;
  averageLength: number;
}

function termStatistics(units: readonly IndexedUnit[]): TermStatistics {
  const frequencies = new Map<string, number>();
  let totalLength = 0;
  const termsOf = units.map((unit) => splitTerms(unit.about ? `${unit.text} ${unit.about}` : unit.text));
  for (const [i, terms] of termsOf.entries()) {
    totalLength += splitTerms(units[i]?.text ?? "").length;
    for (const term of new Set(terms)) frequencies.set(term, (frequencies.get(term) ?? 0) + 1);
  }
  const averageLength = units.length > 0 ? totalLength / units.length : 1;
  const commonAt = commonThreshold(units.length);
  const scored = new Map<string, Array<[score: number, id: number]>>();
  for (const [i, terms] of termsOf.entries()) {
    const counts = new Map<string, number>();
    for (const term of terms)
      if ((frequencies.get(term) ?? 0) > commonAt) counts.set(term, (counts.get(term) ?? 0) + 1);
    for (const [term, count] of counts) {
      const list = scored.get(term) ?? [];
      list.push([saturation(count, terms.length, averageLength), i]);
      scored.set(term, list);
    }
  }
  const champions: Array<[string, number[], number[]]> = [];
  for (const [term, list] of scored) {
    list.sort((a, b) => b[0] - a[0] || a[1] - b[1]);
    const best = list.slice(0, CHAMPIONS);
    champions.push([term, best.map(([, id]) => id), best.map(([score]) => Math.round(score * 1e4) / 1e4)]);
  }
  return { documentFrequencies: frequencies, champions, averageLength };
}

/** Terms in more sentences than this are common (see {@link COMMON_SHARE}). */
function commonThreshold(sentenceCount: number): number {
  return Math.max(COMMON_MIN_SENTENCES, COMMON_SHARE * sentenceCount);
}

/** BM25's term-frequency part, with length normalisation. */
function saturation(termFrequency: number, length: number, averageLength: number): number {
  const { k, b, d } = BM25;
  return d + (termFrequency * (k + 1)) / (termFrequency + k * (1 - b + (b * length) / averageLength));
}

/** A fingerprint of the curated datasets an index was built with (they feed expansions and ranking). */
export function datasetsHash(corpus: Corpus): string {
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
  readonly #vocabulary: Vocabulary;
  readonly #expansions: ExpansionTable;
  readonly #options: Required<SearchIndexOptions>;
  readonly #documents: Map<string, SourceDocument>;
  readonly #passageById: Map<string, Passage>;
  readonly #passageNumber: Map<string, number>;
  /** Passage number (index into corpus.passages) of each sentence. */
  readonly #passageOf: number[];
  /** List item passage number → its lead-in paragraph's number. */
  readonly #leadInPassageOf: Map<number, number>;
  readonly #sentencesOf: Map<string, number[]>;
  readonly #features: number[];
  /** For each list's lead-in sentence: the sentences of its items. */
  readonly #itemsOf: Map<number, number[]>;
  /** How many sentences each term occurs in. */
  readonly #documentFrequency: Map<string, number>;
  /** Common term → its champion sentences → BM25 term-frequency part. */
  readonly #champions: Map<string, Map<number, number>>;
  readonly #averageLength: number;

  constructor(
    corpus: Corpus,
    sentences: MiniSearch<IndexedUnit>,
    vocabulary: Vocabulary,
    expansions: ExpansionTable,
    features: number[],
    statistics: TermStatistics,
    options: Required<SearchIndexOptions>,
  ) {
    this.#features = features;
    this.corpus = corpus;
    this.#sentences = sentences;
    this.#vocabulary = vocabulary;
    this.#expansions = expansions;
    this.#options = options;
    this.#documents = new Map(corpus.documents.map((document) => [document.id, document]));
    this.#passageById = new Map(corpus.passages.map((passage) => [passage.id, passage]));
    this.#passageNumber = new Map(corpus.passages.map((passage, i) => [passage.id, i]));
    this.#sentencesOf = groupSentences(corpus);
    this.#passageOf = corpus.sentences.map((sentence) => this.#passageNumber.get(sentence.passageId) ?? -1);
    this.#itemsOf = new Map();
    this.#leadInPassageOf = new Map();
    for (const [number, passage] of corpus.passages.entries()) {
      if (passage.leadIn === undefined) continue;
      const leadInNumber = this.#passageNumber.get(passage.leadIn);
      if (leadInNumber !== undefined) this.#leadInPassageOf.set(number, leadInNumber);
      const leadIn = this.#sentencesOf.get(passage.leadIn);
      const last = leadIn?.[leadIn.length - 1];
      if (last === undefined) continue;
      const items = this.#itemsOf.get(last) ?? [];
      items.push(...(this.#sentencesOf.get(passage.id) ?? []));
      this.#itemsOf.set(last, items);
    }
    this.#documentFrequency = new Map(statistics.documentFrequencies);
    this.#champions = new Map();
    for (const [term, ids, saturations] of statistics.champions) {
      this.#champions.set(term, new Map(ids.map((id, i) => [id, saturations[i] ?? 0])));
    }
    this.#averageLength = statistics.averageLength;
  }

  analyze(query: string): AnalyzedQuery {
    const text = typeof query === "string" ? query : "";
    return analyzeQuery(text, { vocabulary: this.#vocabulary, expansions: this.#expansions });
  }

  documentFrequency(term: string): number {
    return this.#documentFrequency.get(term) ?? 0;
  }

  searchCitations(query: string, options?: SearchOptions | null): CitationHit[] {
    const checked = checkSearchOptions(options, DEFAULT_LIMIT);
    if (typeof query !== "string" || checked.limit === 0) return [];
    const hits: CitationHit[] = [];
    for (const { sentence: id, score, terms } of this.candidates(query, options)) {
      const sentence = this.corpus.sentences[id];
      const hit = sentence ? this.#toHit(sentence, score, new Set(terms)) : undefined;
      if (hit) hits.push(hit);
    }
    return hits;
  }

  // biome-ignore lint/complexity/noExcessiveLinesPerFunction: the ranking of one query (MiniSearch's hits, common terms' champions, passage context, focus) shares its per-query score maps; split, they would be passed between every part
  candidates(query: string | AnalyzedQuery, options?: SearchOptions | null): SentenceCandidate[] {
    const { limit, docIds: allowed } = checkSearchOptions(options, DEFAULT_LIMIT);
    if (limit === 0) return [];
    if (typeof query !== "string" && (query === null || typeof query !== "object")) return [];
    const analyzed = typeof query === "string" ? this.analyze(query) : query;
    const { searched, pruned } = this.#planTerms(analyzed);
    if (searched.length === 0 && pruned.length === 0) return [];
    const sentences = this.corpus.sentences;

    // Concepts as bits: a sentence's coverage is the share of the query's concepts it matches.
    const bitOf = new Map<number, number>();
    for (const term of analyzed.terms)
      if (term.group >= 0 && !bitOf.has(term.group)) bitOf.set(term.group, bitOf.size);
    const maskOf = new Map<string, number>();
    for (const term of analyzed.terms) {
      const bit = bitOf.get(term.group);
      if (bit !== undefined && bit < 31) maskOf.set(term.term, 1 << bit);
    }
    const concepts = Math.min(bitOf.size, 31);

    const candidates = new Map<number, Candidate>();
    if (searched.length > 0) {
      const weights = new Map(searched.map((term) => [term.term, term.weight]));
      const results = this.#sentences.search([...weights.keys()].join(" "), {
        boostTerm: (term: string) => weights.get(term) ?? 1,
        boost: { text: 1, about: ABOUT_BOOST },
        ...(allowed
          ? { filter: (result: SearchResult) => allowed.has(sentences[result.id as number]?.docId ?? "") }
          : {}),
      });
      // Results come best first; the tail cannot reach the top once context is added.
      for (const result of results.slice(0, Math.max(MAX_CANDIDATES, limit * 4))) {
        candidates.set(result.id as number, { score: result.score, terms: result.terms });
      }
    }
    // Common terms were not searched (see #planTerms): they score on their champion
    // sentences with MiniSearch's BM25+, as if searched.
    for (const term of pruned) {
      const champions = this.#champions.get(term.term);
      if (!champions) continue;
      const frequency = this.#documentFrequency.get(term.term) ?? 1;
      const idf = Math.log(1 + (sentences.length - frequency + 0.5) / (frequency + 0.5));
      for (const [id, saturationPart] of champions) {
        if (allowed && !allowed.has(sentences[id]?.docId ?? "")) continue;
        const entry = candidates.get(id);
        const score = term.weight * idf * saturationPart;
        if (entry) {
          entry.score += score;
          entry.terms.push(term.term);
        } else {
          candidates.set(id, { score, terms: [term.term] });
        }
      }
    }

    let top = 0;
    for (const entry of candidates.values()) top = Math.max(top, entry.score);
    // Passage context: how strongly the rest of a sentence's passage matches.
    const passageTotal = new Map<number, number>();
    for (const [id, entry] of candidates) {
      const passage = this.#passageOf[id] ?? -1;
      passageTotal.set(passage, (passageTotal.get(passage) ?? 0) + entry.score / (top || 1));
    }
    // A list item's context includes the paragraph that introduces its list.
    for (const [item, leadIn] of this.#leadInPassageOf) {
      const introduced = passageTotal.get(leadIn);
      if (introduced) passageTotal.set(item, (passageTotal.get(item) ?? 0) + 0.5 * introduced);
    }
    let topPassage = 0;
    for (const total of passageTotal.values()) topPassage = Math.max(topPassage, total);
    const weight = this.#options.passageWeight;
    const scores = new Map<number, { score: number; terms: readonly string[] }>();
    for (const [id, entry] of candidates) {
      let mask = 0;
      for (const term of entry.terms) mask |= maskOf.get(term) ?? 0;
      const coverage = concepts === 0 ? 1 : popCount(mask) / concepts;
      const passage = (passageTotal.get(this.#passageOf[id] ?? -1) ?? 0) / (topPassage || 1);
      scores.set(id, {
        score: (entry.score / (top || 1) + weight * passage) * (0.5 + coverage),
        terms: entry.terms,
      });
    }
    // Sentences of the best passages are candidates even when they share no term.
    const bestPassages = [...passageTotal].sort((a, b) => b[1] - a[1]).slice(0, CONTEXT_PASSAGES);
    for (const [passage, total] of bestPassages) {
      for (const id of this.#sentencesOf.get(this.corpus.passages[passage]?.id ?? "") ?? []) {
        if (!scores.has(id)) scores.set(id, { score: weight * (total / (topPassage || 1)) * 0.5, terms: [] });
      }
    }
    // A list item is read after its lead-in ("…by doing the following:"): it inherits part of
    // the lead-in's score, so list questions cite the items rather than the announcement.
    for (const [leadInId, items] of this.#itemsOf) {
      const leadIn = scores.get(leadInId);
      if (!leadIn) continue;
      const inherited = LEAD_IN_SHARE * leadIn.score;
      for (const itemId of items) {
        const own = scores.get(itemId);
        if (own) own.score += inherited;
        else scores.set(itemId, { score: inherited, terms: [] });
      }
    }
    const focus = questionFocus(correctedQuery(analyzed));
    const wanted = featureFor(focus);
    if (wanted !== 0) {
      for (const [id, entry] of scores)
        if (((this.#features[id] ?? 0) & wanted) !== 0) entry.score *= FOCUS_BOOST;
    }
    return [...scores]
      .sort((a, b) => b[1].score - a[1].score || a[0] - b[0])
      .slice(0, limit)
      .map(([sentence, { score, terms }]) => ({ sentence, score, terms }));
  }

  /**
   * Splits the query's terms into those MiniSearch searches for and the common ones. In
   * a large corpus a word like "china" is in half the sentences: scoring all of them
   * costs tens of milliseconds and changes little (its IDF is near zero). Terms in more
   * than {@link COMMON_SHARE} of the sentences are instead scored on the best candidates
   * of the other terms and on their precomputed champion sentences. In a corpus of under
   * {@link COMMON_MIN_SENTENCES} sentences no term is common: everything is searched.
   */
  #planTerms(analyzed: AnalyzedQuery): { searched: QueryTerm[]; pruned: QueryTerm[] } {
    const commonAt = commonThreshold(this.corpus.sentences.length);
    const searched: QueryTerm[] = [];
    const pruned: QueryTerm[] = [];
    for (const term of analyzed.terms) {
      const frequency = this.#documentFrequency.get(term.term) ?? 0;
      if (frequency === 0) continue;
      if (frequency > commonAt) pruned.push(term);
      else searched.push(term);
    }
    return { searched, pruned };
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

  suggest(prefix: string, limit?: number): string[] {
    const count = checkLimit(limit, 5, "suggest");
    if (typeof prefix !== "string" || count === 0) return [];
    const text = prefix.slice(0, 200);
    const match = /([\p{L}\p{N}]+)$/u.exec(text);
    if (!match?.[1]) return [];
    const head = text.slice(0, match.index);
    const last = surfaceWords(match[1])[0] ?? "";
    return this.#vocabulary.complete(last, count).map((word) => `${head}${word}`);
  }

  toJSON(): SerializedSearchIndex {
    return {
      format: "newind-search-index",
      formatVersion: INDEX_FORMAT_VERSION,
      corpusHash: this.corpus.hash,
      datasetsHash: datasetsHash(this.corpus),
      options: this.#options,
      sentences: this.#sentences.toJSON(),
      vocabulary: this.#vocabulary.toJSON(),
      expansions: this.#expansions,
      features: this.#features,
      documentFrequencies: [...this.#documentFrequency],
      champions: [...this.#champions].map(([term, best]) => [term, [...best.keys()], [...best.values()]]),
      averageLength: this.#averageLength,
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
