import { formatQuantity } from "@newind/core/text";
import { countedWords } from "../analysis/analyze-question.js";
import type { FigureKind } from "../text/numbers.js";
import { GENERIC_WORDS, STOPWORDS } from "../text/stopwords.js";
import { PARAPHRASES } from "../text/synonyms.js";
import { tokenize } from "../text/tokens.js";
import { shorten, tidySentence } from "./compose.js";
import { type Draft, type StrategyInput, spanOf } from "./draft.js";
import { textCoverage } from "./match-records.js";

/** Least coverage of the question by a metric (label, scope, source and its sentence) for the metric to answer it. */
const MIN_METRIC_COVERAGE = 0.6;

function kindOfUnit(unit: string): FigureKind {
  const normalized = unit.toLowerCase();
  if (normalized === "percent" || normalized === "%") return "percent";
  if (["usd", "$", "cny", "rmb", "yuan", "eur"].includes(normalized)) return "money";
  if (["years", "decades", "months"].includes(normalized)) return "duration";
  if (normalized === "year") return "year";
  return "count";
}

/** A metric's value as the answer says it: "9 percent", "$650 billion", "122 manufacturers". */
export function formatMetricValue(value: number, unit: string): string {
  if (kindOfUnit(unit) === "percent") return `${formatQuantity(value, "count")} percent`;
  return formatQuantity(value, unit);
}

/** Stems of X in "how many X" and of its everyday paraphrases. */
function countedStemsOf(english: string): Set<string> {
  // "how many items": a generic noun counts anything.
  const words = countedWords(english).filter((word) => !GENERIC_WORDS.has(word) && !STOPWORDS.has(word));
  return new Set(
    [...words, ...words.flatMap((word) => PARAPHRASES[word] ?? [])].flatMap((word) =>
      tokenize(word).map((t) => t.stem),
    ),
  );
}

/**
 * Answers "how many / how much / what percent" from the metrics dataset when a metric
 * fits the question (its label, scope and sentence cover it; its unit is the kind of
 * figure asked for and, for "how many X", counts X; its year is any year asked about):
 * the value first, then the sentence it comes from, cited.
 */
export function answerFromMetric(input: StrategyInput): Draft | undefined {
  const { analysis, context } = input;
  if (analysis.intent !== "number") return undefined;
  let best: { draftText: string; coverage: number; metric: (typeof context.metrics)[number] } | undefined;
  for (const curated of context.metrics) {
    const { record, sentence } = curated;
    if (!sentence) continue;
    const kind = kindOfUnit(record.unit);
    if (kind === "year") continue;
    if (analysis.figureKinds && !analysis.figureKinds.includes(kind)) continue;
    // "How many 5G-enabled factories": a count of directives does not answer it.
    const counted =
      analysis.countedStems ??
      (analysis.figureKinds?.includes("count") ? countedStemsOf(analysis.english) : undefined);
    if (kind === "count" && counted && counted.size > 0) {
      const unitStems = tokenize(record.unit).map((t) => t.stem);
      if (!unitStems.some((s) => counted.has(s))) continue;
    }
    if (analysis.years.length > 0) {
      // The metric's year, or else its sentence's ("In the early 2000s, the motivators…").
      const years =
        record.year !== undefined
          ? [record.year]
          : sentence.figures.filter((f) => f.kind === "year").map((f) => f.value);
      const inDecade = (year: number, y: number) =>
        y === year || (year % 10 === 0 && y >= year && y < year + 10);
      if (!analysis.years.every((year) => years.some((y) => inDecade(year, y)))) continue;
    }
    const coverage = textCoverage(curated.prepared, analysis.query, context.matcher);
    if (coverage < MIN_METRIC_COVERAGE || (best && coverage <= best.coverage)) continue;
    best = { draftText: formatMetricValue(record.value, record.unit), coverage, metric: curated };
  }
  if (!best?.metric.sentence) return undefined;
  const sentence = best.metric.sentence;
  const composer = input.newComposer();
  composer.sentence({
    text: `${best.draftText}: ${shorten(tidySentence(sentence.text), 480)}`,
    spans: [spanOf(sentence)],
  });
  const ranked = input.ranked.find((r) => r.record.id === sentence.id);
  const draft: Draft = {
    composer,
    intent: "number",
    sentences: [sentence],
    long: false,
    best: ranked,
    confident: true,
  };
  return draft;
}
