import type { Passage, Sentence } from "@newind/core";
import type { BotContext, Naming, SentenceInfo } from "../bot-context.js";
import type { Concept, QuestionAnalysis } from "../question/analyze-question.js";
import type { AnswerKind } from "../question/lexicon.js";
import type { Candidate } from "../retrieval/candidates.js";

/**
 * The features that rank a question's candidate sentences against each other, in the order of
 * the fitted weights. Each is general — none names a document or a phrasing.
 */
export const RANKING_FEATURES = [
  /** Share of the question's concept weight the sentence's own words cover. */
  "coverage",
  /** The same, counting the words of its passage (and a list item's lead-in) too. */
  "coverageInContext",
  /** The same, counting what the curated datasets say about the sentence too. */
  "coverageCurated",
  /** Weight of the rarest question concept the sentence and its passage leave out, relative to the rarest possible. */
  "missing",
  /** Share of the question's concept weight its document's title covers ("in the copper piece…"). */
  "titleCoverage",
  /** Share of the question's content concepts (unweighted) the sentence covers. */
  "matchedShare",
  /** Coverage of the question's rarer half of concepts by the sentence. */
  "rareCoverage",
  /** Share of consecutive pairs of question terms that stand side by side in the sentence too. */
  "phrase",
  /** The question names years: the share of them the sentence names. */
  "yearsInSentence",
  /** The question names years: the share of them its passage names. */
  "yearsInPassage",
  /** The question names figures: the share of them the sentence has. */
  "figures",
  /** The sentence holds what the intent asks for (a date for "when", a number for "how many", …). */
  "answerType",
  "answerType:date",
  "answerType:number",
  "answerType:who",
  "answerType:why",
  "answerType:list",
  "answerType:definition",
  /** "What did X say": the sentence quotes someone. */
  "speechQuote",
  /** 1 / (1 + search rank). */
  "rank",
  /** The search score relative to the best hit. */
  "score",
  "role:front",
  "role:listItem",
  "role:quote",
  "role:heading",
  /** The first sentence of its passage. */
  "firstInPassage",
  /** Under a heading of the document's apparatus: notes, references, a disclaimer. */
  "role:apparatus",
  /** Share of the question's concept weight the sentence before it (same passage) covers: it may answer what that one raises. */
  "previousCoverage",
  /** The same for the sentence after it. */
  "nextCoverage",
  /** The question is about the document and the sentence presents it (standfirst, byline, lead). */
  "documentLead",
  /** The question asks for the gist and the sentence presents the document. */
  "gistLead",
  /** The question is about the document and the sentence names one of its authors. */
  "documentAuthor",
  /** A follow-up, and the sentence is in a passage an earlier answer cited. */
  "previousPassage",
  /** A follow-up, and the sentence is one an earlier answer cited. */
  "previousSentence",
  /** A follow-up, and the sentence is next to one an earlier answer cited. */
  "nextToPrevious",
  /** A follow-up, the sentence is (or is next to) one an earlier answer cited, and it holds what the intent asks for. */
  "previousAnswersType",
  /** A follow-up: share of the inherited concepts the sentence or its passage covers. */
  "contextCoverage",
  /** log(length in characters) / 6. */
  "length",
  /** Cosine similarity of the question and the sentence in the sentence encoder's space (0 without it). */
  "semantic",
  /** The same, relative to the best of the question's candidates. */
  "semanticRelative",
  /** A Chinese question and a sentence in Chinese (in a corpus of both languages, the reader's own). */
  "language:chineseForChinese",
  /** An English question and a sentence in Chinese (a primary source the English sentences report on). */
  "language:chineseForEnglish",
  /** The sentence is in a document the question names ("the 1988 report"). */
  "namedDocument",
  /** 1 / (1 + its rank in a search of that document alone), when among that search's best. */
  "inDocumentRank",
] as const;

/** The features that decide whether the best candidate answers the question at all. */
export const ANSWER_FEATURES = [
  "bias",
  /** The ranking model's score of the best candidate. */
  "bestScore",
  /** Its lead over the second best. */
  "margin",
  "coverage",
  "coverageInContext",
  "coverageCurated",
  "missing",
  /** Share of all the question's content weight (words the corpus never uses included) the best sentence's passage covers. */
  "coverageAll",
  /** Share of the question's concept weight carried by words the corpus never uses and English rarely does. */
  "unknownRare",
  /** Share carried by common English words the corpus never uses (often chat, not topic). */
  "unknownCommon",
  /** Share carried by Chinese words the corpus never uses (and no glossary entry translates). */
  "unknownChinese",
  /** The best candidate's similarity to the question in the sentence encoder's space. */
  "semantic",
  /** The highest similarity of any candidate to the question. */
  "bestSimilarity",
  /** The question names years and the best sentence's passage names none of them. */
  "yearsAbsent",
  "answerType",
  /** log(1 + number of content concepts) / 3. */
  "concepts",
  "aboutDocument",
  "wholeDocument",
  /** The question follows up an earlier turn. */
  "followUp",
  /** The best candidate is (or is next to) one an earlier answer cited, and holds what the intent asks for. */
  "previousAnswersType",
  /** The question is in Chinese. */
  "chinese",
] as const;

