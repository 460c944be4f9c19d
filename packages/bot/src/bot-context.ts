import type { Corpus, Passage, SourceDocument } from "@newind/core";
import { analyzeText, curatedContext, type SearchIndex } from "@newind/search";
import { CitationRegistry } from "./compose/citations.js";
import type { Concept } from "./question/analyze-question.js";
import { CueSet, cueWords } from "./question/cues.js";
import { APPARATUS_HEADINGS, CAUSE_CUES, DEFINITION_CUES, MONTHS, NUMBER_WORDS } from "./question/lexicon.js";

/** What the bot reads off a sentence of the corpus (computed on first need, then kept). */
export interface SentenceInfo {
  /** The sentence's index terms (the search analyser's), as a set. */
  terms: ReadonlySet<string>;
  /** Years the sentence names ("2020"; "1950s" gives "1950"). */
  years: ReadonlySet<string>;
  /** States a date: a year, a month or a decade. */
  date: boolean;
  /** States a quantity: digits or number words. */
  number: boolean;
  /** Names someone: a capitalised name after its first word, or a Chinese name of an entity. */
  name: boolean;
  /** Quotes someone's words (“…”), or belongs to a block quote. */
  quote: boolean;
  /** Gives a reason or purpose ("because", "in order to", "aims"). */
  cause: boolean;
  /** Says what something is ("dubbed", "refers to", "is a"). */
  definition: boolean;
  /** Ends with a colon: it introduces what follows (a list). */
  introduces: boolean;
  /** Stands under a heading of the document's apparatus (notes, references, disclaimer…), or is mostly web addresses (a source note). */
  apparatus: boolean;
  /** Written in Chinese: more Han characters than Latin letters. */
  chinese: boolean;
}

/** What {@link BotContext.namedDocuments} found: the documents a question names and the concepts that named them. */
export interface Naming {
  documents: ReadonlySet<string>;
  /** The concepts that did the naming: how the question found the documents, not what it asks of them. */
  by: ReadonlySet<Concept>;
}

/** Options of {@link createBot}. */
export interface BotOptions {
  /** How many earlier turns a follow-up may look back on (default 6). */
  maxHistory?: number;
  /**
   * Called with any error raised while answering (a bug, never the user's input); the bot then
   * abstains instead of failing. Tests pass `(error) => { throw error; }` so bugs surface.
   */
  onError?: (error: unknown) => void;
  /**
   * Names of registered strategies to leave out (see strategies/registry.ts): for measuring what
   * each is worth (scripts/fit-model.mjs --without=NAME).
   */
  withoutStrategies?: readonly string[];
}

const YEAR = /\b(1[5-9]\d\d|20\d\d)(?:s|年)?\b|(1[5-9]\d\d|20\d\d)年/gu;
const LINK = /\b(?:https?:\/\/|www\.)\S+/giu;

