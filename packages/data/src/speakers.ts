/**
 * Block-quote attribution: a paragraph introduced by a lead-in that ends with ":" and
 * says someone speaks ("Jin discussed the issue in a November 2023 interview:") is a
 * quote, and the lead-in names its speaker.
 */

const SPEECH =
  /\b(?:said|says|say|stated|states|told|tells|wrote|writes|explained|explains|noted|notes|argued|argues|remarked|added|declared|discussed|discusses|commented|observed|put it|interview|speech|remarks|statement|testimony|address)\b/i;
const NAME_WORD = String.raw`\p{Lu}[\p{L}’'.-]*`;
const VERBS =
  "said|says|stated|states|told|tells|wrote|writes|explained|explains|noted|notes|argued|argues|remarked|added|declared|discussed|discusses|commented|observed|put";
// A run of capitalised words right before a speech verb: "Jin discussed", "Xi Jinping said".
const NAME_BEFORE_VERB = new RegExp(
  String.raw`(${NAME_WORD}(?:\s+${NAME_WORD})*)\s+(?:(?:has|had|once|also|then)\s+)?(?:${VERBS})\b`,
  "gu",
);
// Capitalised words that start sentences or are titles, never a speaker's name.
const NOT_NAMES = new Set(
  (
    "The A An This That These Those It In On At As But And Or So Then Also When While After Before " +
    "Since For Of To By With According Here There Minister President Premier Chairman Secretary " +
    "Director General Mr. Mrs. Ms. Dr. Prof. Chinese American Party State"
  ).split(" "),
);

/**
 * True when a lead-in paragraph introduces a quotation: it ends with ":" (footnote
 * markers already removed) and mentions speaking, saying, an interview or a speech.
 */
export function introducesQuote(leadIn: string): boolean {
  return leadIn.trimEnd().endsWith(":") && SPEECH.test(leadIn);
}

/**
 * The speaker a quote lead-in names, completed from the document when the lead-in
 * uses a short form: "Jin discussed…" + an earlier "Jin Zhuanglong" → "Jin Zhuanglong".
 *
 * @param leadIn the clean text of the lead-in paragraph.
 * @param context text to complete short names from (typically the document up to the lead-in).
 * @returns the speaker's name, or undefined when the lead-in names no one.
 */
export function findSpeaker(leadIn: string, context: string): string | undefined {
  let name: string | undefined;
  for (const match of leadIn.matchAll(NAME_BEFORE_VERB)) {
    const words = (match[1] ?? "").split(/\s+/).filter((word) => !NOT_NAMES.has(word));
    if (words.length > 0) name = words.join(" ");
  }
  if (name === undefined) return undefined;
  if (name.includes(" ")) return name;
  return completeName(name, context) ?? name;
}

/** The most frequent two-word name in `context` that contains `short` ("Jin" → "Jin Zhuanglong"). */
function completeName(short: string, context: string): string | undefined {
  const escaped = short.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const word = String.raw`\p{Lu}\p{Ll}+`;
  const pattern = new RegExp(
    String.raw`(?<![\p{L}])(?:${escaped}\s+(${word})|(${word})\s+${escaped})(?![\p{L}’'])`,
    "gu",
  );
  const counts = new Map<string, number>();
  for (const match of context.matchAll(pattern)) {
    const other = match[1] ?? match[2];
    if (other === undefined || NOT_NAMES.has(other)) continue;
    const full = match[1] !== undefined ? `${short} ${other}` : `${other} ${short}`;
    counts.set(full, (counts.get(full) ?? 0) + 1);
  }
  let best: string | undefined;
  let bestCount = 0;
  for (const [full, count] of counts) {
    if (count > bestCount) {
      best = full;
      bestCount = count;
    }
  }
  return best;
}