/** A ranking feature's name. */
export type RankingFeature = (typeof RANKING_FEATURES)[number];
/** An answer feature's name. */
export type AnswerFeature = (typeof ANSWER_FEATURES)[number];

const TYPE_FEATURE: Partial<Record<AnswerKind, RankingFeature>> = {
  date: "answerType:date",
  number: "answerType:number",
  who: "answerType:who",
  why: "answerType:why",
  list: "answerType:list",
  definition: "answerType:definition",
};
const HAN = /\p{Script=Han}/u;
const rankingIndex = new Map<string, number>(RANKING_FEATURES.map((name, i) => [name, i]));
const answerIndex = new Map<string, number>(ANSWER_FEATURES.map((name, i) => [name, i]));

/** What the features of one question's candidates share. */
export interface FeatureInput {
  analysis: QuestionAnalysis;
  /** Concepts inherited from an earlier turn (empty unless the question follows up). */
  inherited: readonly Concept[];
  /** Passages an earlier answer cited. */
  previousPassages: ReadonlySet<string>;
  /** Sentences an earlier answer cited. */
  previousSentences: ReadonlySet<number>;
  /** Sentences presenting each document (see BotContext.lead). */
  lead: ReadonlySet<number>;
  /** The documents the question names, and the concepts that named them (see BotContext.namedDocuments). */
  named: Naming;
  /** Cosine similarity of the question to each candidate sentence, when a sentence encoder is at hand. */
  similarity?: ReadonlyMap<number, number>;
  /** The highest of those similarities. */
  bestSimilarity?: number;
}

function matches(concept: Concept, ...sets: ReadonlyArray<ReadonlySet<string>>): boolean {
  return concept.terms.some((term) => sets.some((set) => set.has(term)));
}

function holdsAnswerType(intent: AnswerKind, info: SentenceInfo, listLike: boolean): boolean {
  switch (intent) {
    case "date":
      return info.date;
    case "number":
    case "comparison":
      return info.number;
    case "who":
      return info.name;
    case "why":
      return info.cause;
    case "list":
      return listLike;
    case "definition":
      return info.definition;
    default:
      return false;
  }
}

/** The value of a named feature in a vector of {@link RANKING_FEATURES}. */
export function rankingFeature(x: readonly number[], name: RankingFeature): number {
  return x[rankingIndex.get(name) as number] ?? 0;
}

/** Writes a named ranking feature into a vector. */
type Setter = (name: RankingFeature, value: number) => void;

/** What the ranking features of one candidate are read from. */
interface Place {
  context: BotContext;
  input: FeatureInput;
  candidate: Candidate;
  sentence: Sentence;
  passage: Passage | undefined;
  info: SentenceInfo;
  /** Terms of the sentence's passage and of a list item's lead-in: its context. */
  around: ReadonlyArray<ReadonlySet<string>>;
}

/** How much of the question the sentence, its context, its curated description and its document's title cover. */
function coverageFeatures({ context, input, candidate, sentence, info, around }: Place, set: Setter): number {
  const { analysis } = input;
  const about = context.aboutTerms(candidate.sentence);
  // The concepts that named a document, and in a named document the words of its title, are how
  // the question found it, not what it asks of a sentence ("1988年的政府工作报告…" is not
  // answered by "我代表国务院…作政府工作报告").
  const allKnown = analysis.concepts.filter((concept) => concept.role === "content" && concept.known);
  const known = allKnown.filter((concept) => !context.namesDocument(concept, sentence.docId, input.named));
  if (context.corpus.documents.length > 1 && allKnown.length > 0) {
    const title = context.titleTerms(sentence.docId);
    const all = allKnown.reduce((sum, c) => sum + c.weight, 0);
    set(
      "titleCoverage",
      allKnown.filter((c) => matches(c, title)).reduce((sum, c) => sum + c.weight, 0) / all,
    );
  }
  let total = 0;
  let own = 0;
  let inContext = 0;
  let curated = 0;
  let missing = 0;
  for (const concept of known) {
    total += concept.weight;
    if (matches(concept, info.terms)) own += concept.weight;
    const near = matches(concept, info.terms, ...around);
    if (near) inContext += concept.weight;
    if (near || matches(concept, about)) curated += concept.weight;
    else missing = Math.max(missing, concept.weight);
  }
  if (total === 0) return 0;
  set("coverage", own / total);
  set("coverageInContext", inContext / total);
  set("coverageCurated", curated / total);
  set("missing", missing / Math.log(1 + context.size / 0.5));
  set("matchedShare", known.filter((concept) => matches(concept, info.terms)).length / known.length);
  const weights = known.map((concept) => concept.weight).sort((a, b) => a - b);
  const rare = known.filter((concept) => concept.weight >= (weights[Math.floor(weights.length / 2)] ?? 0));
  const rareWeight = rare.reduce((sum, concept) => sum + concept.weight, 0);
  const rareOwn = rare
    .filter((concept) => matches(concept, info.terms))
    .reduce((sum, c) => sum + c.weight, 0);
  set("rareCoverage", rareWeight > 0 ? rareOwn / rareWeight : 0);
  if (analysis.bigrams.length > 0) {
    const sequence = context.sequence(candidate.sentence);
    set("phrase", analysis.bigrams.filter((pair) => sequence.has(pair)).length / analysis.bigrams.length);
  }
  // The sentences either side (same passage): an answer may follow the sentence that raises the question.
  const neighbour = (i: number) => {
    if (context.corpus.sentences[i]?.passageId !== sentence.passageId) return 0;
    const terms = context.sentence(i).terms;
    return known.filter((c) => matches(c, terms)).reduce((sum, c) => sum + c.weight, 0) / total;
  };
  set("previousCoverage", neighbour(candidate.sentence - 1));
  set("nextCoverage", neighbour(candidate.sentence + 1));
  return total;
}

