/** Options of `SearchIndex.searchCitations`. */
export interface SearchOptions {
  /** How many hits at most (default 5). */
  limit?: number;
  /** Only hits from these documents. */
  docIds?: readonly string[];
}

/** Options of `createSearchIndex`. */
export interface SearchIndexOptions {
  /**
   * Weight of a sentence's passage in its score (default 0.3): how strongly the passage as
   * a whole matches (a list item's passage includes the paragraph that introduces the list),
   * relative to the best passage. Context for sentences that say "this" or "the following".
   */
  passageWeight?: number;
}

/** {@link SearchOptions} checked, with defaults filled in. */
export interface CheckedSearchOptions {
  limit: number;
  docIds: ReadonlySet<string> | undefined;
}

/**
 * Checks the options of `searchCitations` at the boundary: `undefined` and `null` mean the
 * defaults; a `limit` that is not a number, or is NaN or negative, and `docIds` that is not
 * an array of strings, are programming mistakes and throw — a `TypeError` for the wrong
 * type, a `RangeError` for a number out of range — instead of quietly returning nothing.
 *
 * @example
 * checkSearchOptions({ limit: 3 }, 5).limit // 3
 * checkSearchOptions({ limit: Number.NaN }, 5) // throws RangeError
 */
export function checkSearchOptions(
  options: SearchOptions | null | undefined,
  defaultLimit: number,
): CheckedSearchOptions {
  if (options === undefined || options === null) return { limit: defaultLimit, docIds: undefined };
  if (typeof options !== "object") {
    throw new TypeError(`searchCitations: options must be an object, not ${typeof options}`);
  }
  const limit = checkLimit(options.limit, defaultLimit, "searchCitations");
  const { docIds } = options;
  if (docIds === undefined || docIds === null) return { limit, docIds: undefined };
  if (!Array.isArray(docIds) || docIds.some((id) => typeof id !== "string")) {
    throw new TypeError("searchCitations: docIds must be an array of document ids (strings)");
  }
  return { limit, docIds: new Set(docIds) };
}

/**
 * A result count: `undefined` is the default; otherwise a number from 0 up (fractions are
 * rounded down, `Infinity` means all). Anything else throws, naming `caller`.
 */
export function checkLimit(limit: unknown, defaultLimit: number, caller: string): number {
  if (limit === undefined) return defaultLimit;
  if (typeof limit !== "number") {
    throw new TypeError(`${caller}: limit must be a number, not ${typeof limit} ${JSON.stringify(limit)}`);
  }
  if (Number.isNaN(limit) || limit < 0) {
    throw new RangeError(`${caller}: limit must be a number from 0 up, not ${limit}`);
  }
  return Math.floor(limit);
}

/** The options of `createSearchIndex`, checked: `passageWeight` must be a finite number from 0 up. */
export function checkIndexOptions(options: SearchIndexOptions | null | undefined): SearchIndexOptions {
  if (options === undefined || options === null) return {};
  if (typeof options !== "object") {
    throw new TypeError(`createSearchIndex: options must be an object, not ${typeof options}`);
  }
  const { passageWeight } = options;
  if (passageWeight !== undefined) {
    if (typeof passageWeight !== "number") {
      throw new TypeError(`createSearchIndex: passageWeight must be a number, not ${typeof passageWeight}`);
    }
    if (!Number.isFinite(passageWeight) || passageWeight < 0) {
      throw new RangeError(
        `createSearchIndex: passageWeight must be a finite number from 0 up, not ${passageWeight}`,
      );
    }
  }
  return options;
}
