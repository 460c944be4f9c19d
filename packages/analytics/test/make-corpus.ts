import type { Corpus, Passage, SourceDocument } from "@newind/core";

/** A document of a test corpus. */
export interface DocumentSpec {
  id: string;
  text: string;
  title?: string;
  published?: string;
  kind?: string;
  /** The passages' spans; by default the text's blocks between blank lines. */
  passages?: readonly (readonly [number, number])[];
}

/** Blocks between blank lines, trimmed of whitespace, with exact offsets. */
export function blocksOf(text: string): [number, number][] {
  const blocks: [number, number][] = [];
  let start = 0;
  for (const separator of [...text.matchAll(/\n\s*\n/g), null]) {
    const end = separator ? separator.index : text.length;
    let from = start;
    let to = end;
    while (from < to && /\s/.test(text[from] ?? "")) from++;
    while (to > from && /\s/.test(text[to - 1] ?? "")) to--;
    if (to > from) blocks.push([from, to]);
    if (separator) start = separator.index + separator[0].length;
  }
  return blocks;
}

/** A corpus of the given documents, each passage the raw slice of its span. */
export function makeCorpus(specs: readonly DocumentSpec[]): Corpus {
  const documents: SourceDocument[] = specs.map((spec) => ({
    id: spec.id,
    title: spec.title ?? spec.id,
    authors: [],
    ...(spec.published !== undefined && { published: spec.published }),
    ...(spec.kind !== undefined && { kind: spec.kind }),
    sha256: "0".repeat(64),
    text: spec.text,
  }));
  const passages: Passage[] = specs.flatMap((spec) =>
    (spec.passages ?? blocksOf(spec.text)).map(([start, end], index) => ({
      id: `${spec.id}:p${index}`,
      docId: spec.id,
      kind: "paragraph" as const,
      role: "body" as const,
      paragraph: index + 1,
      span: { start, end },
      text: spec.text.slice(start, end),
      footnotes: [],
    })),
  );
  return {
    documents,
    passages,
    sentences: [],
    footnotes: [],
    datasets: { metrics: [], timeline: [], entities: [], lists: [], glossary: [] },
    hash: "test",
  };
}

/**
 * The reference count: non-overlapping occurrences of `term` inside `[start, end)`, scanning
 * left to right, comparing case-insensitively (ASCII) and requiring word boundaries at
 * Latin-letter or digit edges — written the slow, obvious way.
 */
export function naiveCount(text: string, term: string, start = 0, end = text.length): number {
  const isWord = (char: string | undefined) => char !== undefined && /[A-Za-z0-9_\u00C0-\u024F]/.test(char);
  const bounded = (char: string | undefined) => char !== undefined && /[A-Za-z0-9\u00C0-\u024F]/.test(char);
  let count = 0;
  let at = start;
  while (at + term.length <= end) {
    const piece = text.slice(at, at + term.length);
    const same = piece === term || piece.toLowerCase() === term.toLowerCase();
    const startOk = !bounded(term[0]) || !isWord(text[at - 1]);
    const endOk = !bounded(term[term.length - 1]) || !isWord(text[at + term.length]);
    if (same && startOk && endOk) {
      count++;
      at += term.length;
    } else at++;
  }
  return count;
}
