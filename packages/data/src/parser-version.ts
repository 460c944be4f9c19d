/**
 * Version of the parser's output. Bump it whenever passages, sentences or ids change
 * for the same input, so caches keyed on `Corpus.hash` are rebuilt.
 */
export const PARSER_VERSION = "2";
