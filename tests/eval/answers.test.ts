import { describe, expect, it } from "vitest";
import { runAnswerEval } from "./answers.mjs";

// Deterministic: the same corpus, questions, index and bot give the same answers every run.
// The floors are the dev levels reached when this test was written (every question right)
// less one question's worth, so a real regression fails here; raise them, never lower them.
describe("answers on ../shared/eval/dev.jsonl + dev-abstain.jsonl", () => {
  it("keeps answer and citation accuracy ≥ 0.97, valid spans, abstention ≥ 0.95, false abstention ≤ 0.025", async () => {
    const { summary, baseline } = await runAnswerEval({ print: () => {} });
    expect(summary.n).toBeGreaterThanOrEqual(60);
    expect(summary.answer).toBeGreaterThanOrEqual(0.97);
    expect(summary.cite).toBeGreaterThanOrEqual(0.97);
    expect(summary.spansValid).toBe(1);
    expect(summary.abstain).toBeGreaterThanOrEqual(0.95);
    expect(summary.falseAbstain).toBeLessThanOrEqual(0.025);
    expect(summary.tooLong).toBe(0);
    expect(summary.answer).toBeGreaterThan(baseline.answer);
  });
});
