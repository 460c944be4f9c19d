import type { Evidence } from "@newind/core";
import type { EntityMatcher } from "../analysis/find-entities.js";
import type { QueryTerms } from "../analysis/query-terms.js";
import { tokenize } from "../text/tokens.js";
import type { EvidenceIndex, SentenceRecord } from "./evidence-index.js";

/** A text's stems and entity mentions, computed once. */
export interface PreparedText {
  stems: ReadonlySet<string>;
  entityIds: ReadonlySet<string>;
}

/** Prepares a text for {@link textCoverage}. */
export function prepareText(text: string, matcher: EntityMatcher): PreparedText {
  return {
    stems: new Set(tokenize(text).map((t) => t.stem)),
    entityIds: new Set(matcher.find(text).map((e) => e.id)),
  };
}

/**
 * Share of the question's content (idf-weighted) a piece of text covers: the measure used
 * to decide whether a curated record (metric, event, list, entity) fits the question.
 */
export function textCoverage(text: string | PreparedText, query: QueryTerms, matcher: EntityMatcher): number {
  const prepared = typeof text === "string" ? prepareText(text, matcher) : text;
  const { stems, entityIds } = prepared;
  let total = 0;
  let covered = 0;
  const credit = new Array<number>(query.groups.length).fill(0);
  for (const term of query.terms) {
    if (term.group < 0 || !(term.allOf ? term.allOf.every((s) => stems.has(s)) : stems.has(term.stem)))
      continue;
    credit[term.group] = Math.max(credit[term.group] ?? 0, term.weight);
  }
  query.groups.forEach((group, g) => {
    total += group.weight;
    const value = group.entityId && entityIds.has(group.entityId) ? 1 : (credit[g] ?? 0);
    covered += group.weight * value;
  });
  return total > 0 ? covered / total : 0;
}

/** The corpus sentence that contains (or most overlaps) an evidence span. */
export function sentenceOf(
  index: EvidenceIndex,
  evidence: Pick<Evidence, "docId" | "start" | "end">,
): SentenceRecord | undefined {
  let best: SentenceRecord | undefined;
  let bestOverlap = 0;
  for (const record of index.sentences) {
    if (record.docId !== evidence.docId) continue;
    const overlap = Math.min(record.end, evidence.end) - Math.max(record.start, evidence.start);
    if (overlap > bestOverlap) {
      best = record;
      bestOverlap = overlap;
    }
  }
  return best;
}
