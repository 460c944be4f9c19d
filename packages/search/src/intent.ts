import type { Corpus } from "@newind/core";

/** What kind of fact a question asks for, as far as ranking cares. */
export type QuestionFocus = "date" | "number" | "agent" | "reason" | "none";

/** Bit flags of what a sentence contains. */
export const SentenceFeature = { date: 1, number: 2, agent: 4 } as const;

const MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december";
const DATE = new RegExp(
  `\\b(?:1[5-9]\\d\\d|20\\d\\d)s?\\b|\\b(?:${MONTHS})\\b|\\bdecades?\\b|\\bcentury\\b`,
  "i",
);
const DATE_QUESTION =
  /\b(?:when|what year|which year|what date|since when|how long ago)\b|什么时候|何时|哪一年|哪年|几月/;
const NUMBER_QUESTION =
  /\b(?:how (?:many|much|long|big|large)|what (?:percent|percentage|share|proportion|number)|percent of)\b|多少|几个|几家|百分之|比例/;
const REASON_QUESTION = /\b(?:why|how come|what for|for what reason|reasons? for)\b|为什么|为何|原因/;
const AGENT_QUESTION = /\b(?:who|whom|whose|who's)\b|谁|哪位|哪个机构/;
const NUMBER =
  /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|hundred|thousand|million|billion|percent|half|dozens?)\b/i;

/**
 * The focus of a question, from its question words (English or Chinese): "when"/"what
 * year"/什么时候 ask for a date, "how many/much/long"/"what percent"/多少 for a number,
 * "who"/"whose"/谁 for a person or organisation.
 */
export function questionFocus(query: string): QuestionFocus {
  const text = query.toLowerCase();
  if (DATE_QUESTION.test(text)) return "date";
  if (NUMBER_QUESTION.test(text)) return "number";
  if (AGENT_QUESTION.test(text)) return "agent";
  if (REASON_QUESTION.test(text)) return "reason";
  return "none";
}

/**
 * Feature flags per sentence of the corpus: whether it states a date, a number, or names
 * a person or organisation (from the curated entities).
 */
export function sentenceFeatures(corpus: Corpus): number[] {
  const agents = corpus.datasets.entities
    .filter(
      (entity) => entity.type === "person" || entity.type === "organization" || entity.type === "company",
    )
    .flatMap((entity) => [entity.name, ...entity.aliases])
    .filter((name) => name.length >= 3);
  return corpus.sentences.map((sentence) => {
    let flags = 0;
    if (DATE.test(sentence.text)) flags |= SentenceFeature.date;
    if (NUMBER.test(sentence.text)) flags |= SentenceFeature.number;
    if (agents.some((name) => sentence.text.includes(name))) flags |= SentenceFeature.agent;
    return flags;
  });
}

/** The feature a focus rewards, or 0. */
export function featureFor(focus: QuestionFocus): number {
  return focus === "none" || focus === "reason" ? 0 : SentenceFeature[focus];
}
