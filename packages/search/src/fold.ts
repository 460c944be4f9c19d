// Curly quotes, primes and every dash-like character are mapped to their ASCII forms so
// that "China’s" and "China's", "anti–unfair" and "anti-unfair" analyse alike.
const PUNCTUATION_FOLDS: Record<string, string> = {
  "\u2018": "'",
  "\u2019": "'",
  "\u201a": "'",
  "\u201b": "'",
  "\u2032": "'",
  "\u02bc": "'",
  "\u201c": '"',
  "\u201d": '"',
  "\u201e": '"',
  "\u201f": '"',
  "\u2033": '"',
  "\u2010": "-",
  "\u2011": "-",
  "\u2012": "-",
  "\u2013": "-",
  "\u2014": "-",
  "\u2015": "-",
  "\u2212": "-",
  "\ufe58": "-",
  "\ufe63": "-",
};
const PUNCTUATION = new RegExp(`[${Object.keys(PUNCTUATION_FOLDS).join("")}]`, "g");
const COMBINING_MARKS = /\p{M}+/gu;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the whole ASCII range, control characters included
const ASCII = /^[\u0000-\u007f]*$/;

/**
 * Folds text for matching: Unicode NFKC (full-width forms, ligatures), lower case,
 * diacritics removed, curly quotes and dashes replaced by their ASCII forms. The result
 * may differ in length from the input, so offsets are never taken from it.
 *
 * @example
 * foldText("Ｃhina’s Café—Ｘ") // "china's cafe-x"
 */
export function foldText(text: string): string {
  // Most words are plain ASCII: nothing to normalise but case.
  if (ASCII.test(text)) return text.toLowerCase();
  return text
    .normalize("NFKC")
    .toLowerCase()
    .normalize("NFD")
    .replace(COMBINING_MARKS, "")
    .normalize("NFC")
    .replace(PUNCTUATION, (character) => PUNCTUATION_FOLDS[character] ?? character);
}
