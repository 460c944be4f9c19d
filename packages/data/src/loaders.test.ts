import { describe, expect, it } from "vitest";
import * as root from "./index.js";
import * as loaders from "./loaders.js";

describe("@newind/data/loaders", () => {
  it("exports the root entry's loaders themselves, not copies", () => {
    const rootValues: Record<string, unknown> = { ...root };
    expect(Object.keys(loaders).length).toBeGreaterThan(10);
    for (const [name, value] of Object.entries(loaders)) {
      expect(rootValues[name], name).toBe(value);
    }
  });
});
