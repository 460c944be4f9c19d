import { describe, expect, it } from "vitest";
import { runRetrievalEval } from "./retrieval.mjs";

// Deterministic: the same corpus, questions and index give the same ranks every run.
// The floors are the levels reached when this test was written; raise them as ranking improves.
describe("retrieval on ../shared/eval/dev.jsonl", () => {
  it("keeps recall@3 ≥ 0.95 and recall@1 ≥ 0.80, well above plain MiniSearch", async () => {
    const result = await runRetrievalEval({ print: () => {} });
    expect(result.n).toBeGreaterThanOrEqual(30);
    expect(result.newind["r@3"]).toBeGreaterThanOrEqual(0.95);
    expect(result.newind["r@1"]).toBeGreaterThanOrEqual(0.8);
    expect(result.newind["r@5"]).toBeGreaterThanOrEqual(result.newind["r@3"]);
    expect(result.newind["r@3"]).toBeGreaterThan(result.plain["r@3"]);
  });

  it("keeps recall@3 ≥ 0.90 when typos are added to every question", async () => {
    const result = await runRetrievalEval({ print: () => {} });
    expect(result.newindTypos["r@3"]).toBeGreaterThanOrEqual(0.9);
    expect(result.newindTypos["r@3"]).toBeGreaterThan(result.plainTypos["r@3"]);
  });
});
