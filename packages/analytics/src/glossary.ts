import type { GlossaryTerm } from "@newind/core/text";
import { type TermForms, toTermForms } from "./terms.js";

/** A term with the forms a glossary gives it, and the glossary entry they came from. */
export interface GlossaryForms extends TermForms {
  /** The glossary entry's id, or undefined when the glossary has no entry for the term. */
  readonly entry?: string;
}

/**
 * A term with its glossary equivalents: the entry whose English name, other English
 * names or Chinese terms include the term (ignoring case) gives its English name and its
 * Chinese terms as further forms — "new industrialization" is counted with 新型工业化 and
 * 新型工业化道路, and 新型工业化 with "New Industrialization". Without an entry, the term alone.
 *
 * @example
 * glossaryForms(corpus.datasets.glossary, "new industrialization").forms;
 * // → ["new industrialization", "New Industrialization", "新型工业化", "新型工业化道路"]
 */
export function glossaryForms(glossary: readonly GlossaryTerm[], term: string): GlossaryForms {
  const { term: checked } = toTermForms(term);
  const lower = checked.toLowerCase();
  const entry = glossary.find((candidate) =>
    [candidate.en, ...candidate.synonyms, ...candidate.zh].some((name) => name.toLowerCase() === lower),
  );
  if (!entry) return { term: checked, forms: [checked] };
  const forms = toTermForms({ term: checked, forms: [entry.en, ...entry.zh] });
  return { ...forms, entry: entry.id };
}
