// ANSI/VT escape sequences, in the order a terminal's parser tells them apart:
// - CSI: ESC [ (or 8-bit U+009B), parameters, intermediates, a final byte;
// - OSC: ESC ] (or U+009D) … up to BEL or ST (ESC \ or U+009C);
// - DCS, SOS, PM and APC strings: ESC P, ESC X, ESC ^, ESC _ (or U+0090, U+0098, U+009E,
//   U+009F) … up to ST — their text is the terminal's, never the reader's, so it goes too;
// - every other escape: ESC, any intermediate bytes (0x20–0x2F), one final byte
//   (0x30–0x7E) — ESC 7 and ESC 8 (save and restore the cursor), ESC c (reset), ESC ( B …
// A string left unterminated is cut at the next ESC (where a terminal would end it too).
const ESCAPE_SEQUENCE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
  /(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]|(?:\u001b\]|\u009d)[^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)?|(?:\u001b[PX^_]|[\u0090\u0098\u009e\u009f])[^\u001b\u009c]*(?:\u001b\\|\u009c)?|\u001b[ -/]*[0-~]/g;
// Controls that separate words where they stand (carriage return, vertical tab, form feed,
// NUL, backspace, next line): a space keeps "BYD\rstarted" from reading "BYDstarted".
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const SEPARATING_CONTROL = /[\u0000\u0008\u000b\u000c\r\u0085]/g;
// Every other control character (keeping \n and \t) and the bidirectional overrides.
const CONTROL =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
  /[\u0001-\u0007\u000e-\u001f\u007f-\u0084\u0086-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Makes text safe to write to a terminal: escape sequences (CSI, OSC, DCS, SOS, PM, APC
 * and the two-byte ones such as `ESC 7`) are removed with everything they carry; control
 * characters that separate words (CR, VT, FF, NUL, BS, NEL) become spaces; other control
 * characters and bidirectional overrides are removed. `\n` and `\t` are kept. Text from a
 * document or a user then can never move the cursor, change colours or retitle the
 * terminal, and words either side of a control character stay apart.
 *
 * @example
 * stripControl("\u001b[31mred\u001b[0m\u0007") // "red"
 * stripControl("BYD\rstarted") // "BYD started"
 */
export function stripControl(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, "").replace(SEPARATING_CONTROL, " ").replace(CONTROL, "");
}

/** Like {@link stripControl}, and also folds newlines and tabs to spaces: for one-line fields. */
export function toSingleLine(text: string): string {
  return stripControl(text).replace(/\s+/g, " ").trim();
}

// What escapeControl shows: C0 and C1 controls, DEL, line and paragraph separators,
// bidirectional marks and overrides, and the byte-order mark.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const SHOWN_ESCAPED = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;
const NAMED: ReadonlyMap<string, string> = new Map([
  ["\n", "\\n"],
  ["\r", "\\r"],
  ["\t", "\\t"],
  ["\u001b", "\\e"],
]);

/**
 * Shows control characters instead of removing them: for names the user must recognise
 * (a file path, an option they typed) in a one-line message. ESC becomes `\e`, a newline
 * `\n`, other controls `\xHH` or `\uHHHH`; everything else is kept. The result holds no
 * control character, so it is safe to print.
 *
 * @example
 * escapeControl("notes\u001b]0;x\u0007.md") // "notes\\e]0;x\\x07.md"
 */
export function escapeControl(text: string): string {
  return text.replace(SHOWN_ESCAPED, (character) => {
    const named = NAMED.get(character);
    if (named !== undefined) return named;
    const code = character.charCodeAt(0);
    return code <= 0xff
      ? `\\x${code.toString(16).padStart(2, "0")}`
      : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}
