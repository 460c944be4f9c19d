import type { Corpus, Evidence } from "@newind/core";

/**
 * Words the curated datasets use about each sentence: a metric's label and scope, a
 * timeline event's summary, a list's title and keywords, an entity's name and
 * description, a glossary term and its synonyms — attached to every sentence their
 * evidence overlaps. Indexed as a low-weight field, this lets a question phrased the
 * way the datasets' editors phrase things ("how long China has aimed to move up the
 * value chain") find the sentence that says it in the document's own words.
 *
 * @returns one string per sentence of `corpus.sentences` (empty when nothing is attached)
 */
export function curatedContext(corpus: Corpus): string[] {
  const about: string[][] = corpus.sentences.map(() => []);
  const byDocument = new Map<string, number[]>();
  corpus.sentences.forEach((sentence, i) => {
    const list = byDocument.get(sentence.docId) ?? [];
    list.push(i);
    byDocument.set(sentence.docId, list);
  });
  const attach = (evidence: Evidence | undefined, words: Array<string | undefined>) => {
    if (!evidence) return;
    const text = words
      .filter((word): word is string => typeof word === "string" && word.length > 0)
      .join(" ");
    if (text.length === 0) return;
    for (const i of byDocument.get(evidence.docId) ?? []) {
      const span = corpus.sentences[i]?.span;
      if (span && span.start < evidence.end && evidence.start < span.end) about[i]?.push(text);
    }
  };
  const { metrics, timeline, lists, entities, glossary } = corpus.datasets;
  for (const metric of metrics) attach(metric.evidence, [metric.label, metric.scope, metric.source]);
  for (const event of timeline) attach(event.evidence, [event.summary, event.actor, event.date]);
  for (const list of lists) {
    const words = [list.title, ...list.keywords];
    attach(list.intro, words);
    for (const item of list.items) attach(item.evidence, [...words, item.text]);
  }
  for (const entity of entities) attach(entity.evidence, [entity.name, entity.description]);
  for (const term of glossary) attach(term.evidence, [term.en, ...term.synonyms]);
  return about.map((texts) => texts.join(" \n "));
}
