import { describe, expect, it } from "vitest";
import { z } from "zod";
import { formatZodError } from "./format-zod-error.js";

const Records = z.array(z.object({ id: z.string(), evidence: z.object({ quote: z.string().min(1) }) }));

describe(formatZodError, () => {
  it("names the file, the record (with its id) and the field", () => {
    const data = [
      { id: "ok", evidence: { quote: "x" } },
      { id: "automakers-2020", evidence: { quote: "" } },
    ];
    const result = Records.safeParse(data);
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(formatZodError("datasets/metrics.json", result.error, data)).toMatch(
      /^datasets\/metrics\.json: record \[1\] \(id "automakers-2020"\), field "evidence\.quote": .+/,
    );
  });

  it("writes one line per issue, and copes with issues at the root", () => {
    const result = z.object({ version: z.literal(1), documents: z.array(z.string()) }).safeParse({});
    if (result.success) throw new Error("expected a failure");
    const lines = formatZodError("manifest.json", result.error).split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^manifest\.json: field "version": /);
    const root = z.string().safeParse(1);
    if (root.success) throw new Error("expected a failure");
    expect(formatZodError("x.json", root.error)).toMatch(/^x\.json: \S/);
  });
});
