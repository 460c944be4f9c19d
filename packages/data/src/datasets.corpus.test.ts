import type { Corpus, Datasets, Evidence, Passage } from "@newind/core";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { DATASET_NAMES, defaultDatasetsDir } from "./datasets.js";
import { loadDefaultCorpus } from "./index.js";

// The curated datasets as the package ships them: resolved against the real parser's
// passages by `loadDefaultCorpus` (datasets.test.ts covers the resolver on its own).

let corpus: Corpus;
let passageById: Map<string, Passage>;

beforeAll(async () => {
  corpus = await loadDefaultCorpus();
  passageById = new Map(corpus.passages.map((passage) => [passage.id, passage]));
});

function allEvidence(data: Datasets): { where: string; evidence: Evidence }[] {
  return [
    ...data.metrics.map((r) => ({ where: `metrics/${r.id}`, evidence: r.evidence })),
    ...data.timeline.map((r) => ({ where: `timeline/${r.id}`, evidence: r.evidence })),
    ...data.entities.map((r) => ({ where: `entities/${r.id}`, evidence: r.evidence })),
    ...data.lists.flatMap((r) => [
      { where: `lists/${r.id}/intro`, evidence: r.intro },
      ...r.items.map((item, i) => ({ where: `lists/${r.id}/items[${i}]`, evidence: item.evidence })),
    ]),
    ...data.glossary.flatMap((r) =>
      r.evidence ? [{ where: `glossary/${r.id}`, evidence: r.evidence }] : [],
    ),
  ];
}

function textOf(docId: string): string {
  const document = corpus.documents.find((d) => d.id === docId);
  if (!document) throw new Error(`no document ${docId}`);
  return document.text;
}

describe("the curated datasets of loadDefaultCorpus", () => {
  it("keeps every record of every dataset file", async () => {
    const { readFile } = await import("node:fs/promises");
    for (const name of DATASET_NAMES) {
      const raw = JSON.parse(
        await readFile(new URL(`${name}.json`, defaultDatasetsDir), "utf8"),
      ) as unknown[];
      expect(corpus.datasets[name], name).toHaveLength(raw.length);
    }
  });

  it("gives every record an exact span inside the passage it names (property)", () => {
    const evidence = allEvidence(corpus.datasets);
    const check = ({ where, evidence: e }: { where: string; evidence: Evidence }) => {
      expect(textOf(e.docId).slice(e.start, e.end), where).toBe(e.quote);
      const passage = passageById.get(e.passageId);
      expect(passage, where).toBeDefined();
      expect(passage?.docId, where).toBe(e.docId);
      expect(passage?.paragraph, where).toBe(e.paragraph);
      expect(passage && passage.span.start <= e.start && e.end <= passage.span.end, where).toBe(true);
    };
    fc.assert(fc.property(fc.constantFrom(...evidence), check), { numRuns: evidence.length * 2 });
    for (const item of evidence) check(item);
  });

  it("never cites a footnote marker: every quote is also in its passage's clean text", () => {
    for (const { where, evidence: e } of allEvidence(corpus.datasets)) {
      const overlapping = corpus.footnotes.filter(
        (f) => f.docId === e.docId && f.span.start < e.end && e.start < f.span.end,
      );
      expect(overlapping, where).toEqual([]);
      expect(passageById.get(e.passageId)?.text, where).toContain(e.quote);
    }
  });

  it("attaches each numbered and bulleted list's items to the paragraph that introduces them", () => {
    for (const id of [
      "xi-four-elements",
      "telecom-directives",
      "unified-market-actions",
      "accompanying-documents",
    ]) {
      const list = corpus.datasets.lists.find((l) => l.id === id);
      expect(list, id).toBeDefined();
      for (const item of list?.items ?? []) {
        const passage = passageById.get(item.evidence.passageId);
        expect(passage?.kind, `${id}: ${item.text}`).toBe("list-item");
        expect(passage?.leadIn, `${id}: ${item.text}`).toBe(list?.intro.passageId);
      }
    }
  });

  it("cites Jin's November 2023 remarks from the block quote", () => {
    const list = corpus.datasets.lists.find((l) => l.id === "jin-traditional-industries-measures");
    for (const evidence of [list?.intro, ...(list?.items ?? []).map((item) => item.evidence)]) {
      const passage = evidence && passageById.get(evidence.passageId);
      expect(passage?.kind).toBe("quote");
      expect(passage?.speaker).toMatch(/Jin/);
    }
  });

  it("cites the metrics the issue names from body paragraphs", () => {
    for (const id of [
      "automakers-china-2020",
      "automakers-below-60-percent-capacity-2020",
      "small-suppliers-advanced-digitization-2022",
      "cleantech-market-2030",
    ]) {
      const metric = corpus.datasets.metrics.find((m) => m.id === id);
      expect(passageById.get(metric?.evidence.passageId ?? "")?.role, id).toBe("body");
    }
  });
});
