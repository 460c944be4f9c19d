import { describe, expect, it } from "vitest";
import { layoutInput } from "./input-layout.js";

describe(layoutInput, () => {
  it("places the cursor after the prompt and the text before it", () => {
    expect(layoutInput({ text: "abc", cursor: 1 }, "› ", 80).cursor).toEqual({ x: 3, y: 0 });
  });
  it("wraps long input onto rows indented like the prompt", () => {
    const layout = layoutInput({ text: "abcdefgh", cursor: 8 }, "› ", 6);
    expect(layout.rows.map((row) => row.before + (row.at ?? "") + row.after)).toEqual(["abcd", "efgh", ""]);
    expect(layout.cursor).toEqual({ x: 2, y: 2 });
  });
  it("counts wide characters as two cells and moves one that does not fit to the next row", () => {
    const layout = layoutInput({ text: "ab新型", cursor: 4 }, "› ", 7);
    expect(layout.rows.map((row) => row.before + (row.at ?? "") + row.after)).toEqual(["ab新", "型"]);
    expect(layout.cursor).toEqual({ x: 4, y: 1 });
  });
  it("marks the grapheme under the cursor", () => {
    expect(layoutInput({ text: "a👍🏽b", cursor: 1 }, "› ", 80).rows[0]).toEqual({
      before: "a",
      at: "👍🏽",
      after: "b",
    });
  });
});
