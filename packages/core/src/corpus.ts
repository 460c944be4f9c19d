import type { Datasets, Footnote, Passage, Sentence, SourceDocument } from "./schemas.js";

/** A loaded corpus: documents with their parsed passages, sentences, footnotes and curated datasets. */
export interface Corpus {
  documents: SourceDocument[];
  passages: Passage[];
  sentences: Sentence[];
  footnotes: Footnote[];
  datasets: Datasets;
  /** A hash over every document's sha256 (and the parser version), for cache keys. */
  hash: string;
}