/** Whether web addresses make up at least half of a text: a source note, not a statement. */
function mostlyLinks(text: string): boolean {
  let links = 0;
  for (const match of text.matchAll(LINK)) links += match[0].length;
  return links > 0 && links * 2 >= text.trim().length;
}
const months = new CueSet(MONTHS.filter((month) => month.length > 3 || month === "may"));
const numberWords = new CueSet(NUMBER_WORDS);
const causeCues = new CueSet(CAUSE_CUES);
const definitionCues = new CueSet(DEFINITION_CUES);
// A capitalised word after the first word of a sentence: a proper name in English text.
const NAME = /(?<=[\p{L}\p{N},;:]\s+)(?:\p{Lu}[\p{Ll}\p{Lu}'’-]+|\p{Lu}{2,})/u;
const apparatusHeadings = new Set(APPARATUS_HEADINGS);
const QUOTED = /[“"][^”"]{12,}[”"]/u;
const HAN = /\p{Script=Han}/u;
const HAN_ALL = /\p{Script=Han}/gu;
const LATIN_ALL = /\p{Script=Latin}/gu;
/** A word names documents when at most this share of the corpus's titles (and dates) have it. */
const NAMING_SHARE = 0.05;
/** A title word is a document's label, not its topic, when its text uses it at most this often… */
const LABEL_USES = 3;
/** …or in at most this share of its sentences. */
const LABEL_SHARE = 0.02;

/** How often `term` occurs in `text`, counted up to just past `most`. */
function uses(text: string, term: string, most: number): number {
  let count = 0;
  for (let at = text.indexOf(term); at >= 0 && count <= most; at = text.indexOf(term, at + term.length))
    count++;
  return count;
}
/** How many documents' leads a question about "the document" looks at. */
const LEAD_DOCUMENTS = 8;
/** The shortest first paragraph that presents a document (shorter ones are datelines and bylines). */
const LEAD_PARAGRAPH = 120;

/**
 * Everything the bot derives from a corpus and its search index: lookups by id, the sentences
 * of each passage, the items of each list, and per-sentence facts computed on first need (a
 * question looks at some fifty candidates, so nothing is computed for the whole corpus up
 * front).
 */
export class BotContext {
  readonly corpus: Corpus;
  readonly index: SearchIndex;
  readonly options: { maxHistory: number; withoutStrategies: readonly string[] };

  readonly documents: ReadonlyMap<string, SourceDocument>;
  /** The words of the documents' titles (cue words, each title once), split once for every question. */
  readonly titleWords: ReadonlyArray<readonly string[]>;
  readonly passages: ReadonlyMap<string, Passage>;
  /** Sentence numbers (indexes into corpus.sentences) of each passage, in order. */
  readonly sentencesOf: ReadonlyMap<string, readonly number[]>;
  /** Position of each passage in corpus.passages. */
  readonly passageNumber: ReadonlyMap<string, number>;
  /** The item passages of each list's lead-in passage, in order. */
  readonly itemsOf: ReadonlyMap<string, readonly string[]>;
  /** Turns spans into exact evidence (trimmed, cut before footnote markers and at the longest citation). */
  readonly citable: CitationRegistry;
  readonly #info = new Map<number, SentenceInfo>();
  readonly #passageTerms = new Map<string, ReadonlySet<string>>();
  readonly #sequences = new Map<number, ReadonlySet<string>>();
  #about: string[] | undefined;
  readonly #aboutTerms = new Map<number, ReadonlySet<string>>();
  #entityNames: string[] | undefined;
  #lead: ReadonlySet<number> | undefined;
  #apparatusPassages: ReadonlySet<string> | undefined;
  #authorSentences: ReadonlySet<number> | undefined;
  readonly #documentTerms = new Map<string, ReadonlySet<string>>();
  readonly #titleTerms = new Map<string, ReadonlySet<string>>();
  #titled: Map<string, string[]> | undefined;
  readonly #central = new Map<string, number | undefined>();

  constructor(corpus: Corpus, index: SearchIndex, options: BotOptions = {}) {
    this.corpus = corpus;
    this.index = index;
    const maxHistory = Number.isFinite(options.maxHistory)
      ? Math.max(0, Math.floor(options.maxHistory as number))
      : 6;
    this.options = { maxHistory, withoutStrategies: [...(options.withoutStrategies ?? [])] };

    this.documents = new Map(corpus.documents.map((document) => [document.id, document]));
    this.titleWords = [...new Set(corpus.documents.map((document) => document.title))]
      .map((title) => cueWords(title))
      .filter((words) => words.length > 0);
    this.passages = new Map(corpus.passages.map((passage) => [passage.id, passage]));
    this.passageNumber = new Map(corpus.passages.map((passage, i) => [passage.id, i]));
    const sentencesOf = new Map<string, number[]>();
    corpus.sentences.forEach((sentence, i) => {
      const list = sentencesOf.get(sentence.passageId) ?? [];
      list.push(i);
      sentencesOf.set(sentence.passageId, list);
    });
    this.sentencesOf = sentencesOf;
    const itemsOf = new Map<string, string[]>();
    for (const passage of corpus.passages) {
      if (passage.leadIn === undefined) continue;
      const list = itemsOf.get(passage.leadIn) ?? [];
      list.push(passage.id);
      itemsOf.set(passage.leadIn, list);
    }
    this.itemsOf = itemsOf;
    this.citable = new CitationRegistry(this.documents, corpus.footnotes);
  }

  /** Number of sentences in the corpus. */
  get size(): number {
    return this.corpus.sentences.length;
  }

  /** The facts of sentence `i`. */
  sentence(i: number): SentenceInfo {
    return memo(this.#info, i, () => {
      const sentence = this.corpus.sentences[i];
      const text = sentence?.text ?? "";
      const words = cueWords(text);
      const years = new Set<string>();
      for (const match of text.matchAll(YEAR)) years.add((match[1] ?? match[2]) as string);
      const passage = sentence ? this.passages.get(sentence.passageId) : undefined;
      return {
        terms: new Set(analyzeText(text)),
        years,
        date: years.size > 0 || months.has(words) || /\d+月|世纪|年代/u.test(text),
        number:
          /\d/.test(text) ||
          numberWords.has(words) ||
          /[一二三四五六七八九十百千万亿两]+[个项家条种]/u.test(text),
        name: NAME.test(text) || this.#namesEntity(text),
        quote: passage?.kind === "quote" || QUOTED.test(text),
        cause: causeCues.has(words) || /因为|由于|为了|原因|目的|旨在/u.test(text),
        definition: definitionCues.has(words) || /是指|即|称为|所谓/u.test(text),
        introduces: /[:：]\s*$/.test(text),
        apparatus: (passage !== undefined && this.#apparatus().has(passage.id)) || mostlyLinks(text),
        chinese: (text.match(HAN_ALL)?.length ?? 0) > (text.match(LATIN_ALL)?.length ?? 0),
      };
    });
  }

  /** The sentence's consecutive pairs of index terms ("a b"), for phrase matching. */
  sequence(i: number): ReadonlySet<string> {
    return memo(this.#sequences, i, () => {
      const terms = analyzeText(this.corpus.sentences[i]?.text ?? "");
      return new Set(terms.slice(1).map((term, k) => `${terms[k]} ${term}`));
    });
  }

  /** The sentences that name an author of their document (from its bylines or front matter). */
  authorSentences(): ReadonlySet<number> {
    if (!this.#authorSentences) {
      const out = new Set<number>();
      const names = new Map(
        this.corpus.documents.map((document) => [
          document.id,
          document.authors.map((author) => author.name.trim()).filter((name) => name.length >= 4),
        ]),
      );
      this.corpus.sentences.forEach((sentence, i) => {
        const own = names.get(sentence.docId) ?? [];
        if (own.some((name) => sentence.text.includes(name))) out.add(i);
      });
      this.#authorSentences = out;
    }
    return this.#authorSentences;
  }

  /** The passages under a heading of a document's apparatus (notes, references, disclaimer…), up to the next heading. */
  #apparatus(): ReadonlySet<string> {
    if (!this.#apparatusPassages) {
      const out = new Set<string>();
      let inside: string | undefined;
      for (const passage of this.corpus.passages) {
        if (passage.kind === "heading" || passage.role === "title") {
          const words = cueWords(passage.text).join(" ");
          inside =
            apparatusHeadings.has(words) || apparatusHeadings.has(passage.text.trim())
              ? passage.docId
              : undefined;
          continue;
        }
        if (inside === passage.docId) out.add(passage.id);
        else inside = undefined;
      }
      this.#apparatusPassages = out;
    }
    return this.#apparatusPassages;
  }

  /** The index terms of a passage's whole text. */
  passageTerms(passageId: string): ReadonlySet<string> {
    return memo(
      this.#passageTerms,
      passageId,
      () => new Set(analyzeText(this.passages.get(passageId)?.text ?? "")),
    );
  }

  /** The index terms of what the curated datasets say about sentence `i` (empty without datasets). */
  aboutTerms(i: number): ReadonlySet<string> {
    return memo(this.#aboutTerms, i, () => {
      this.#about ??= curatedContext(this.corpus);
      return new Set(analyzeText(this.#about[i] ?? ""));
    });
  }

  /**
   * The sentences that present each document: its standfirst and bylines, and its first body
   * paragraph of some length (for the first {@link LEAD_DOCUMENTS} documents).
   */
  lead(): ReadonlySet<number> {
    if (this.#lead) return this.#lead;
    const out = new Set<number>();
    const documents = new Set<string>();
    const firstBody = new Set<string>();
    for (const passage of this.corpus.passages) {
      if (!documents.has(passage.docId)) {
        if (documents.size >= LEAD_DOCUMENTS) break;
        documents.add(passage.docId);
      }
      let lead = passage.role === "standfirst" || passage.role === "byline";
      // Dates and bylines of folder documents come before the first paragraph of prose.
      if (
        !lead &&
        passage.role === "body" &&
        passage.kind === "paragraph" &&
        !firstBody.has(passage.docId) &&
        passage.text.length >= LEAD_PARAGRAPH
      ) {
        firstBody.add(passage.docId);
        lead = true;
      }
      if (lead) for (const sentence of this.sentencesOf.get(passage.id) ?? []) out.add(sentence);
    }
    this.#lead = out;
    return out;
  }

  /** The index terms of a document's title. */
  titleTerms(docId: string): ReadonlySet<string> {
    return memo(this.#titleTerms, docId, () => new Set(analyzeText(this.documents.get(docId)?.title ?? "")));
  }

  /**
   * The documents a question names, and the concepts that named them: a year of the question
   * names the documents published that year, and a word of the user's own (not a translation or
   * expansion) names the documents whose title has it — each only when at most
   * {@link NAMING_SHARE} of the documents do ("the 1988 report", "十八大报告", "the budget
   * outlook"). Of the title words only the most specific naming counts: in "十六大报告…道路" the
   * congress names one report and 道路, a word of two titles, names none; a year or a named
   * entity's alias ("20th Party Congress" → 二十) is never outdone. Empty for a corpus of one document.
   */
  namedDocuments(concepts: readonly Concept[]): Naming {
    const documents = new Set<string>();
    const by = new Set<Concept>();
    const count = this.corpus.documents.length;
    if (count < 2) return { documents, by };
    if (!this.#titled) {
      const titled = new Map<string, string[]>();
      const add = (term: string, id: string) => {
        const list = titled.get(term) ?? [];
        if (!list.includes(id)) list.push(id);
        titled.set(term, list);
      };
      const sentencesIn = new Map<string, number>();
      for (const sentence of this.corpus.sentences)
        sentencesIn.set(sentence.docId, (sentencesIn.get(sentence.docId) ?? 0) + 1);
      for (const document of this.corpus.documents) {
        // A title word the document keeps using is its topic, not its label: "industrialization"
        // does not name the article about it, "outlook" names "Budget Outlook", 十六 the 16th
        // Congress's report.
        const text = document.text.toLowerCase();
        const most = Math.max(LABEL_USES, LABEL_SHARE * (sentencesIn.get(document.id) ?? 0));
        for (const term of this.titleTerms(document.id))
          if (uses(text, term, most) <= most) add(term, document.id);
        const year = document.published?.slice(0, 4);
        if (year && /^\d{4}$/.test(year)) add(`year:${year}`, document.id);
      }
      this.#titled = titled;
    }
    const titled = this.#titled;
    const most = Math.max(1, Math.round(count * NAMING_SHARE));
    const titleNamings: Array<{ concept: Concept; documents: readonly string[] }> = [];
    for (const concept of concepts) {
      if (concept.role !== "content" && concept.role !== "document") continue;
      if (concept.figure) {
        const years = concept.own.filter((term) => /^\d{4}$/.test(term));
        const named = years.flatMap((year) => titled.get(`year:${year}`) ?? []);
        if (named.length > 0 && named.length <= most) {
          for (const id of named) documents.add(id);
          by.add(concept);
        }
        continue;
      }
      // The concept's most specific title word.
      let best: readonly string[] | undefined;
      for (const term of concept.own) {
        const list = titled.get(term);
        if (list && list.length <= most && (!best || list.length < best.length)) best = list;
      }
      if (best) titleNamings.push({ concept, documents: best });
    }
    const fewest = Math.min(...titleNamings.map((naming) => naming.documents.length));
    for (const naming of titleNamings) {
      if (naming.documents.length !== fewest && !naming.concept.entity) continue;
      for (const id of naming.documents) documents.add(id);
      by.add(naming.concept);
    }
    return { documents, by };
  }

  /**
   * Whether a concept is not something a sentence of `docId` answers: the document is named, and
   * the concept named it or is in its title ("1988", "政府工作报告" for the 1988 report). In other
   * documents the same words are content ("the 20th Party Congress" in an article about it).
   */
  namesDocument(concept: Concept, docId: string, naming: Naming): boolean {
    if (!naming.documents.has(docId)) return false;
    if (naming.by.has(concept)) return true;
    const title = this.titleTerms(docId);
    return concept.terms.some((term) => title.has(term));
  }

  /** The index terms of a document's title and lead sentences. */
  documentTerms(docId: string): ReadonlySet<string> {
    return memo(this.#documentTerms, docId, () => {
      const out = new Set(analyzeText(this.documents.get(docId)?.title ?? ""));
      for (const i of this.lead()) {
        if (this.corpus.sentences[i]?.docId === docId)
          for (const term of this.sentence(i).terms) out.add(term);
      }
      return out;
    });
  }

  /**
   * The sentence of a document that shares most words with the rest of it (summed term overlap,
   * each term counted once a sentence): its most central statement.
   */
  centralSentence(docId: string): number | undefined {
    if (this.#central.has(docId)) return this.#central.get(docId);
    const sentences: number[] = [];
    this.corpus.sentences.forEach((sentence, i) => {
      if (sentence.docId === docId && this.passages.get(sentence.passageId)?.role === "body")
        sentences.push(i);
    });
    const frequency = new Map<string, number>();
    for (const i of sentences)
      for (const term of this.sentence(i).terms) frequency.set(term, (frequency.get(term) ?? 0) + 1);
    let best: { sentence: number; score: number } | undefined;
    for (const i of sentences) {
      const terms = this.sentence(i).terms;
      if (terms.size < 5) continue;
      let shared = 0;
      for (const term of terms) shared += (frequency.get(term) ?? 1) - 1;
      // Normalised by length, so a long sentence is not central merely for having many words.
      const score = shared / Math.sqrt(terms.size);
      if (!best || score > best.score) best = { sentence: i, score };
    }
    this.#central.set(docId, best?.sentence);
    return best?.sentence;
  }

  /** The title of a document (its id when it has none). */
  titleOf(docId: string): string {
    return this.documents.get(docId)?.title ?? docId;
  }

  #namesEntity(text: string): boolean {
    if (!HAN.test(text)) return false;
    this.#entityNames ??= this.corpus.datasets.entities
      .filter(
        (entity) => entity.type === "person" || entity.type === "organization" || entity.type === "company",
      )
      .flatMap((entity) => [entity.name, ...entity.aliases])
      .filter((name) => HAN.test(name));
    return this.#entityNames.some((name) => text.includes(name));
  }
}

/** The value `make` gives for `key`, made once and kept in `map`. */
export function memo<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}
