// In a module without zod: the timeline validates its dates with it, and analytics read document dates.

const DECADE = /^(\d{3}0)s$/;
const CALENDAR_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** A parsed timeline date: a decade ("1950s"), a year, a month, or a day. */
export interface PartialDate {
  precision: "decade" | "year" | "month" | "day";
  year: number;
  month?: number;
  day?: number;
}

/**
 * Parses an ISO or partial date as the timeline writes them: "1950s" (a decade),
 * "1995", "2022-04", "2023-09-20". Returns `undefined` for anything else, including
 * impossible months and days.
 *
 * @example
 * parsePartialDate("2022-04"); // → { precision: "month", year: 2022, month: 4 }
 * parsePartialDate("1950s"); // → { precision: "decade", year: 1950 }
 */
export function parsePartialDate(date: string): PartialDate | undefined {
  const decade = DECADE.exec(date);
  if (decade) return { precision: "decade", year: Number(decade[1]) };
  const match = CALENDAR_DATE.exec(date);
  if (!match) return undefined;
  const year = Number(match[1]);
  if (match[2] === undefined) return { precision: "year", year };
  const month = Number(match[2]);
  if (month < 1 || month > 12) return undefined;
  if (match[3] === undefined) return { precision: "month", year, month };
  const day = Number(match[3]);
  // Day 0 of the next month is the last day of this one.
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) return undefined;
  return { precision: "day", year, month, day };
}
