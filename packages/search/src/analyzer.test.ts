import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzeText, surfaceWords, termsOfWord, tokenizeWords } from "./analyzer.js";
import { foldText } from "./fold.js";

describe(foldText, () => {
  it("applies NFKC, folds case and diacritics, and normalises curly quotes and dashes", () => {
    expect(foldText("Ｃhina’s Café—“Ｘ”")).toBe('china\'s cafe-"x"');
  });
});

describe(analyzeText, () => {
  it("stems, drops stop words and spells percent signs out", () => {
    expect(analyzeText("Of those 122 manufacturers, 101 were running at less than 60% capacity.")).toEqual([
      "122",
      "manufactur",
      "101",
      "run",
      "less",
      "60",
      "percent",
      "capac",
    ]);
  });

  it('makes "60 percent" and "60%" alike', () => {
    expect(analyzeText("60 percent")).toEqual(analyzeText("60%"));
  });

  it("drops thousands separators and keeps currency as a word", () => {
    expect(analyzeText("2,000")).toEqual(["2000"]);
    expect(analyzeText("$650 billion")).toEqual(["dollar", "650", "billion"]);
  });

  it("keeps codes like 5G whole and normalises number words", () => {
    expect(analyzeText("5G networks")).toEqual(["5g", "network"]);
    expect(analyzeText("three decades")).toEqual(["3", "decad"]);
  });

  it("indexes hyphenated compounds whole and split, whatever the dash", () => {
    expect(analyzeText("middle-income")).toEqual(["middleincom", "middl", "incom"]);
    expect(analyzeText("anti–unfair")).toEqual(analyzeText("anti-unfair"));
    expect(tokenizeWords("protectionism—particularly").map((token) => token.raw)).toEqual([
      "protectionism",
      "particularly",
    ]);
  });

  it("folds possessives and British -isation spellings", () => {
    expect(analyzeText("China’s industrialisation")).toEqual(analyzeText("China's industrialization"));
  });

  it("segments Chinese into words and character bigrams", () => {
    const terms = analyzeText("新型工业化");
    expect(terms).toContain("工业");
    expect(terms).toContain("新型");
    expect(terms).toContain("业化");
  });

  it("splits Latin digits from Chinese characters they touch", () => {
    expect(tokenizeWords("21世纪初").map((token) => [token.raw, token.han])).toEqual([
      ["21", false],
      ["世纪初", true],
    ]);
  });

  it("analyses Object.prototype's property names as the words they are", () => {
    expect(analyzeText("constructor toString hasOwnProperty __proto__ valueOf")).toEqual([
      "constructor",
      "tostr",
      "hasownproperti",
      "proto",
      "valueof",
    ]);
  });

  it("never throws, and every token is exactly the text at its offsets", () => {
    // Arbitrary text, and text made of the words that find a plain object's prototype.
    const prototypeWords = fc
      .array(
        fc.constantFrom("constructor", "__proto__", "toString", "hasOwnProperty", "valueOf", " ", "BYD"),
        {
          maxLength: 12,
        },
      )
      .map((words) => words.join(" "));
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary", maxLength: 300 }), prototypeWords), (text) => {
        for (const token of tokenizeWords(text)) {
          expect(text.slice(token.start, token.end)).toBe(token.raw);
          for (const term of termsOfWord(token)) expect(typeof term).toBe("string");
        }
        expect(analyzeText(text).every((term) => typeof term === "string")).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("gives no terms for punctuation, whitespace or emoji only", () => {
    expect(analyzeText("  ?!… — 🙂🚀 \u0007")).toEqual([]);
  });
});

describe(surfaceWords, () => {
  it("joins initials and splits other periods", () => {
    expect(surfaceWords("U.S.")).toEqual(["us"]);
    expect(surfaceWords("2.5")).toEqual(["2.5"]);
  });
});
