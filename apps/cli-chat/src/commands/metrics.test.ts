import { describe, expect, it } from "vitest";
import { fakeCorpus } from "../chat/testing/fake-corpus.js";
import { run as metrics } from "./metrics.js";
import { runCommand } from "./testing/run-command.js";
import { run as timeline } from "./timeline.js";

async function capture(command: typeof metrics, argv: string[]): Promise<{ code: number; output: string }> {
  const { code, stdout } = await runCommand(command, argv, { loadCorpus: async () => fakeCorpus });
  return { code, output: stdout };
}

describe("newind metrics", () => {
  it("prints the table with bars, the same view as /metrics", async () => {
    const { code, output } = await capture(metrics, ["metrics"]);
    expect(code).toBe(0);
    expect(output).toContain("In manufacturers");
    expect(output).toMatch(/Auto manufacturers in China \(2020\) +122 █+ ¶3/);
  });
  it("prints {metrics: [...]} straight from the datasets with --json", async () => {
    const { output } = await capture(metrics, ["metrics", "--json"]);
    expect(JSON.parse(output)).toEqual({ metrics: fakeCorpus.datasets.metrics });
  });
});

describe("newind timeline", () => {
  it("prints the dated events as a timeline", async () => {
    const { code, output } = await capture(timeline, ["timeline"]);
    expect(code).toBe(0);
    expect(output.indexOf("1995 ●")).toBeLessThan(output.indexOf("2002 ●"));
  });
  it("prints {timeline: [...]} with --json", async () => {
    const { output } = await capture(timeline, ["timeline", "--json"]);
    expect(JSON.parse(output)).toEqual({ timeline: fakeCorpus.datasets.timeline });
  });
});
