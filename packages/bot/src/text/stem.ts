// Longest first, so "-ations" wins over "-ions".
const SUFFIXES = [
  "isations",
  "izations",
  "isation",
  "ization",
  "ational",
  "itions",
  "ition",
  "ations",
  "ation",
  "ions",
  "ion",
  "fulness",
  "iveness",
  "ments",
  "ment",
  "ness",
  "ized",
  "ised",
  "izes",
  "ises",
  "ize",
  "ise",
  "ity",
  "ers",
  "er",
  "ly",
  "al",
  "ic",
  "ive",
  "e",
  "y",
  "i",
].sort((a, b) => b.length - a.length);

const VOWEL = /[aeiou]/;

/**
 * A light English suffix stripper: folds plurals, -ing, -ed, -ly, -ation and a few
 * derivational endings so "manufacturers", "manufacturing" and "manufacture" meet, and
 * "making" meets "make". Deliberately conservative (no Porter steps 4–5): the stems also
 * decide whether the evidence covers a question, so precision matters more than recall.
 *
 * @example
 * stem("industries") // "industr"
 * stem("digitization") // "digit"
 */
export function stem(word: string): string {
  const cached = CACHE.get(word);
  if (cached !== undefined) return cached;
  const stemmed = stemUncached(word);
  // Questions bring new words; a bounded cache keeps memory flat however long the session.
  if (CACHE.size > 50_000) CACHE.clear();
  CACHE.set(word, stemmed);
  return stemmed;
}

const CACHE = new Map<string, string>();

// Irregular past forms of common verbs, so "paid" meets "pay" and "took" meets "take". Only
// forms without a common noun or adjective sense of their own ("left", "saw", "found", "led"
// and "rose" stay as they are).
const IRREGULAR: Readonly<Record<string, string>> = {
  paid: "pay",
  took: "take",
  taken: "take",
  made: "make",
  caught: "catch",
  bought: "buy",
  sold: "sell",
  grew: "grow",
  grown: "grow",
  began: "begin",
  begun: "begin",
  brought: "bring",
  gave: "give",
  built: "build",
  spent: "spend",
  won: "win",
  chose: "choose",
  chosen: "choose",
  drove: "drive",
  driven: "drive",
  wrote: "write",
  written: "write",
  spoke: "speak",
  spoken: "speak",
  sought: "seek",
  fought: "fight",
  thought: "think",
  taught: "teach",
  became: "become",
  ran: "run",
  held: "hold",
  kept: "keep",
  sent: "send",
  told: "tell",
  meant: "mean",
  arose: "arise",
  arisen: "arise",
};

function stemUncached(word: string): string {
  let w = IRREGULAR[word] ?? word;
  if (w.length <= 3 || /\d/.test(w)) return w;
  if (w.endsWith("'s")) w = w.slice(0, -2);
  // Plurals and third person.
  if (/ies$/.test(w) && w.length > 4) w = `${w.slice(0, -3)}i`;
  else if (/(ss|sh|ch|x|z)es$/.test(w)) w = w.slice(0, -2);
  else if (/[^su]s$/.test(w) && w.length > 3) w = w.slice(0, -1);
  // -ing and -ed, restoring what English spelling took away ("making" → "make", "planned" → "plan").
  const inflected = /^(.{3,}?)(ing|ed)$/.exec(w);
  if (inflected?.[1] && VOWEL.test(inflected[1])) {
    let base = inflected[1];
    if (/([bdfgmnprt])\1$/.test(base)) base = base.slice(0, -1);
    else if (base.length === 3 && /^[^aeiou][aeiou][^aeiouwxy]$/.test(base)) base = `${base}e`;
    else if (/(at|bl|iz|is|ur|ov|uc|ag|ak|ac)$/.test(base) && base.length <= 6) base = `${base}e`;
    w = base;
  }
  // Two passes, so "digitally" → "digital" → "digit" meets "digitization" → "digit".
  for (let pass = 0; pass < 2; pass++) {
    for (const suffix of SUFFIXES) {
      if (w.endsWith(suffix) && w.length - suffix.length >= 4) {
        w = w.slice(0, -suffix.length);
        break;
      }
    }
  }
  return w;
}
