/**
 * Dunning's log-likelihood ratio (G²) of a 2×2 contingency table: how surprising the
 * observed counts are if the two variables are independent. 3.84 is p < 0.05, 6.63 is
 * p < 0.01, 10.83 is p < 0.001 and 15.13 is p < 0.0001 (one degree of freedom).
 *
 * @param a the word in the first sample
 * @param b other words in the first sample
 * @param c the word in the second sample
 * @param d other words in the second sample
 * @example
 * logLikelihood(10, 990, 10, 9990); // ≈ 22.2
 */
export function logLikelihood(a: number, b: number, c: number, d: number): number {
  const n = a + b + c + d;
  if (n === 0) return 0;
  const cell = (observed: number, row: number, column: number) => {
    const expected = (row * column) / n;
    return observed > 0 && expected > 0 ? observed * Math.log(observed / expected) : 0;
  };
  const g2 =
    2 * (cell(a, a + b, a + c) + cell(b, a + b, b + d) + cell(c, c + d, a + c) + cell(d, c + d, b + d));
  // Rounding can make an exactly independent table a hair below zero.
  return Math.max(0, g2);
}

/** Rounds to two decimals, for reporting scores. */
export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
