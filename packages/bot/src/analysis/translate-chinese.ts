import type { Datasets } from "@newind/core";
import { CHINESE_WORDS } from "../text/chinese.js";
import { hasHan } from "../text/tokens.js";

/** A Chinese term found in a question and the English it stands for. */
export interface TranslatedTerm {
  zh: string;
  en: string;
}

/** Translates Chinese questions into English terms, using the glossary, entity aliases and a small lexicon. */
export interface ChineseTranslator {
  /** English rendering of the question (Latin parts kept), plus the terms used. */
  translate(question: string): { english: string; terms: TranslatedTerm[] };
}

/**
 * Builds a translator whose dictionary is the corpus glossary (`zh` → `en`), the Chinese
 * aliases of entities (→ the entity's name) and {@link CHINESE_WORDS}. Segmentation is
 * greedy longest match, which suits short questions over a closed vocabulary.
 *
 * @example
 * createChineseTranslator(datasets).translate("什么是新型工业化？").english // "what is New Industrialization ?"
 */
export function createChineseTranslator(datasets: Datasets): ChineseTranslator {
  // Built on the first Chinese question: English-only sessions never pay for it.
  let built: ChineseTranslator | undefined;
  return {
    translate(question) {
      built ??= buildTranslator(datasets);
      return built.translate(question);
    },
  };
}

function buildTranslator(datasets: Datasets): ChineseTranslator {
  const dictionary = new Map<string, string>();
  for (const [zh, en] of Object.entries(CHINESE_WORDS)) dictionary.set(zh, en);
  for (const entity of datasets.entities) {
    for (const alias of entity.aliases) if (hasHan(alias)) dictionary.set(alias, entity.name);
  }
  for (const term of datasets.glossary) {
    for (const zh of term.zh) dictionary.set(zh, term.en);
  }
  const longest = Math.max(1, ...[...dictionary.keys()].map((key) => key.length));
  return {
    translate(asked) {
      const question = chineseOrdinals(chineseDates(asked));
      const parts: string[] = [];
      const terms: TranslatedTerm[] = [];
      let i = 0;
      let latin = "";
      const flush = () => {
        if (latin.trim()) parts.push(latin.trim());
        latin = "";
      };
      while (i < question.length) {
        const char = question[i] ?? "";
        if (!hasHan(char) && !/^[0-9]$/.test(char)) {
          latin += /[，。？！、；：]/.test(char) ? " " : char;
          i++;
          continue;
        }
        let matched = false;
        for (let length = Math.min(longest, question.length - i); length >= 1; length--) {
          const piece = question.slice(i, i + length);
          const en = dictionary.get(piece);
          if (en !== undefined) {
            flush();
            parts.push(en);
            terms.push({ zh: piece, en });
            i += length;
            matched = true;
            break;
          }
        }
        if (!matched) {
          if (/^[0-9]$/.test(char)) latin += char;
          i++;
        }
      }
      flush();
      return { english: parts.join(" ").replace(/\s+/g, " ").trim(), terms };
    },
  };
}

/**
 * Chinese dates in the digits the English side reads: "上世纪50年代" / "二十世纪50年代" /
 * "50年代" → "1950s", "2000年代" → "2000s", "2023年" → "2023".
 */
export function chineseDates(question: string): string {
  return question
    .replace(/(?:上个?世纪|二十世纪|20世纪)?\s*([1-9]0)\s*年代/g, (_all, decade: string) => ` 19${decade}s `)
    .replace(/((?:19|20)\d0)\s*年代/g, (_all, decade: string) => ` ${decade}s `)
    .replace(/((?:19|20)\d{2})\s*年(?![代度])/g, (_all, year: string) => ` ${year} `);
}

const CHINESE_ORDINALS: Readonly<Record<string, string>> = {
  一: "first",
  二: "second",
  三: "third",
  四: "fourth",
  五: "fifth",
};

/** "第二个要素" → "second 要素": an ordinal before a counter or a list noun (not "第二十次"). */
export function chineseOrdinals(question: string): string {
  return question.replace(
    /第([一二三四五])(?:个|项|条|点)?(?=要素|方面|支柱|措施|步|项|条|点|个|$)/g,
    (_all, n: string) => ` ${CHINESE_ORDINALS[n] ?? n} `,
  );
}
