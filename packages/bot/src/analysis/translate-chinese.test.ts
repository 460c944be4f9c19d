import { describe, expect, it } from "vitest";
import { chineseDates, chineseOrdinals } from "./translate-chinese.js";

describe(chineseDates, () => {
  it("reads Chinese decades and years as the digits English questions use", () => {
    expect(chineseDates("上世纪80年代").trim()).toBe("1980s");
    expect(chineseDates("二十世纪90年代的改革").trim()).toBe("1990s 的改革");
    expect(chineseDates("2000年代").trim()).toBe("2000s");
    expect(chineseDates("2023年，谁").trim()).toBe("2023 ，谁");
  });
});

describe(chineseOrdinals, () => {
  it("reads an ordinal before a list noun, not inside a larger number", () => {
    expect(chineseOrdinals("第二个要素").replace(/\s+/g, " ").trim()).toBe("second 要素");
    expect(chineseOrdinals("第二十次党代会")).toBe("第二十次党代会");
  });
});