/** Whether the sentence meets the question's constraints: its years and figures, what its intent asks for. */
function constraintFeatures({ context, input, sentence, passage, info }: Place, set: Setter): void {
  const { analysis } = input;
  if (analysis.years.length > 0) {
    const passageText = passage?.text ?? "";
    const share = (test: (year: string) => boolean) =>
      analysis.years.filter(test).length / analysis.years.length;
    set(
      "yearsInSentence",
      share((year) => info.years.has(year)),
    );
    const documentYear = context.documents.get(sentence.docId)?.published?.slice(0, 4);
    set(
      "yearsInPassage",
      share((year) => passageText.includes(year) || year === documentYear),
    );
  }
  const figures = analysis.concepts.filter(
    (concept) => concept.figure && !analysis.years.includes(concept.word),
  );
  if (figures.length > 0) {
    set("figures", figures.filter((concept) => matches(concept, info.terms)).length / figures.length);
  }
  const listLike =
    info.introduces || passage?.kind === "list-item" || context.itemsOf.has(sentence.passageId);
  if (holdsAnswerType(analysis.intent, info, listLike)) {
    set("answerType", 1);
    const specific = TYPE_FEATURE[analysis.intent];
    if (specific) set(specific, 1);
  }
  if (analysis.speech && info.quote) set("speechQuote", 1);
}

/** Where the sentence stands: search rank and score, the role of its passage, the document's lead. */
function placeFeatures({ context, input, candidate, sentence, passage, info }: Place, set: Setter): void {
  const { analysis } = input;
  set("rank", 1 / (1 + candidate.rank));
  set("score", candidate.score);
  if (passage !== undefined && passage.role !== "body") set("role:front", 1);
  if (passage?.kind === "list-item") set("role:listItem", 1);
  if (passage?.kind === "quote") set("role:quote", 1);
  if (passage?.kind === "heading") set("role:heading", 1);
  if (context.sentencesOf.get(sentence.passageId)?.[0] === candidate.sentence) set("firstInPassage", 1);
  if (info.apparatus) set("role:apparatus", 1);
  if (input.lead.has(candidate.sentence)) {
    if (analysis.aboutDocument) set("documentLead", 1);
    if (analysis.wholeDocument) set("gistLead", 1);
  }
  if (analysis.aboutDocument && context.authorSentences().has(candidate.sentence)) set("documentAuthor", 1);
  set("length", Math.log(1 + sentence.text.length) / 6);
  if (info.chinese)
    set(analysis.language === "zh" ? "language:chineseForChinese" : "language:chineseForEnglish", 1);
  if (input.named.documents.has(sentence.docId)) set("namedDocument", 1);
  if (candidate.inDocument !== undefined) set("inDocumentRank", 1 / (1 + candidate.inDocument));
}

/** The sentence's link to the earlier turn a follow-up refers to. */
function conversationFeatures(
  { input, candidate, sentence, info, around }: Place,
  set: Setter,
  answersType: boolean,
): void {
  const { inherited } = input;
  if (input.previousPassages.has(sentence.passageId)) set("previousPassage", 1);
  const cited = input.previousSentences.has(candidate.sentence);
  const next =
    input.previousSentences.has(candidate.sentence - 1) ||
    input.previousSentences.has(candidate.sentence + 1);
  if (cited) set("previousSentence", 1);
  else if (next) set("nextToPrevious", 1);
  if ((cited || next) && answersType) set("previousAnswersType", 1);
  if (inherited.length > 0) {
    const weight = inherited.reduce((sum, concept) => sum + concept.weight, 0);
    const covered = inherited
      .filter((concept) => matches(concept, info.terms, ...around))
      .reduce((sum, concept) => sum + concept.weight, 0);
    set("contextCoverage", weight > 0 ? covered / weight : 0);
  }
}

