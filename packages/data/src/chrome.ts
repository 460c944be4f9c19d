/**
 * Page chrome: lines a web page saved as text carries that are not the document
 * ("More Analysis", the share buttons, "To top"). Only whole lines that match exactly
 * are chrome, so dropping them is harmless on documents that have none.
 */

/** Whole lines (trimmed) that are dropped as page chrome. */
export const CHROME_LINES: readonly string[] = ["More Analysis", "To top", "Back to top", "Share this page"];

// Share-button labels run together, as a page's button row reads when saved as text:
// "FacebookTwitterLinkedInEmailPrintCopy Link". Three or more, so a heading "Email" stays.
const SHARE_BUTTONS =
  /^(?:(?:Facebook|Twitter|X|LinkedIn|Email|E-mail|Print|Copy ?Link|Share|WhatsApp|Reddit)[\s|·•]*){3,}$/i;

/**
 * True when a line (already trimmed) is page chrome.
 *
 * @param extra more whole lines to treat as chrome.
 * @example
 * isChromeLine("FacebookTwitterLinkedInEmailPrintCopy Link"); // → true
 */
export function isChromeLine(line: string, extra: readonly string[] = []): boolean {
  return CHROME_LINES.includes(line) || extra.includes(line) || SHARE_BUTTONS.test(line);
}
