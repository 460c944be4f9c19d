/**
 * Version of the parser's output. Bump it whenever passages, sentences or ids change
 * for the same input, so caches keyed on `Corpus.hash` are rebuilt.
 */
export const PARSER_VERSION = "4";

/**
 * Version of the Chinese parser's output (`parseChineseDocument`): part of the primary
 * collection's corpus hash, so caches keyed on it are rebuilt when it changes.
 */
export const CHINESE_PARSER_VERSION = "1";
