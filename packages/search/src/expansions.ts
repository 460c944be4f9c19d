import type { Corpus } from "@newind/core";
import { analyzeText, segmentChinese } from "./analyzer.js";

/** One expansion: when a query contains `pattern` (analysed terms, in order), add `targets`. */
export interface ExpansionRule {
  pattern: string[];
  targets: string[][];
  /** Where the rule comes from: an entity, the glossary, or an acronym found in the corpus. */
  source: "entity" | "glossary" | "acronym";
}

/** A Chinese form (matched as a substring of the query) and the English terms it stands for. */
export interface ChineseRule {
  form: string;
  targets: string[][];
  source: "entity" | "glossary";
}

/** Serialisable expansion table built by {@link buildExpansions}. */
export interface ExpansionTable {
  rules: ExpansionRule[];
  chinese: ChineseRule[];
  /** Initials of the corpus's capitalised names ("iea" → International Energy Agency). */
  initials: Array<[initials: string, terms: string[]]>;
}

const HAN = /\p{Script=Han}/u;
const ACRONYM = /^[A-Z][A-Za-z]*[A-Z]s?$|^[A-Z]{2,}s?$/;
// "Ministry of Industry and Information Technology (MIIT" / "electric vehicle (EV": a
// parenthesised acronym after the words it abbreviates.
const PARENTHESISED_ACRONYM = /\(([A-Z][A-Za-z]{0,2}[A-Z]{1,6})s?[,)]/g;
const CAPITALISED_NAME = /\b[A-Z][\p{L}'’-]+(?:\s+(?:(?:of|and|for|the|on|in|de)\s+)?[A-Z][\p{L}'’-]+)+/gu;
const CONNECTORS = new Set(["of", "and", "for", "the", "on", "in", "de"]);

function unique(lists: string[][]): string[][] {
  const seen = new Set<string>();
  return lists.filter((list) => {
    const key = list.join(" ");
    if (list.length === 0 || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function initialsOf(words: string[]): string {
  return words
    .filter((word) => !CONNECTORS.has(word.toLowerCase()))
    .map((word) => word.charAt(0).toLowerCase())
    .join("");
}

/** The words before `end` in `text` whose initials spell `acronym`, or undefined. */
function expansionBefore(text: string, end: number, acronym: string): string[] | undefined {
  const words = text
    .slice(Math.max(0, end - 160), end)
    .split(/[^\p{L}\p{N}'’-]+/u)
    .filter((word) => word.length > 0);
  const letters = acronym.toLowerCase().replace(/s$/, "");
  let need = letters.length - 1;
  const taken: string[] = [];
  for (let i = words.length - 1; i >= 0 && need >= 0; i--) {
    const word = words[i] as string;
    if (word.toLowerCase().charAt(0) === letters.charAt(need)) {
      taken.unshift(word);
      need--;
    } else if (CONNECTORS.has(word.toLowerCase()) && taken.length > 0) {
      taken.unshift(word);
    } else {
      return undefined;
    }
  }
  return need < 0 ? taken : undefined;
}

/** The segmenter's words of a Chinese form (its bigrams would match far more than the form means). */
function chineseWords(form: string): string[] {
  return [...form.matchAll(/\p{Script=Han}+/gu)].flatMap((run) => segmentChinese(run[0]).words);
}

/** True when Chinese characters make up a fifth or more of the corpus's text (sampled): a corpus of Chinese documents. */
function hasChineseDocuments(corpus: Corpus): boolean {
  let han = 0;
  let total = 0;
  for (const document of corpus.documents) {
    const sample = document.text.slice(0, 4000);
    total += sample.length;
    for (const character of sample) if (HAN.test(character)) han++;
  }
  return total > 0 && han / total >= 0.2;
}

/**
 * Builds the query expansions of a corpus from its curated datasets and its own text:
 * - entities: any name or alias in a query adds the canonical name and the acronyms;
 * - glossary: a synonym or Chinese term adds the document's English term;
 * - acronyms defined in the text ("electric vehicle (EV)") expand both ways;
 * - capitalised names are indexed by their initials, so an acronym the text never
 *   defines ("IEA") still finds "International Energy Agency".
 */
export function buildExpansions(corpus: Corpus): ExpansionTable {
  const rules: ExpansionRule[] = [];
  const chinese: ChineseRule[] = [];
  const addRule = (form: string, targets: string[][], source: ExpansionRule["source"]) => {
    const pattern = analyzeText(form);
    const kept = unique(targets.filter((target) => target.join(" ") !== pattern.join(" ")));
    if (pattern.length === 0 || kept.length === 0) return;
    rules.push({ pattern, targets: kept, source });
  };
  const addChinese = (form: string, targets: string[][], source: ChineseRule["source"]) => {
    const kept = unique(targets);
    if (kept.length > 0) chinese.push({ form, targets: kept, source });
  };
  const english = (form: string) => !HAN.test(form);
  // Over Chinese documents (the primary collection), English words reach them through the same
  // curated names and terms the other way round: "new industrialization" → 新型工业化.
  const chineseDocuments = hasChineseDocuments(corpus);

  for (const entity of corpus.datasets.entities) {
    const forms = [entity.name, ...entity.aliases];
    const acronyms = forms.filter((form) => ACRONYM.test(form));
    const targets = [entity.name, ...acronyms].filter(english).map(analyzeText);
    const chineseTargets = chineseDocuments ? forms.filter((form) => HAN.test(form)).map(chineseWords) : [];
    for (const form of forms) {
      if (HAN.test(form)) addChinese(form, targets, "entity");
      else addRule(form, [...targets, ...chineseTargets], "entity");
    }
  }
  for (const term of corpus.datasets.glossary) {
    const targets = [analyzeText(term.en)];
    const chineseTargets = chineseDocuments ? term.zh.map(chineseWords) : [];
    for (const form of term.zh) addChinese(form, targets, "glossary");
    if (chineseTargets.length > 0) addRule(term.en, chineseTargets, "glossary");
    for (const synonym of term.synonyms) {
      if (HAN.test(synonym)) addChinese(synonym, targets, "glossary");
      else addRule(synonym, [...targets, ...chineseTargets], "glossary");
    }
  }
  const initials = new Map<string, Set<string>>();
  for (const document of corpus.documents) {
    const text = document.text;
    PARENTHESISED_ACRONYM.lastIndex = 0;
    for (let match = PARENTHESISED_ACRONYM.exec(text); match; match = PARENTHESISED_ACRONYM.exec(text)) {
      const acronym = match[1] as string;
      const words = expansionBefore(text, match.index, acronym);
      if (!words) continue;
      const phrase = words.join(" ");
      addRule(acronym, [analyzeText(phrase)], "acronym");
      addRule(phrase, [analyzeText(acronym)], "acronym");
    }
    CAPITALISED_NAME.lastIndex = 0;
    for (let match = CAPITALISED_NAME.exec(text); match; match = CAPITALISED_NAME.exec(text)) {
      const words = match[0].split(/\s+/);
      const key = initialsOf(words);
      if (key.length < 2 || key.length > 6) continue;
      const phrases = initials.get(key) ?? new Set<string>();
      phrases.add(analyzeText(match[0]).join(" "));
      initials.set(key, phrases);
    }
  }
  return {
    rules,
    chinese,
    initials: [...initials].flatMap(([key, phrases]) =>
      // Only unambiguous initials: two different names with the same letters say nothing.
      phrases.size === 1 ? [[key, [...phrases][0]?.split(" ") ?? []] as [string, string[]]] : [],
    ),
  };
}
