import type { Entity } from "@newind/core";
import { STOPWORDS } from "../text/stopwords.js";
import { foldText, hasHan } from "../text/tokens.js";

/** Finds entity mentions (by name or alias) in texts. */
export interface EntityMatcher {
  /** Entities the text mentions, in order of first mention, each once. */
  find(text: string): Entity[];
}

interface AliasPattern {
  entity: Entity;
  pattern: RegExp;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Builds a matcher over the entities' names and aliases. Chinese aliases match as
 * substrings; Latin ones on word boundaries, case-insensitively, except short aliases that
 * are also everyday words ("US" and "us"), which must match in capitals.
 *
 * @example
 * createEntityMatcher(entities).find("what did the IEA forecast?").map((e) => e.id) // ["iea"]
 */
export function createEntityMatcher(entities: readonly Entity[]): EntityMatcher {
  const patterns: AliasPattern[] = [];
  for (const entity of entities) {
    const names = [...new Set([entity.name, ...entity.aliases])];
    for (const name of names) {
      if (name.trim().length < 2) continue;
      if (hasHan(name)) {
        patterns.push({ entity, pattern: new RegExp(escapeRegExp(name), "u") });
        continue;
      }
      const folded = foldText(name).trim();
      const everyday = STOPWORDS.has(folded) || folded.length <= 2;
      const body = escapeRegExp(everyday ? name : folded)
        .replace(/\\-|-/g, "[-\\s]?")
        .replace(/\s+/g, "\\s+");
      patterns.push({
        entity,
        pattern: new RegExp(`(?<![\\p{L}\\p{N}])${body}(?:'s|’s)?(?![\\p{L}\\p{N}])`, everyday ? "u" : "iu"),
      });
    }
  }
  return {
    find(text) {
      const folded = text.normalize("NFKC");
      const found: Array<{ entity: Entity; index: number }> = [];
      const seen = new Set<string>();
      for (const { entity, pattern } of patterns) {
        if (seen.has(entity.id)) continue;
        const source = pattern.flags.includes("i") ? foldText(folded) : folded;
        const match = pattern.exec(source);
        if (match) {
          seen.add(entity.id);
          found.push({ entity, index: match.index });
        }
      }
      return found
        .sort((a, b) => a.index - b.index || a.entity.id.localeCompare(b.entity.id))
        .map((f) => f.entity);
    },
  };
}
