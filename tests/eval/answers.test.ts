import { describe, expect, it } from "vitest";
import { gradeSet, HAS_SHARED, SETS } from "./shared-graders.mjs";

// Every question set through the shared graders (../shared/eval/grade.mjs, grade-docs.mjs),
// against the built `newind` binary: the same rules that judge the project. Deterministic, so
// the floors are the levels measured when the model was last fitted, less about one question
// of each set: a real regression fails here. Raise them with the model; never lower them to go
// green. On `fitted` sets these are in-sample figures (the honest ones are cross-validated, in
// `pnpm eval`); on held-out sets they are the honest estimate.
const FLOORS: Record<string, { answer: number; cite: number; abstain?: number; falseAbstain?: number }> = {
  dev: { answer: 0.74, cite: 0.83, abstain: 0.59, falseAbstain: 0.03 },
  "dev-abstain": { answer: 0, cite: 0, abstain: 0.5, falseAbstain: 0.07 },
  // Lowered with the refit of 2026-12-07 (in-sample cite 0.733 → 0.711, false abstention 0.089 →
  // 0.122) while bank-a's cross-validated figures held (0.611/0.711/0.367/0.133 →
  // 0.622/0.711/0.367/0.133) and the held-out sets rose: see docs/measurements.md.
  "bank-a": { answer: 0.6, cite: 0.7, abstain: 0.38, falseAbstain: 0.13 },
  "bank-b": { answer: 0.66, cite: 0.76, abstain: 0.3, falseAbstain: 0.09 },
  "other-docs": { answer: 0.63, cite: 0.78, abstain: 0.25, falseAbstain: 0.02 },
  "holdout-builtin": { answer: 0.7, cite: 0.8, abstain: 0.45, falseAbstain: 0.06 },
  "holdout-builtin-final": { answer: 0.62, cite: 0.75, abstain: 0.27, falseAbstain: 0.11 },
  "holdout-final-docs": { answer: 0.7, cite: 0.69, abstain: 0.25, falseAbstain: 0.02 },
  "other-docs-2": { answer: 0.71, cite: 0.73, abstain: 0.12, falseAbstain: 0.03 },
  "written-docs": { answer: 0.42, cite: 0.55, abstain: 0.17, falseAbstain: 0.05 },
  primary: { answer: 0.34, cite: 0.34, abstain: 0.17, falseAbstain: 0.1 },
  "primary-2": { answer: 0.3, cite: 0.38, abstain: 0.09, falseAbstain: 0.12 },
  "holdout-primary": { answer: 0.37, cite: 0.43, abstain: 0.13, falseAbstain: 0.17 },
  "validation-unseen-1": { answer: 0.71, cite: 0.76, abstain: 0.64, falseAbstain: 0.06 },
  "validation-unseen-2": { answer: 0.72, cite: 0.79, abstain: 0.41, falseAbstain: 0.03 },
};

describe.skipIf(!HAS_SHARED)("every question set, through the shared graders", () => {
  for (const set of SETS) {
    it(`${set.name}: spans exact, answers and citations at their floors`, () => {
      const floor = FLOORS[set.name];
      expect(floor, `a floor for ${set.name}`).toBeDefined();
      const { summary, output } = gradeSet(set);
      expect(summary.n, output).toBeGreaterThan(0);
      expect(summary.missing ?? 0, output).toBe(0);
      if (summary.spansValid !== 0) expect(summary.spansValid, output).toBe(1);
      expect(summary.answer, output).toBeGreaterThanOrEqual(floor?.answer ?? 1);
      expect(summary.cite, output).toBeGreaterThanOrEqual(floor?.cite ?? 1);
      if (floor?.abstain !== undefined) expect(summary.abstain, output).toBeGreaterThanOrEqual(floor.abstain);
      if (floor?.falseAbstain !== undefined)
        expect(summary.falseAbstain, output).toBeLessThanOrEqual(floor.falseAbstain);
    });
  }
});

describe.runIf(!HAS_SHARED)("without ../shared beside the repository", () => {
  it("says that the question-set floors are not checked, and why", () => {
    console.log(
      "the question-set floors need ../shared/eval (the shared graders) beside the repository: not checked",
    );
    expect(HAS_SHARED).toBe(false);
  });
});
