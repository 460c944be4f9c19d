import { describe, expect, it } from "vitest";
import { ANSWER_FEATURES, RANKING_FEATURES } from "./features.js";
import { FITTED_MODEL } from "./fitted-model.js";
import { checkModel } from "./scoring-model.js";

describe(checkModel, () => {
  it("accepts the fitted model, which belongs to this version's features", () => {
    expect(checkModel(FITTED_MODEL)).toBe(FITTED_MODEL);
    expect(FITTED_MODEL.lexical.ranking.features).toEqual([...RANKING_FEATURES]);
    expect(FITTED_MODEL.semantic.answer.features).toEqual([...ANSWER_FEATURES]);
  });

  it("refuses a model fitted for other features, or with impossible thresholds", () => {
    const stale = {
      ...FITTED_MODEL,
      lexical: { ...FITTED_MODEL.lexical, ranking: { features: ["coverage"], weights: [1] } },
    };
    expect(() => checkModel(stale)).toThrow(/refit/);
    expect(() => checkModel({ ...FITTED_MODEL, band: [0.9, 0.1] })).toThrow(RangeError);
    expect(() => checkModel({ ...FITTED_MODEL, sentences: 0 })).toThrow(RangeError);
    expect(() => checkModel(null as never)).toThrow(TypeError);
  });
});
