import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  difference,
  formatMultiple,
  formatNumber,
  formatPercent,
  formatQuantity,
  formatShare,
  multiple,
  ratio,
  share,
} from "./metrics.js";

describe(share, () => {
  it("is part over whole, and formats 101 of 122 as 82.8%", () => {
    expect(share(101, 122)).toBeCloseTo(0.8279, 4);
    expect(formatShare(101, 122)).toBe("82.8%");
  });

  it("refuses a zero or non-finite whole", () => {
    expect(() => share(1, 0)).toThrow(RangeError);
    expect(() => share(1, Number.NaN)).toThrow(RangeError);
  });
});

describe(multiple, () => {
  it("says 4 vs 122 is 30.5×, in either order", () => {
    expect(formatMultiple(multiple(4, 122))).toBe("30.5×");
    expect(multiple(122, 4)).toBe(30.5);
    expect(ratio(122, 4)).toBe(30.5);
  });

  it("is at least 1 for any two positive numbers", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-6, max: 1e9, noNaN: true }),
        fc.double({ min: 1e-6, max: 1e9, noNaN: true }),
        (a, b) => {
          expect(multiple(a, b)).toBeGreaterThanOrEqual(1);
        },
      ),
    );
  });
});

describe(difference, () => {
  it("is a minus b: 50% and 9% differ by 41 points", () => {
    expect(difference(50, 9)).toBe(41);
    expect(() => difference(Number.POSITIVE_INFINITY, 1)).toThrow(RangeError);
  });
});

describe(formatQuantity, () => {
  it("formats the corpus's figures with their units", () => {
    expect(formatQuantity(650e9, "USD")).toBe("$650 billion");
    expect(formatQuantity(50, "percent")).toBe("50%");
    expect(formatQuantity(30.5, "times")).toBe("30.5×");
    expect(formatQuantity(122, "count")).toBe("122");
    expect(formatQuantity(3, "decades")).toBe("3 decades");
    expect(formatQuantity(-2.5e6, "$")).toBe("-$2.5 million");
  });

  it("drops trailing zeros and groups thousands", () => {
    expect(formatNumber(12345)).toBe("12,345");
    expect(formatNumber(1.5e12)).toBe("1.5 trillion");
    expect(formatPercent(9.0)).toBe("9%");
    expect(formatNumber(-0.01)).toBe("0");
  });
});
