import type { QuestionAnalysis } from "../analysis/analyze-question.js";
import type { BotOptions } from "../bot-context.js";
import { stem } from "../text/stem.js";
import { tokenize } from "../text/tokens.js";
import type { RankedSentence } from "./rank-sentences.js";

const EVENT_DATED_COVERAGE = 0.6;
const ACTORS = new Set(["person", "organization", "company"]);

/** Why the bot declines to answer. */
export type AbstainReason =
  | "empty"
  | "off-topic"
  | "not-covered"
  | "wrong-year"
  | "no-figure"
  | "no-date"
  | "no-actor";

/** The share of the question's content words the corpus knows at all (directly, corrected, or via a synonym). */
export function knownShare(analysis: QuestionAnalysis): number {
  const total = analysis.query.groups.reduce((sum, group) => sum + group.weight, 0);
  if (total === 0) return 0;
  return analysis.query.groups.reduce((sum, group) => sum + (group.known ? group.weight : 0), 0) / total;
}

/** The share of the question's content weight carried by words the corpus does not know. */
export function unknownShare(analysis: QuestionAnalysis): number {
  return analysis.query.groups.length === 0 ? 0 : 1 - knownShare(analysis);
}

// The attribute a question asks for: "who is the CEO of BYD", "what is the name of MIIT's vice
// minister", "how many employees does BYD have".
const ATTRIBUTE_OF =
  /^\s*(?:who|what)(?:'s| is| was| are| were)\s+(?:the |a |an )?(?:name of (?:the )?)?((?:[\w-]+ ){0,2}?[\w-]+)\s+(?:of|for|at|in|behind)\s/i;
const POSSESSED = /^\s*(?:who|what)\b.*?\b[\w.]+['’]s\s+((?:[\w-]+\s+)?[\w-]+)\s*\??\s*$/i;
// The same with a longer title ("CATL's annual battery production capacity"), whose last word is its head.
const POSSESSED_LONG = /^\s*(?:who|what)\b.*?\b[\w.]+['’]s\s+((?:[\w-]+\s+){0,3}[\w-]+)\s*\??\s*$/i;
const COUNTED_HAVE = /^\s*how many ([\w-]+) (?:does|do|did|has|have|had)\b.*\bhave\b/i;

// "Which Chinese province has…": the kind of thing a "which" question asks for.
const WHICH_HEAD =
  /^\s*(?:in |of |from |at |for )?which ((?:[\w-]+ )?[\w-]+?) (?:has|have|had|is|are|was|were|does|do|did|will|would|can|could|gets?|got|leads?|led|makes?|made|produces?|produced)\b/i;

/**
 * The head nouns of what the question asks for: "the director of…", "CATL's … capacity",
 * "how many X does … have", "which province has…".
 */
export function askedHeads(analysis: QuestionAnalysis): Set<string> {
  // A list's items answer for their kind ("the titles of…", "the three goals…") without naming it.
  if (analysis.intent === "list") return new Set();
  const english = analysis.english.replace(/[’]/g, "'");
  // "What is the aim of…" asks for a thing the answer need not name; "who is the director of…" does not.
  const patterns =
    analysis.intent === "who"
      ? [ATTRIBUTE_OF, COUNTED_HAVE, POSSESSED_LONG, WHICH_HEAD]
      : [COUNTED_HAVE, POSSESSED_LONG];
  const heads = patterns
    .map((pattern) => pattern.exec(english)?.[1])
    .flatMap((phrase) => (phrase ? tokenize(phrase).slice(-1) : []));
  return new Set(heads.map((t) => t.stem));
}

/**
 * True when the best evidence never speaks of the thing asked for: a sentence about CATL that
 * gives no capacity does not say what CATL's capacity is, however much else of the question it covers.
 */
export function missesAskedHead(analysis: QuestionAnalysis, best: RankedSentence): boolean {
  const heads = askedHeads(analysis);
  if (heads.size === 0) return false;
  return analysis.query.groups.some(
    (group, g) =>
      !group.entityId &&
      // A word the corpus never uses is asksUnknownAttribute's to judge ("which body" is a paraphrase).
      group.known &&
      !/^\d/.test(group.word) &&
      heads.has(stem(group.word)) &&
      (best.groupCredit[g] ?? 0) < 0.5 &&
      !passageNames(analysis, g, best),
  );
}

/**
 * True when the attribute the question asks for is a word the corpus never uses, not even
 * through a synonym: the document cannot name a CEO, a governor or a vice minister it never
 * mentions, however well the rest of the question matches.
 */
export function asksUnknownAttribute(analysis: QuestionAnalysis): boolean {
  const english = analysis.english.replace(/[’]/g, "'");
  // The head noun of "the X of Y" and "how many X" (an unknown modifier, "the initial aim of", is
  // more often a paraphrase); every word of a possessed title ("MIIT's vice minister").
  const heads = [ATTRIBUTE_OF, COUNTED_HAVE]
    .map((pattern) => pattern.exec(english)?.[1])
    .flatMap((phrase) => (phrase ? tokenize(phrase).slice(-1) : []));
  const possessed = tokenize(POSSESSED.exec(english)?.[1] ?? "");
  const stems = new Set([...heads, ...possessed].map((t) => t.stem));
  if (stems.size === 0) return false;
  return analysis.query.groups.some(
    (group) => !group.known && !group.entityId && !/^\d/.test(group.word) && stems.has(stem(group.word)),
  );
}

/**
 * Decides whether the best evidence answers the question. Calibrated, not listed: the
 * corpus must know most of the question's words (else it is off topic), the best
 * sentence must cover enough of its content, name any year it names, and hold the kind
 * of thing asked for (a figure, a date, an actor).
 */
export function abstainReason(
  analysis: QuestionAnalysis,
  best: RankedSentence | undefined,
  options: Required<BotOptions>,
  slack = 0,
): AbstainReason | undefined {
  if (analysis.query.groups.length === 0 && analysis.query.terms.length === 0) return "empty";
  // Off topic: the corpus knows too few of the question's words and it names nothing the corpus names.
  // A year the corpus knows anchors a question on topic as an entity does ("the 1950s mineral spending").
  const knownYear = analysis.query.groups.some((group) => group.known && /^\d{4}s?$/.test(group.word));
  if (
    analysis.query.groups.length > 0 &&
    analysis.entities.length === 0 &&
    !knownYear &&
    knownShare(analysis) < options.minKnown
  ) {
    return "off-topic";
  }
  if (asksUnknownAttribute(analysis)) return "not-covered";
  if (!best) return "not-covered";
  if (!best.yearsMatch) return "wrong-year";
  if (missesAskedHead(analysis, best)) return "not-covered";
  // "Who heads BYD?": an actor the question names must be in the evidence, or the answer is
  // someone else's (the head of the MIIT).
  if (
    analysis.intent === "who" &&
    analysis.entities.some((entity) => {
      if (!ACTORS.has(entity.type)) return false;
      const g = analysis.query.groups.findIndex((group) => group.entityId === entity.id);
      return g >= 0 && (best.groupCredit[g] ?? 0) < 0.5;
    })
  )
    return "not-covered";
  // "What did Li Qiang say about exports?": the evidence must speak of exports.
  // A passage that names the focus covers it for each of its sentences ("which technologies":
  // "…by placing high-tech companies … Internet of Things, artificial intelligence…").
  if (
    analysis.query.groups.some(
      (group, g) => group.focus && (best.groupCredit[g] ?? 0) < 0.5 && !passageNames(analysis, g, best),
    )
  )
    return "not-covered";
  // Words the corpus never uses often name exactly what it does not cover — when they are a
  // large part of the question; one odd word among many is more often a paraphrase.
  let threshold = unknownShare(analysis) >= 0.25 ? options.minCoverageWithUnknown : options.minCoverage;
  if (analysis.intent === "date") threshold = Math.max(threshold, options.minCoverageForDates);
  // An event that dates something ("until the EV revolution, when…") answers "when" less surely
  // than a year does: it must be about most of the question.
  if (analysis.intent === "date" && best.typed && !best.record.hasDate && best.record.eventDated)
    threshold = Math.max(threshold, EVENT_DATED_COVERAGE);
  if (best.coverage < threshold - slack) return "not-covered";
  if (!best.typed) {
    if (analysis.intent === "number") return "no-figure";
    if (analysis.intent === "date") return "no-date";
    if (analysis.intent === "who") return "no-actor";
  }
  return undefined;
}

const PASSAGE_STEMS = new WeakMap<object, ReadonlySet<string>>();

function passageNames(analysis: QuestionAnalysis, g: number, best: RankedSentence): boolean {
  const group = analysis.query.groups[g];
  if (!group || group.entityId) return false;
  const passage = best.record.passage;
  let stems = PASSAGE_STEMS.get(passage);
  if (!stems) {
    stems = new Set(tokenize(passage.text).map((t) => t.stem));
    PASSAGE_STEMS.set(passage, stems);
  }
  const known = stems;
  return analysis.query.terms.some(
    (term) =>
      term.group === g &&
      (term.origin === "question" || term.origin === "correction") &&
      known.has(term.stem),
  );
}

/** The sentence an abstaining answer gives. */
export function abstentionText(reason: AbstainReason): string {
  switch (reason) {
    case "empty":
      return "Please ask a question about New Industrialization, for example: When was New Industrialization first proposed?";
    case "off-topic":
      return "The sources don't cover that: they are about China's New Industrialization policy, and nothing in them answers this question.";
    case "wrong-year":
      return "The sources don't cover that: they give no figures or events for the year asked about.";
    case "no-figure":
      return "The sources don't cover that: they give no figure for it.";
    case "no-date":
      return "The sources don't cover that: they give no date for it.";
    case "no-actor":
      return "The sources don't cover that: they don't say who.";
    default:
      return "The sources don't cover that: the closest passages are listed as related, but none answers the question.";
  }
}
