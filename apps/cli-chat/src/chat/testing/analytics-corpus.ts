import type { Corpus } from "@newind/core";

/**
 * A small folder-like corpus with dated and undated documents (as a folder's front
 * matter, corpus.json or file name date them), for the analytics commands' specs.
 */
export async function makeFolderCorpus(): Promise<Corpus> {
  const specs = [
    { id: "notes", published: "2021-03-05", text: "Battery makers grew.\n\nA battery plant opened." },
    { id: "report-2019", published: "2019", text: "The battery industry in 2019." },
    { id: "undated", text: "An undated note on one battery." },
  ];
  const passages = specs.flatMap((spec) => {
    const blocks: Corpus["passages"] = [];
    let at = 0;
    for (const block of spec.text.split("\n\n")) {
      const start = spec.text.indexOf(block, at);
      at = start + block.length;
      blocks.push({
        id: `${spec.id}:p${blocks.length}`,
        docId: spec.id,
        kind: "paragraph",
        role: "body",
        paragraph: blocks.length + 1,
        span: { start, end: at },
        text: block,
        footnotes: [],
      });
    }
    return blocks;
  });
  return {
    documents: specs.map(({ id, published, text }) => ({
      id,
      title: id,
      authors: [],
      ...(published !== undefined && { published }),
      sha256: "0".repeat(64),
      text,
    })),
    passages,
    sentences: [],
    footnotes: [],
    datasets: { metrics: [], timeline: [], entities: [], lists: [], glossary: [] },
    hash: "folder",
  };
}
