import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { layoutInput } from "./input-layout.js";
import { textWidth } from "./text-width.js";

const rowText = (row: { before: string; at: string | undefined; after: string }) =>
  row.before + (row.at ?? "") + row.after;

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
  it("breaks rows between words, moving a word that does not fit to the next row whole", () => {
    const layout = layoutInput({ text: "the road toward new industrialization", cursor: 0 }, "› ", 16);
    expect(layout.rows.map(rowText)).toEqual(["the road ", "toward new ", "industrializat", "ion"]);
    // A space that does not fit hangs at the end of its row: no row starts with one.
    const spaced = layoutInput({ text: "abcd efgh ijkl", cursor: 14 }, "› ", 6);
    expect(spaced.rows.map(rowText)).toEqual(["abcd", "efgh", "ijkl", ""]);
  });

  it("keeps every character, row after row, within the width, with the cursor on its cell (property)", () => {
    const piece = fc.constantFrom("word", "a", " ", "  ", "新型", "👍🏽", "industrialization", "e\u0301");
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 40 }).map((parts) => parts.join("")),
        fc.integer({ min: 4, max: 40 }),
        fc.nat(),
        (text, width, at) => {
          const graphemeStarts = [...new Intl.Segmenter().segment(text)].map((part) => part.index);
          const cursor = [...graphemeStarts, text.length][at % (graphemeStarts.length + 1)] as number;
          const layout = layoutInput({ text, cursor }, "› ", width);
          // Every character is drawn, but spaces hanging past the end of a row.
          expect(layout.rows.map(rowText).join("").replace(/\s/g, "")).toBe(text.replace(/\s/g, ""));
          const columns = Math.max(4, width);
          for (const row of layout.rows) expect(2 + textWidth(rowText(row))).toBeLessThanOrEqual(columns);
          const cursorRow = layout.rows[layout.cursor.y];
          expect(cursorRow?.at).toBeDefined();
          expect(layout.cursor.x).toBe(2 + textWidth(cursorRow?.before ?? ""));
          expect(layout.cursor.x).toBeLessThan(columns);
        },
      ),
    );
  });
});
