// ANSI/VT escape sequences: CSI (ESC [ … final), OSC (ESC ] … BEL or ESC \), other two-byte ESC
// sequences, and the 8-bit C1 forms (U+009B CSI, U+009D OSC).
const ESCAPE_SEQUENCE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
  /(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]|(?:\u001b\]|\u009d)[^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)?|\u001b[@-Z\\-_]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Removes terminal escape sequences and control characters (keeping `\n` and `\t`),
 * including bidirectional overrides, so text from a document or a user can never
 * move the cursor, change colours or retitle the terminal.
 *
 * @example
 * stripControl("\u001b[31mred\u001b[0m\u0007") // "red"
 */
export function stripControl(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, "").replace(CONTROL, "");
}

/** Like {@link stripControl}, and also folds newlines and tabs to spaces: for one-line fields. */
export function toSingleLine(text: string): string {
  return stripControl(text).replace(/\s+/g, " ").trim();
}
