import type { Corpus } from "@newind/core/text";
import { toSingleLine } from "@newind/core/text";

/** A short, terminal-safe title for each document id, to say which document a quote is from. */
export function documentLabel(corpus: Corpus): (docId: string) => string {
  const titles = new Map(corpus.documents.map((document) => [document.id, toSingleLine(document.title)]));
  return (docId) => {
    const title = titles.get(docId) ?? toSingleLine(docId);
    return title.length > 60 ? `${title.slice(0, 59)}…` : title;
  };
}