/** The ranking features of one candidate (see {@link RANKING_FEATURES}). */
export function candidateFeatures(context: BotContext, input: FeatureInput, candidate: Candidate): number[] {
  const x = new Array<number>(RANKING_FEATURES.length).fill(0);
  const set: Setter = (name, value) => {
    x[rankingIndex.get(name) as number] = value;
  };
  const sentence = context.corpus.sentences[candidate.sentence];
  if (!sentence) return x;
  const passage = context.passages.get(sentence.passageId);
  const around = [context.passageTerms(sentence.passageId)];
  if (passage?.leadIn) around.push(context.passageTerms(passage.leadIn));
  const place: Place = {
    context,
    input,
    candidate,
    sentence,
    passage,
    info: context.sentence(candidate.sentence),
    around,
  };
  coverageFeatures(place, set);
  constraintFeatures(place, set);
  placeFeatures(place, set);
  conversationFeatures(place, set, rankingFeature(x, "answerType") > 0);
  const similarity = input.similarity?.get(candidate.sentence);
  if (similarity !== undefined) {
    set("semantic", similarity);
    set("semanticRelative", input.bestSimilarity ? similarity / input.bestSimilarity : 0);
  }
  return x;
}

/**
 * The answer features of a question, read off its best candidate (`best`, with ranking features
 * `bestFeatures` and score `bestScore`) and the runner-up's score.
 */
export function answerFeatures(
  context: BotContext,
  input: FeatureInput,
  best: Candidate,
  bestFeatures: readonly number[],
  bestScore: number,
  secondScore: number,
): number[] {
  const { analysis } = input;
  const x = new Array<number>(ANSWER_FEATURES.length).fill(0);
  const set = (name: AnswerFeature, value: number) => {
    x[answerIndex.get(name) as number] = value;
  };
  set("bias", 1);
  set("bestScore", bestScore / 10);
  set("margin", Math.min(1, (bestScore - secondScore) / 5));
  for (const name of [
    "coverage",
    "coverageInContext",
    "coverageCurated",
    "missing",
    "answerType",
    "semantic",
  ] as const) {
    set(name, rankingFeature(bestFeatures, name));
  }
  const content = analysis.concepts.filter((concept) => concept.role === "content");
  const total = content.reduce((sum, concept) => sum + concept.weight, 0);
  const unknown = (test: (concept: Concept) => boolean) =>
    content
      .filter((concept) => !concept.known && test(concept))
      .reduce((sum, concept) => sum + concept.weight, 0);
  const sentence = context.corpus.sentences[best.sentence];
  if (sentence && total > 0) {
    const own = context.sentence(best.sentence).terms;
    const passage = context.passageTerms(sentence.passageId);
    const leadIn = context.passages.get(sentence.passageId)?.leadIn;
    const leadInTerms = leadIn ? context.passageTerms(leadIn) : new Set<string>();
    const covered = content
      .filter((concept) => matches(concept, own, passage, leadInTerms))
      .reduce((sum, concept) => sum + concept.weight, 0);
    set("coverageAll", covered / total);
  }
  set(
    "unknownRare",
    total > 0 ? unknown((concept) => !concept.common && !HAN.test(concept.word)) / total : 0,
  );
  set("unknownCommon", total > 0 ? unknown((concept) => concept.common) / total : 0);
  set("unknownChinese", total > 0 ? unknown((concept) => HAN.test(concept.word)) / total : 0);
  if (analysis.years.length > 0) {
    const sentence = context.corpus.sentences[best.sentence];
    const passageText = sentence ? (context.passages.get(sentence.passageId)?.text ?? "") : "";
    const documentYear = sentence ? context.documents.get(sentence.docId)?.published?.slice(0, 4) : undefined;
    if (!analysis.years.some((year) => passageText.includes(year) || year === documentYear))
      set("yearsAbsent", 1);
  }
  set("concepts", Math.log1p(content.length) / 3);
  set("bestSimilarity", input.bestSimilarity ?? 0);
  if (analysis.aboutDocument) set("aboutDocument", 1);
  if (analysis.wholeDocument) set("wholeDocument", 1);
  if (input.inherited.length > 0) set("followUp", 1);
  set("previousAnswersType", rankingFeature(bestFeatures, "previousAnswersType"));
  if (analysis.language === "zh") set("chinese", 1);
  return x;
}
