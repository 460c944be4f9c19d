// Longest first, so "-ations" wins over "-ions".
const SUFFIXES = [
  "isations",
  "izations",
  "isation",
  "ization",
  "ational",
  "itions",
  "ition",
  "ions",
  "ion",
  "fulness",
  "iveness",
  "ations",
  "ation",
  "ments",
  "ment",
  "ness",
  "ings",
  "ing",
  "ized",
  "ised",
  "izes",
  "ises",
  "ize",
  "ise",
  "edly",
  "ity",
  "ers",
  "er",
  "ed",
  "ly",
  "al",
  "ic",
  "ive",
  "e",
  "y",
  "i",
].sort((a, b) => b.length - a.length);

/**
 * A light English suffix stripper: folds plurals, -ing, -ed, -ly, -ation and a few
 * derivational endings so "manufacturers", "manufacturing" and "manufacture" meet.
 * Deliberately conservative (no Porter step 4 or 5): precision matters more than recall
 * here, because the stems also decide whether the evidence covers the question.
 *
 * @example
 * stem("industries") // "industri"
 * stem("digitization") // "digit"
 */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3 || /\d/.test(w)) return w;
  if (w.endsWith("'s")) w = w.slice(0, -2);
  const rules: Array<[RegExp, string]> = [
    [/ies$/, "i"],
    [/ied$/, "i"],
    [/(ss)es$/, "$1"],
    [/([^aeiou])es$/, "$1e"],
    [/([^su])s$/, "$1"],
  ];
  for (const [pattern, replacement] of rules) {
    if (pattern.test(w) && w.length > 4) {
      w = w.replace(pattern, replacement);
      break;
    }
  }
  // Two passes, so "digitally" -> "digital" -> "digit" meets "digitization" -> "digit".
  for (let pass = 0; pass < 2; pass++) {
    for (const suffix of SUFFIXES) {
      if (w.endsWith(suffix) && w.length - suffix.length >= 4) {
        w = w.slice(0, -suffix.length);
        break;
      }
    }
  }
  // Undouble a final consonant left by -ing/-ed ("planned" -> "plan").
  if (/([bdfglmnprt])\1$/.test(w) && w.length > 4) w = w.slice(0, -1);
  return w;
}
