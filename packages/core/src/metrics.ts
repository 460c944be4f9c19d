/**
 * Small, exact helpers for the numbers answers quote: shares, ratios, differences,
 * and their formatting with units. Formatting is locale-independent (always en-US),
 * so answers and tests are the same on every machine.
 */

function assertFinite(name: string, value: number): void {
  if (!Number.isFinite(value)) throw new RangeError(`${name} must be a finite number, got ${value}`);
}

/**
 * The fraction `part / whole`, between 0 and 1 when `part <= whole`.
 *
 * @throws RangeError when `whole` is 0 or either number is not finite.
 * @example
 * share(101, 122); // → 0.8278…
 */
export function share(part: number, whole: number): number {
  assertFinite("part", part);
  assertFinite("whole", whole);
  if (whole === 0) throw new RangeError("whole must not be 0");
  return part / whole;
}

/**
 * `a / b`.
 *
 * @throws RangeError when `b` is 0 or either number is not finite.
 * @example
 * ratio(122, 4); // → 30.5
 */
export function ratio(a: number, b: number): number {
  assertFinite("a", a);
  assertFinite("b", b);
  if (b === 0) throw new RangeError("b must not be 0");
  return a / b;
}

/**
 * How many times larger the larger of two positive numbers is than the smaller,
 * whichever order they come in.
 *
 * @throws RangeError when either number is not positive and finite.
 * @example
 * multiple(4, 122); // → 30.5
 */
export function multiple(a: number, b: number): number {
  assertFinite("a", a);
  assertFinite("b", b);
  if (a <= 0 || b <= 0) throw new RangeError("multiple needs two positive numbers");
  return Math.max(a, b) / Math.min(a, b);
}

/**
 * `a - b`.
 *
 * @throws RangeError when either number is not finite.
 * @example
 * difference(50, 9); // → 41
 */
export function difference(a: number, b: number): number {
  assertFinite("a", a);
  assertFinite("b", b);
  return a - b;
}

const SCALES: readonly [number, string][] = [
  [1e12, "trillion"],
  [1e9, "billion"],
  [1e6, "million"],
];

/**
 * Formats a number for prose: at most `digits` decimals (default 1, trailing zeros
 * dropped), thousands separators, and "million" / "billion" / "trillion" from a million up.
 *
 * @example
 * formatNumber(650e9); // → "650 billion"
 * formatNumber(12345); // → "12,345"
 * formatNumber(82.786); // → "82.8"
 */
export function formatNumber(value: number, digits = 1): string {
  assertFinite("value", value);
  const format = (n: number) =>
    new Intl.NumberFormat("en-US", { maximumFractionDigits: digits, useGrouping: true }).format(n);
  const magnitude = Math.abs(value);
  for (const [scale, word] of SCALES) {
    if (magnitude >= scale) return `${format(value / scale)} ${word}`;
  }
  // Intl formats a rounded-away negative zero as "-0".
  return format(value).replace(/^-0$/, "0");
}

/**
 * Formats a percentage value (already in percent, e.g. 82.786) as "82.8%".
 *
 * @example
 * formatPercent(50); // → "50%"
 */
export function formatPercent(percent: number, digits = 1): string {
  return `${formatNumber(percent, digits)}%`;
}

/**
 * Formats `part` of `whole` as a percentage.
 *
 * @example
 * formatShare(101, 122); // → "82.8%"
 */
export function formatShare(part: number, whole: number, digits = 1): string {
  return formatPercent(share(part, whole) * 100, digits);
}

/**
 * Formats a multiple as "30.5×".
 *
 * @example
 * formatMultiple(multiple(4, 122)); // → "30.5×"
 */
export function formatMultiple(value: number, digits = 1): string {
  return `${formatNumber(value, digits)}×`;
}

/**
 * Formats a value with its unit, the way an answer says it. Known units:
 * `percent` / `%` → "82.8%"; `USD` / `$` → "$650 billion"; `CNY` / `RMB` / `yuan` →
 * "¥3 trillion"; `times` / `x` / `×` → "30.5×"; `count` / empty → the bare number;
 * anything else is appended as a word ("3 decades").
 *
 * @example
 * formatQuantity(650e9, "USD"); // → "$650 billion"
 * formatQuantity(50, "percent"); // → "50%"
 * formatQuantity(3, "decades"); // → "3 decades"
 */
export function formatQuantity(value: number, unit: string, digits = 1): string {
  const normalized = unit.trim();
  switch (normalized.toLowerCase()) {
    case "percent":
    case "%":
      return formatPercent(value, digits);
    case "usd":
    case "$":
      return value < 0 ? `-$${formatNumber(-value, digits)}` : `$${formatNumber(value, digits)}`;
    case "cny":
    case "rmb":
    case "yuan":
      return value < 0 ? `-¥${formatNumber(-value, digits)}` : `¥${formatNumber(value, digits)}`;
    case "times":
    case "x":
    case "×":
      return formatMultiple(value, digits);
    case "":
    case "count":
      return formatNumber(value, digits);
    default:
      return `${formatNumber(value, digits)} ${normalized}`;
  }
}
