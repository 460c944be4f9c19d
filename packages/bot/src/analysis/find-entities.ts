import type { Entity } from "@newind/core";
import { STOPWORDS } from "../text/stopwords.js";
import { foldText, hasHan } from "../text/tokens.js";

/** Finds entity mentions (by name or alias) in texts. */
export interface EntityMatcher {
  /** Entities the text mentions, in order of first mention, each once. */
  find(text: string): Entity[];
}

interface AliasWords {
  entity: Entity;
  words: string[];
  /** Everyday words ("US" and "us") must match as written, in capitals. */
  caseSensitive: boolean;
}

const WORD = /[\p{L}\p{N}]+/gu;

function words(text: string): Array<{ word: string; index: number }> {
  const out: Array<{ word: string; index: number }> = [];
  for (const match of text.matchAll(WORD)) out.push({ word: match[0], index: match.index ?? 0 });
  return out;
}

// Drops possessive "s" tokens left by splitting "Xi’s" into "Xi", "s".
function withoutPossessives(tokens: Array<{ word: string; index: number }>, text: string) {
  return tokens.filter(
    (token) => !(token.word === "s" && /['’]$/.test(text.slice(Math.max(0, token.index - 1), token.index))),
  );
}

/**
 * Builds a matcher over the entities' names and aliases. Chinese aliases match as
 * substrings; Latin ones as whole word sequences (hyphens and spaces alike, possessives
 * allowed), case-insensitively, except short aliases that are also everyday words ("US"
 * and "us"), which must match in capitals. Matching walks the text's words once with an
 * index by first word, so it stays fast with hundreds of aliases.
 *
 * @example
 * createEntityMatcher(entities).find("what did the IEA forecast?").map((e) => e.id) // ["iea"]
 */
export function createEntityMatcher(entities: readonly Entity[]): EntityMatcher {
  const byFirstWord = new Map<string, AliasWords[]>();
  const han: Array<{ entity: Entity; alias: string }> = [];
  for (const entity of entities) {
    for (const name of new Set([entity.name, ...entity.aliases])) {
      if (name.trim().length < 2) continue;
      if (hasHan(name)) {
        han.push({ entity, alias: name.normalize("NFKC") });
        continue;
      }
      const folded = foldText(name).trim();
      const caseSensitive = STOPWORDS.has(folded) || folded.length <= 2;
      const aliasWords = words(caseSensitive ? name.normalize("NFKC") : folded).map((w) => w.word);
      const first = aliasWords[0];
      if (!first) continue;
      const entry: AliasWords = { entity, words: aliasWords, caseSensitive };
      const key = caseSensitive ? first : first.toLowerCase();
      const list = byFirstWord.get(key) ?? [];
      list.push(entry);
      byFirstWord.set(key, list);
    }
  }
  // Longer aliases first, so "Jiangsu province" is tried before "Jiangsu".
  for (const list of byFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length);
  return {
    find(text) {
      const normalized = text.normalize("NFKC");
      const found = new Map<string, { entity: Entity; index: number }>();
      const original = withoutPossessives(words(normalized), normalized);
      const lower = original.map((token) => ({ word: token.word.toLowerCase(), index: token.index }));
      for (let i = 0; i < original.length; i++) {
        const candidates = [
          ...(byFirstWord.get(lower[i]?.word ?? "") ?? []),
          ...(byFirstWord.get(original[i]?.word ?? "") ?? []).filter((c) => c.caseSensitive),
        ];
        for (const candidate of candidates) {
          if (found.has(candidate.entity.id)) continue;
          const tokens = candidate.caseSensitive ? original : lower;
          let ok = i + candidate.words.length <= tokens.length;
          for (let j = 0; ok && j < candidate.words.length; j++)
            ok = tokens[i + j]?.word === candidate.words[j];
          if (ok)
            found.set(candidate.entity.id, { entity: candidate.entity, index: original[i]?.index ?? 0 });
        }
      }
      if (hasHan(normalized)) {
        for (const { entity, alias } of han) {
          if (found.has(entity.id)) continue;
          const index = normalized.indexOf(alias);
          if (index >= 0) found.set(entity.id, { entity, index });
        }
      }
      return [...found.values()]
        .sort((a, b) => a.index - b.index || a.entity.id.localeCompare(b.entity.id))
        .map((f) => f.entity);
    },
  };
}
