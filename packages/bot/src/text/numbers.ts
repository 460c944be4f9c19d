/** What sort of figure a number in a text is. */
export type FigureKind = "year" | "percent" | "money" | "duration" | "count";

/** A figure found in a text: its kind, value and where it sits. */
export interface Figure {
  kind: FigureKind;
  value: number;
  text: string;
  index: number;
}

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  hundred: 100,
  dozens: 24,
  dozen: 12,
  half: 50,
};

const UNIT_DURATION = /^\s*(?:more\s+)?(?:years?|decades?|months?|weeks?|days?|centuries|century)\b/i;
const UNIT_PERCENT = /^\s*(?:%|percent\b|per cent\b|percentage points?\b)/i;
const UNIT_MONEY = /^\s*(?:billion|million|trillion|thousand)?\s*(?:dollars|yuan|rmb|usd|euros?)\b/i;
const SCALE = /^\s*(?:billion|million|trillion)\b/i;

/**
 * Finds the figures of a text: years ("2006", "1950s"), percentages ("9 percent", "60%"),
 * money ("$650 billion"), durations ("three decades", "30 years") and counts ("122
 * manufacturers"). Alphanumerics such as "5G" and ordinals are not figures.
 *
 * @example
 * findFigures("101 were running at less than 60 percent capacity").map((f) => f.kind) // ["count", "percent"]
 */
export function findFigures(text: string): Figure[] {
  const figures: Figure[] = [];
  const pattern = /(\$)?\b(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(s)?(?![\p{L}\d])|\b([a-z]+)\b/giu;
  for (const match of text.matchAll(pattern)) {
    const index = match.index ?? 0;
    const after = text.slice(index + match[0].length, index + match[0].length + 40);
    if (match[4] !== undefined) {
      const word = match[4].toLowerCase();
      const value = NUMBER_WORDS[word];
      if (value === undefined) continue;
      if (word === "one" && !UNIT_DURATION.test(after)) continue; // "one banner", "one is to…"
      if (UNIT_DURATION.test(after)) figures.push({ kind: "duration", value, text: match[0], index });
      else if (UNIT_PERCENT.test(after)) figures.push({ kind: "percent", value, text: match[0], index });
      else if (word !== "half") figures.push({ kind: "count", value, text: match[0], index });
      continue;
    }
    const digits = match[2] ?? "";
    const value = Number(digits.replace(/,/g, ""));
    if (!Number.isFinite(value)) continue;
    const decade = match[3] === "s";
    if (match[1] === "$" || UNIT_MONEY.test(after) || (match[1] === "$" && SCALE.test(after))) {
      figures.push({ kind: "money", value, text: match[0], index });
    } else if (UNIT_PERCENT.test(after)) {
      figures.push({ kind: "percent", value, text: match[0], index });
    } else if (!decade && /^\d{4}$/.test(digits) && value >= 1800 && value <= 2100) {
      figures.push({ kind: "year", value, text: match[0], index });
    } else if (decade && value >= 1800 && value <= 2100 && value % 10 === 0) {
      figures.push({ kind: "year", value, text: match[0], index });
    } else if (UNIT_DURATION.test(after)) {
      figures.push({ kind: "duration", value, text: match[0], index });
    } else {
      figures.push({ kind: "count", value, text: match[0], index });
    }
  }
  return figures;
}

const MONTHS =
  "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec";

/** True when the text names a point in time: a year, a decade, or a month. */
export function hasDate(text: string): boolean {
  return (
    new RegExp(`\\b(?:${MONTHS})\\b\\.?\\s+(?:\\d{1,2},\\s*)?\\d{4}`, "i").test(text) ||
    /\b(?:1[89]|20)\d{2}s?\b/.test(text) ||
    /\b(?:early|mid|late)-?\s*(?:\d{4}s|(?:nineteen|twenty)\w*)\b/i.test(text)
  );
}

/** The years a text mentions ("1950s" gives 1950). */
export function yearsIn(text: string): number[] {
  const years: number[] = [];
  for (const match of text.matchAll(/\b((?:1[89]|20)\d{2})s?\b/g)) years.push(Number(match[1]));
  return years;
}
