import { ANSWER_FEATURES, RANKING_FEATURES } from "./features.js";

/** A linear model: weights for named features, in order. */
export interface LinearModel {
  /** The feature names the weights belong to, in order (a model for other features is refused). */
  features: readonly string[];
  weights: readonly number[];
}

/** A ranking model, an answer model and its abstention threshold: one way of deciding. */
export interface ScoringPart {
  /** Scores a question's candidates against each other (a conditional logit: softmax over the candidates). */
  ranking: LinearModel;
  /** The probability that the best candidate answers the question at all. */
  answer: LinearModel;
  /** Abstain when the answer model's probability is below this. */
  threshold: number;
}

/**
 * The bot's fitted decisions. The lexical part decides every question from its words alone;
 * where its confidence lies inside `band`, and a sentence encoder is at hand, the semantic part
 * (the same features plus sentence-encoder similarities) decides instead.
 */
export interface ScoringModel {
  lexical: ScoringPart;
  semantic: ScoringPart;
  /** The lexical confidences, [low, high], for which the semantic part is consulted. */
  band: readonly [number, number];
  /** A further sentence joins the answer only when its softmax share is at least this part of the best's. */
  companion: number;
  /** How many sentences an answer quotes at most (a list's items and a document's bylines count as one). */
  sentences: number;
}

function checkLinear(model: LinearModel, features: readonly string[], name: string): void {
  if (
    model.features.length !== features.length ||
    model.features.some((feature, i) => feature !== features[i])
  ) {
    throw new TypeError(
      `the ${name} model was fitted for other features: refit it with scripts/fit-model.mjs`,
    );
  }
  if (model.weights.length !== features.length || model.weights.some((w) => !Number.isFinite(w))) {
    throw new TypeError(`the ${name} model needs one finite weight per feature`);
  }
}

function checkPart(part: ScoringPart, name: string): void {
  if (part === null || typeof part !== "object")
    throw new TypeError(`the ${name} part of a scoring model is an object`);
  checkLinear(part.ranking, RANKING_FEATURES, `${name} ranking`);
  checkLinear(part.answer, ANSWER_FEATURES, `${name} answer`);
  if (!(part.threshold >= 0 && part.threshold <= 1))
    throw new RangeError("an abstention threshold lies in [0, 1]");
}

/** Checks that a model fits the features of this version; throws a TypeError or RangeError naming what differs. */
export function checkModel(model: ScoringModel): ScoringModel {
  if (model === null || typeof model !== "object") throw new TypeError("a scoring model is an object");
  checkPart(model.lexical, "lexical");
  checkPart(model.semantic, "semantic");
  if (!Array.isArray(model.band) || !(model.band[0] <= model.band[1]))
    throw new RangeError("the semantic band is [low, high]");
  if (!(model.companion >= 0)) throw new RangeError("the companion share is not negative");
  if (!(Number.isInteger(model.sentences) && model.sentences >= 1))
    throw new RangeError("an answer quotes at least one sentence");
  return model;
}

/** The linear score w·x. */
export function linearScore(model: LinearModel, x: readonly number[]): number {
  let z = 0;
  for (let i = 0; i < x.length; i++) z += (model.weights[i] ?? 0) * (x[i] ?? 0);
  return z;
}

/** The logistic function. */
export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}
