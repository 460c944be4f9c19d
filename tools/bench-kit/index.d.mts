/**
 * A small, fast, seeded pseudo-random number generator (mulberry32): the same seed gives
 * the same sequence on every machine.
 *
 * @returns a function returning numbers in [0, 1)
 */
export declare function seededRandom(seed: number): () => number;
