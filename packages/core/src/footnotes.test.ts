import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findFootnoteMarkers, removeSpans } from "./footnotes.js";

const marked = (text: string, next?: number) =>
  findFootnoteMarkers(text, next === undefined ? {} : { next }).map((marker) => ({
    n: marker.n,
    marker: text.slice(marker.start, marker.end),
  }));

describe(findFootnoteMarkers, () => {
  it("finds a spaced marker at a paragraph end: 'middle-income trap. 1'", () => {
    expect(marked("fall victim to the middle-income trap. 1\n\nThe World Bank")).toEqual([
      { n: 1, marker: " 1" },
    ]);
  });

  it("finds a marker before the next sentence: 'shores. 2 Chinese economists'", () => {
    expect(marked("less expensive shores. 2 Chinese economists")).toEqual([{ n: 2, marker: " 2" }]);
  });

  it("finds a marker after a closing quote: 'squeeze.”3'", () => {
    expect(marked("a “two-way squeeze.”3 In this situation")).toEqual([{ n: 3, marker: "3" }]);
  });

  it("reads 'goals for 2035.7' as the year 2035 and footnote 7 when 7 is next", () => {
    const text = "development goals for 2035.7 In March 2023";
    const [marker] = findFootnoteMarkers(text, { next: 7 });
    expect(marker).toEqual({ n: 7, start: text.indexOf("7 In"), end: text.indexOf("7 In") + 1 });
    expect(removeSpans(text, marker ? [marker] : [])).toBe("development goals for 2035. In March 2023");
  });

  it("finds a marker after a colon that ends a line: 'following:12'", () => {
    expect(marked("by doing the following:12\n\n  • ensuring")).toEqual([{ n: 12, marker: "12" }]);
  });

  it("ignores decimals, times, ratios and list numbers", () => {
    expect(marked("It grew 3.5 percent by 10:30 am at a 3:2 ratio.")).toEqual([]);
    expect(marked("The index stood at 2035.7\n")).toEqual([]);
    expect(marked("Include:\n\n  1. First item\n  2. Second")).toEqual([]);
    expect(marked("It grew. 2 days later")).toEqual([]);
  });

  it("with `next`, accepts only the expected number, in sequence", () => {
    expect(marked("One.1 Two.3 Three.2 Four.3 Five.", 1).map((marker) => marker.n)).toEqual([1, 3]);
    expect(marked("One.1 Two.2 Three.2 Four.3 Five.", 1).map((marker) => marker.n)).toEqual([1, 2, 3]);
    expect(marked("It ended in 2035.7 In March", 1)).toEqual([]);
    expect(marked("One.1 Two.5 Three.", 1).map((marker) => marker.n)).toEqual([1]);
  });

  it("shifts offsets by `offset`", () => {
    expect(findFootnoteMarkers("trap.1", { offset: 100 })).toEqual([{ n: 1, start: 105, end: 106 }]);
  });

  it("never throws, and every marker is digits (with at most one space before)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme-composite" }), fc.option(fc.nat(20)), (text, next) => {
        const markers = findFootnoteMarkers(text, next === null ? {} : { next });
        for (const marker of markers) {
          expect(text.slice(marker.start, marker.end)).toMatch(/^ ?[1-9]\d{0,2}$/);
          expect(Number(text.slice(marker.start, marker.end))).toBe(marker.n);
        }
      }),
    );
  });
});

describe(removeSpans, () => {
  it("cuts spans out, ignoring those outside the text", () => {
    expect(
      removeSpans("abcdef", [
        { start: 1, end: 2 },
        { start: 4, end: 5 },
      ]),
    ).toBe("acdf");
    expect(removeSpans("abcdef", [{ start: 11, end: 12 }], 10)).toBe("acdef");
    expect(removeSpans("abc", [{ start: 50, end: 60 }])).toBe("abc");
  });
});
