import { describe, expect, it } from "vitest";
import * as root from "./index.js";
import * as schemas from "./schemas.js";
import * as text from "./text.js";

describe("@newind/core/text", () => {
  it("exports every value of the root entry except the zod schemas, the same objects", () => {
    const schemaNames = new Set(Object.keys(schemas));
    const rootValues: Record<string, unknown> = { ...root };
    const textValues: Record<string, unknown> = { ...text };
    const expected = Object.keys(rootValues).filter((name) => !schemaNames.has(name));
    expect(Object.keys(textValues).sort()).toEqual(expected.sort());
    for (const name of expected) expect(textValues[name], name).toBe(rootValues[name]);
  });
});
