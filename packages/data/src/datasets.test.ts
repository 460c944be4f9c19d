import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import {
  type Datasets,
  type Evidence,
  findFootnoteMarkers,
  isExactEvidence,
  type Passage,
  type SourceDocument,
} from "@newind/core";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import {
  DATASET_NAMES,
  DatasetError,
  defaultDatasetsDir,
  groupPassagesByDocument,
  loadDatasets,
  locateQuote,
  parsePartialDate,
  type RawDatasets,
  resolveDatasets,
} from "./datasets.js";

const corpusUrl = new URL("../corpus/new-industrialization.txt", import.meta.url);
const DOC_ID = "new-industrialization";

/** Lines of the raw page that are chrome, not content. */
const CHROME = new Set(["More Analysis", "FacebookTwitterLinkedInEmailPrintCopy Link", "To top"]);

/**
 * A stand-in for the package's parser, good enough to attribute quotes: one passage per
 * non-empty line (list items without their "1. " / "• " prefix), chrome and the repeated
 * title dropped, body paragraphs numbered from "For the past three decades".
 */
function fixturePassages(document: SourceDocument): Passage[] {
  const passages: Passage[] = [];
  let offset = 0;
  let paragraph = 0;
  let inBody = false;
  let titleSeen = false;
  for (const line of document.text.split("\n")) {
    const lineStart = offset;
    offset += line.length + 1;
    const content = line.trim();
    if (content === "" || CHROME.has(content)) continue;
    if (content === document.title) {
      if (titleSeen) continue;
      titleSeen = true;
    }
    const prefix = /^\s*(?:\d+\.|•)\s+/.exec(line);
    const start = lineStart + (prefix ? prefix[0].length : line.length - line.trimStart().length);
    const end = lineStart + line.trimEnd().length;
    if (content.startsWith("For the past three decades")) inBody = true;
    const isItem = prefix !== null;
    if (inBody && !isItem) paragraph += 1;
    passages.push({
      id: `p${passages.length + 1}`,
      docId: document.id,
      kind: isItem ? "list-item" : "paragraph",
      role: inBody ? "body" : "standfirst",
      paragraph: inBody ? paragraph : 0,
      span: { start, end },
      text: document.text.slice(start, end),
      footnotes: [],
    });
  }
  return passages;
}

let document: SourceDocument;
let passages: Passage[];
let datasets: Datasets;
let rawDatasets: RawDatasets;

beforeAll(async () => {
  const text = await readFile(corpusUrl, "utf8");
  document = {
    id: DOC_ID,
    title:
      "“New Industrialization”: The Industrial Upgrading Theory Driving China’s Advanced Manufacturing Policy",
    authors: [{ name: "Kendra Schaefer" }, { name: "Cory Combs" }],
    sha256: "0".repeat(64),
    text,
  };
  passages = fixturePassages(document);
  datasets = await loadDatasets(defaultDatasetsDir, [document], passages);
  const entries = await Promise.all(
    DATASET_NAMES.map(async (name) => [
      name,
      JSON.parse(await readFile(new URL(`${name}.json`, defaultDatasetsDir), "utf8")) as unknown,
    ]),
  );
  rawDatasets = Object.fromEntries(entries) as RawDatasets;
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

/** Runs `resolveDatasets` on the shipped data with one dataset replaced, and returns the error message. */
function errorFor(patch: Partial<RawDatasets>): string {
  try {
    resolveDatasets({ ...rawDatasets, ...patch }, [document], passages);
  } catch (error) {
    expect(error).toBeInstanceOf(DatasetError);
    return (error as Error).message;
  }
  throw new Error("expected resolveDatasets to fail");
}

function records(name: keyof RawDatasets): Record<string, unknown>[] {
  return structuredClone(rawDatasets[name]) as Record<string, unknown>[];
}

describe(parsePartialDate, () => {
  it.each([
    ["1950s", { precision: "decade", year: 1950 }],
    ["1995", { precision: "year", year: 1995 }],
    ["2022-04", { precision: "month", year: 2022, month: 4 }],
    ["2023-09-20", { precision: "day", year: 2023, month: 9, day: 20 }],
    ["2024-02-29", { precision: "day", year: 2024, month: 2, day: 29 }],
  ])("parses %s", (date, expected) => {
    expect(parsePartialDate(date)).toEqual(expected);
  });

  it.each(["early 2000s", "1955s", "2023-13", "2023-02-29", "2023-9-20", "March 2023", ""])(
    "rejects %j",
    (date) => {
      expect(parsePartialDate(date)).toBeUndefined();
    },
  );
});

describe(locateQuote, () => {
  it("returns the exact span and the passage that contains it", () => {
    const quote = "In 1995, a company called BYD began to make lithium-ion batteries";
    const found = locateQuote(quote, [document], groupPassagesByDocument(passages));
    expect(found.ok).toBe(true);
    if (!found.ok) return;
    expect(document.text.slice(found.evidence.start, found.evidence.end)).toBe(quote);
    const passage = passages.find((p) => p.id === found.evidence.passageId);
    expect(passage?.text).toContain(quote);
    expect(found.evidence.paragraph).toBe(passage?.paragraph);
  });

  it("requires an occurrence for a quote that occurs more than once, and honours it", () => {
    const byDocument = groupPassagesByDocument(passages);
    const ambiguous = locateQuote("optical fiber", [document], byDocument);
    expect(ambiguous).toEqual({ ok: false, reason: expect.stringContaining("occurs 3 times") });
    const second = locateQuote("optical fiber", [document], byDocument, { occurrence: 2 });
    const first = locateQuote("optical fiber", [document], byDocument, { occurrence: 1 });
    expect(second.ok && first.ok && second.evidence.start > first.evidence.start).toBe(true);
    expect(locateQuote("optical fiber", [document], byDocument, { occurrence: 4 })).toEqual({
      ok: false,
      reason: expect.stringContaining("occurrence 4 asked for"),
    });
  });

  it("fails, naming the quote, when the quote is not in the corpus", () => {
    const found = locateQuote("goals for 2035.7", [document], groupPassagesByDocument(passages));
    expect(found.ok).toBe(true); // the raw text has it …
    const missing = locateQuote("goals for 2036.", [document], groupPassagesByDocument(passages));
    expect(missing).toEqual({ ok: false, reason: expect.stringContaining('"goals for 2036."') });
  });

  it("fails when the quote crosses a passage boundary or sits in page chrome", () => {
    const byDocument = groupPassagesByDocument(passages);
    expect(locateQuote("Partner, Trivium China\n\n\nCory Combs", [document], byDocument).ok).toBe(false);
    expect(locateQuote("FacebookTwitterLinkedIn", [document], byDocument)).toEqual({
      ok: false,
      reason: expect.stringContaining("not inside any one passage"),
    });
  });

  it("picks the innermost passage when passages nest", () => {
    const quote = "ensuring widespread availability of optical fiber and 5G";
    const start = document.text.indexOf(quote);
    const outer: Passage = {
      ...(passages[0] as Passage),
      id: "outer",
      span: { start: 0, end: document.text.length },
    };
    const found = locateQuote(quote, [document], groupPassagesByDocument([outer, ...passages]));
    expect(found.ok && found.evidence.passageId).not.toBe("outer");
    expect(found.ok && found.evidence.start).toBe(start);
  });

  it("searches only the named document when docId is given", () => {
    const other: SourceDocument = { ...document, id: "other", text: "Nothing relevant here." };
    const byDocument = groupPassagesByDocument(passages);
    expect(locateQuote("In 1995", [other, document], byDocument, { docId: "other" }).ok).toBe(false);
    expect(locateQuote("In 1995", [other, document], byDocument, { docId: "missing" })).toEqual({
      ok: false,
      reason: 'no document has id "missing"',
    });
  });

  it("resolves any unique substring of a passage back to its own offsets (property)", () => {
    const byDocument = groupPassagesByDocument(passages);
    const body = passages.filter((p) => p.span.end - p.span.start > 20);
    fc.assert(
      fc.property(
        fc.constantFrom(...body),
        fc.nat(),
        fc.integer({ min: 12, max: 120 }),
        (passage, at, length) => {
          const start = passage.span.start + (at % (passage.span.end - passage.span.start - 10));
          const end = Math.min(passage.span.end, start + length);
          const quote = document.text.slice(start, end);
          fc.pre(quote.trim() === quote && quote.length > 0);
          const occurrences = document.text.split(quote).length - 1;
          const found = locateQuote(quote, [document], byDocument, occurrences > 1 ? { occurrence: 1 } : {});
          expect(found.ok).toBe(true);
          if (!found.ok) return;
          expect(isExactEvidence(document.text, found.evidence)).toBe(true);
          if (occurrences === 1) {
            expect(found.evidence.start).toBe(start);
            expect(found.evidence.passageId).toBe(passage.id);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("the shipped datasets", () => {
  it("has records in every dataset", () => {
    expect(datasets.metrics.length).toBeGreaterThanOrEqual(15);
    expect(datasets.timeline.length).toBeGreaterThanOrEqual(15);
    expect(datasets.entities.length).toBeGreaterThanOrEqual(30);
    expect(datasets.lists.length).toBeGreaterThanOrEqual(8);
    expect(datasets.glossary.length).toBeGreaterThanOrEqual(40);
  });

  it("resolves every evidence quote to an exact span: quote === text.slice(start, end) (property)", () => {
    const evidence = allEvidence(datasets);
    fc.assert(
      fc.property(fc.constantFrom(...evidence), ({ evidence: e }) => {
        expect(e.docId).toBe(DOC_ID);
        expect(document.text.slice(e.start, e.end)).toBe(e.quote);
        const passage = passages.find((p) => p.id === e.passageId);
        expect(passage).toBeDefined();
        expect(passage?.span.start).toBeLessThanOrEqual(e.start);
        expect(passage?.span.end).toBeGreaterThanOrEqual(e.end);
        expect(e.paragraph).toBe(passage?.paragraph);
      }),
      { numRuns: evidence.length * 2 },
    );
    // And, exhaustively, every single one.
    for (const { where, evidence: e } of evidence) {
      expect(isExactEvidence(document.text, e), where).toBe(true);
    }
  });

  it("keeps quotes short and free of footnote markers", () => {
    const markers = findFootnoteMarkers(document.text, { next: 1 });
    expect(markers.map((m) => m.n)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
    for (const { where, evidence: e } of allEvidence(datasets)) {
      expect(e.quote.length, where).toBeLessThanOrEqual(300);
      const overlapping = markers.filter((m) => m.start < e.end && e.start < m.end);
      expect(overlapping, `${where} includes a footnote marker`).toEqual([]);
    }
  });

  it("gives every record an id unique within its dataset", () => {
    for (const name of DATASET_NAMES) {
      const ids = (datasets[name] as { id: string }[]).map((r) => r.id);
      expect(new Set(ids).size, name).toBe(ids.length);
    }
  });

  it("dates every timeline event as ISO or partial, in chronological order", () => {
    const parsed = datasets.timeline.map((event) => {
      const date = parsePartialDate(event.date);
      expect(date, event.id).toBeDefined();
      return date ? date.year * 10_000 + (date.month ?? 0) * 100 + (date.day ?? 0) : 0;
    });
    expect(parsed).toEqual([...parsed].sort((a, b) => a - b));
  });

  it("covers the timeline from the 1950s to the 2035 goal", () => {
    const dates = datasets.timeline.map((event) => event.date);
    for (const date of ["1950s", "1980s", "1995", "2002", "2006", "2010s", "2020", "2022-04", "2022-10"]) {
      expect(dates).toContain(date);
    }
    for (const date of ["2023-03", "2023-09-20", "2023-11", "2023-12", "2030", "2035"])
      expect(dates).toContain(date);
    const march2023 = datasets.timeline
      .filter((event) => event.date === "2023-03")
      .map((event) => event.actor);
    expect(march2023).toEqual(expect.arrayContaining(["Xi Jinping", "Jin Zhuanglong"]));
  });

  it("has the metrics the issue names, with the document's values", () => {
    const metric = (id: string) => {
      const found = datasets.metrics.find((m) => m.id === id);
      expect(found, id).toBeDefined();
      return found;
    };
    expect(metric("automakers-china-2020")).toMatchObject({ value: 122, unit: "manufacturers", year: 2020 });
    expect(metric("automakers-united-states-2020")).toMatchObject({
      value: 4,
      unit: "manufacturers",
      year: 2020,
    });
    expect(metric("automakers-below-60-percent-capacity-2020")).toMatchObject({ value: 101, year: 2020 });
    expect(metric("automaker-capacity-threshold")).toMatchObject({ value: 60, unit: "percent" });
    expect(metric("small-suppliers-beyond-basic-digitization-2022")).toMatchObject({
      value: 50,
      unit: "percent",
      year: 2022,
      source: expect.stringContaining("CESI"),
    });
    expect(metric("small-suppliers-advanced-digitization-2022")).toMatchObject({ value: 9, unit: "percent" });
    // Money is in whole units of its currency: $650 billion is 650e9 "USD".
    expect(metric("cleantech-market-2030")).toMatchObject({
      value: 650e9,
      unit: "USD",
      year: 2030,
      source: expect.stringContaining("International Energy Agency"),
    });
    expect(metric("middle-income-trap-term-year")).toMatchObject({ value: 2006, source: "World Bank" });
    expect(metric("upgrading-ambitions-three-decades")).toMatchObject({ value: 30, unit: "years" });
    expect(metric("upgrading-ambitions-three-decades")?.evidence.quote).toContain("three decades");
    expect(metric("mining-investments-payoff-years")).toMatchObject({ value: 30, unit: "years" });
    expect(metric("xi-two-critical-areas")).toMatchObject({ value: 2 });
    expect(metric("xi-new-industrialization-elements")).toMatchObject({ value: 4 });
    expect(metric("early-2000s-motivators")).toMatchObject({ value: 3 });
  });

  // Counts of an enumeration: the document lists the items rather than stating the number.
  const COUNTED_FROM_LIST: Record<string, string> = {
    "early-2000s-motivators": "early-2000s-motivators",
    "similar-pathway-countries": "similar-pathway-countries",
    "low-end-competitor-countries": "low-end-competitor-countries",
    "xi-two-critical-areas": "xi-two-critical-areas",
    "jiang-2002-agenda-items": "jiang-2002-agenda",
    "jin-press-conference-descriptions": "jin-press-conference-descriptions",
    "xi-new-industrialization-elements": "xi-four-elements",
    "telecom-directives-2023": "telecom-directives",
    "unified-market-actions": "unified-market-actions",
    "accompanying-documents": "accompanying-documents",
  };

  it("counts each enumeration metric from the list it counts", () => {
    for (const [metricId, listId] of Object.entries(COUNTED_FROM_LIST)) {
      const metric = datasets.metrics.find((m) => m.id === metricId);
      const list = datasets.lists.find((l) => l.id === listId);
      expect(metric?.value, metricId).toBe(list?.items.length);
    }
  });

  it("states every other metric's value in its evidence (as digits or a number word)", () => {
    const spelled = (value: number, unit: string): string[] =>
      unit === "USD"
        ? [`$${value / 1e9} billion`]
        : value === 30
          ? ["30", "three decades"]
          : [String(value), ...(value === 4 ? ["four"] : [])];
    for (const m of datasets.metrics) {
      if (m.id in COUNTED_FROM_LIST) continue;
      const forms = spelled(m.value, m.unit);
      expect(
        forms.some((form) => m.evidence.quote.includes(form)),
        `${m.id}: ${m.evidence.quote}`,
      ).toBe(true);
    }
  });

  it("names entities with their acronyms, short forms and Chinese", () => {
    const entity = (id: string) => datasets.entities.find((e) => e.id === id);
    expect(entity("new-industrialization")?.aliases).toContain("新型工业化");
    expect(entity("miit")?.aliases).toEqual(expect.arrayContaining(["MIIT", "工业和信息化部", "工信部"]));
    expect(entity("cesi")?.aliases).toEqual(expect.arrayContaining(["CESI", "中国电子技术标准化研究院"]));
    expect(entity("xi-jinping")?.aliases).toEqual(expect.arrayContaining(["Xi", "President Xi", "习近平"]));
    expect(entity("jin-zhuanglong")?.aliases).toEqual(expect.arrayContaining(["Jin", "金壮龙"]));
    expect(entity("united-states")?.aliases).toEqual(expect.arrayContaining(["U.S.", "US", "美国"]));
    expect(entity("middle-income-trap")?.aliases).toContain("中等收入陷阱");
    const types = new Set(datasets.entities.map((e) => e.type));
    for (const type of ["person", "organization", "company", "place", "concept", "document", "event"]) {
      expect(types).toContain(type);
    }
  });

  it("uses the document's own Chinese where it gives one", () => {
    for (const chinese of ["新型工业化", "中国电子技术标准化研究院"]) {
      expect(document.text).toContain(chinese);
      expect(
        datasets.entities.some((e) => e.aliases.includes(chinese) && e.evidence.quote.includes(chinese)),
      ).toBe(true);
    }
  });

  it("lists the four elements, the telecom directives and the unified-market actions item by item", () => {
    const list = (id: string) => datasets.lists.find((l) => l.id === id);
    expect(list("xi-four-elements")?.items).toHaveLength(4);
    expect(list("telecom-directives")?.items).toHaveLength(5);
    expect(list("unified-market-actions")?.items).toHaveLength(4);
    expect(list("jiang-2002-agenda")?.items).toHaveLength(5);
    expect(list("early-2000s-motivators")?.items).toHaveLength(3);
    expect(list("telecom-directives")?.items[2]?.evidence.quote).toBe(
      "getting out ahead of the development of 6G technology",
    );
    for (const l of datasets.lists) {
      const starts = l.items.map((item) => item.evidence.start);
      expect(starts, `${l.id} items in document order`).toEqual([...starts].sort((a, b) => a - b));
      expect(l.keywords.length, l.id).toBeGreaterThan(0);
    }
  });

  it("has a bilingual glossary of the domain terms a Chinese-speaking user types", () => {
    const zh = new Set(datasets.glossary.flatMap((term) => term.zh));
    for (const term of [
      "产业升级",
      "数字化",
      "中小企业",
      "车企",
      "汽车制造商",
      "产能",
      "清洁技术",
      "光伏",
      "电解槽",
      "锂离子电池",
      "电动汽车",
      "动机",
      "国防",
      "竞争力",
      "生活质量",
      "价值链",
      "中等收入陷阱",
      "双向挤压",
      "地方保护主义",
      "产能过剩",
      "补贴",
      "负面清单",
      "反垄断",
      "社会信用体系",
      "光纤",
      "数据中心",
      "工业互联网",
      "人工智能",
      "物联网",
      "碳交易",
      "海上风电",
    ]) {
      expect(zh, term).toContain(term);
    }
    const synonyms = new Set(datasets.glossary.flatMap((term) => term.synonyms));
    for (const word of ["car makers", "green tech", "EV"]) expect(synonyms, word).toContain(word);
  });
});

describe(resolveDatasets, () => {
  it("names the file, record and field of a wrongly typed value", () => {
    const metrics = records("metrics");
    const index = metrics.findIndex((m) => m.id === "automakers-china-2020");
    (metrics[index] as Record<string, unknown>).value = "122";
    expect(errorFor({ metrics })).toContain(
      `datasets/metrics.json: record ${index} ("automakers-china-2020") field "value": Invalid input: expected number, received string`,
    );
  });

  it("names a missing field, an unknown field and a bad date", () => {
    const timeline = records("timeline");
    delete (timeline[0] as Record<string, unknown>).summary;
    (timeline[1] as Record<string, unknown>).occurence = 2;
    (timeline[2] as Record<string, unknown>).date = "mid-1990s";
    const message = errorFor({ timeline });
    expect(message).toMatch(
      /datasets\/timeline\.json: record 0 \("1950s-mining-investment"\) field "summary": /,
    );
    expect(message).toMatch(/datasets\/timeline\.json: record 1 \("1980s-reform-and-opening"\): .*occurence/);
    expect(message).toContain(
      'datasets/timeline.json: record 2 ("1995-byd-batteries") field "date": date must be',
    );
  });

  it("names the list item whose quote is not in the document, and quotes it", () => {
    const lists = records("lists");
    const index = lists.findIndex((l) => l.id === "xi-four-elements");
    const items = (lists[index] as { items: { evidence: string }[] }).items;
    (items[1] as { evidence: string }).evidence = "Availability of fundamental telecom infrastructure";
    expect(errorFor({ lists })).toContain(
      `datasets/lists.json: record ${index} ("xi-four-elements") field "items[1].evidence": quote not found verbatim in the corpus: "Availability of fundamental telecom infrastructure"`,
    );
  });

  it("rejects a quote with a footnote marker glued on, since the clean quote is what the record means", () => {
    const metrics = records("metrics");
    (metrics[0] as Record<string, unknown>).evidence = "development goals for 2035.7 In March 2024";
    expect(errorFor({ metrics })).toMatch(
      /record 0 \("upgrading-ambitions-three-decades"\) field "evidence": quote not found/,
    );
  });

  it("rejects an ambiguous quote without an occurrence, and a duplicate id", () => {
    const glossary = records("glossary");
    (glossary[0] as Record<string, unknown>).evidence = "New Industrialization";
    (glossary[2] as Record<string, unknown>).id = (glossary[1] as Record<string, unknown>).id;
    const message = errorFor({ glossary });
    expect(message).toMatch(
      /datasets\/glossary\.json: record 0 \("new-industrialization"\) field "evidence": quote occurs \d+ times/,
    );
    expect(message).toContain(
      'datasets/glossary.json: record 2 ("industrial-upgrading") field "id": duplicate id, first used by record 1',
    );
  });

  it("rejects a dataset that is not an array, and an over-long quote", () => {
    const entities = records("entities");
    (entities[0] as Record<string, unknown>).evidence = document.text.slice(2000, 2400).replace(/\s+$/, "");
    const message = errorFor({ metrics: { metrics: [] }, entities });
    expect(message).toContain("datasets/metrics.json: expected an array of records, got object");
    expect(message).toContain(
      'datasets/entities.json: record 0 ("xi-jinping") field "evidence": quote must be at most 300',
    );
  });

  it("throws a DatasetError whose message is a list of problems, not a stack trace", () => {
    const metrics = records("metrics");
    (metrics[0] as Record<string, unknown>).value = null;
    (metrics[1] as Record<string, unknown>).unit = 7;
    const message = errorFor({ metrics });
    const lines = message.split("\n");
    expect(lines[0]).toBe("Invalid curated datasets:");
    expect(lines.slice(1).every((line) => line.startsWith("  datasets/metrics.json: record "))).toBe(true);
    expect(message).not.toMatch(/\bat .*\(.*:\d+:\d+\)/);
  });
});

describe(loadDatasets, () => {
  async function withDatasetsDir(
    files: Record<string, string>,
    run: (dir: URL) => Promise<void>,
  ): Promise<void> {
    const dir = await mkdtemp(join(tmpdir(), "newind-datasets-"));
    try {
      for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content);
      await run(pathToFileURL(dir)); // no trailing slash on purpose
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  it("loads the shipped files", () => {
    expect(datasets.metrics.every((m) => m.evidence.docId === DOC_ID)).toBe(true);
  });

  it("reports invalid JSON and a missing file by file name", async () => {
    const files = Object.fromEntries(
      DATASET_NAMES.map((name) => [`${name}.json`, JSON.stringify(rawDatasets[name])]),
    );
    files["timeline.json"] = '[{"id": "x",]';
    delete files["glossary.json"];
    await withDatasetsDir(files, async (dir) => {
      const name = dir.pathname.split("/").at(-1);
      const error = await loadDatasets(dir, [document], passages).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DatasetError);
      expect((error as Error).message).toContain(`${name}/timeline.json: invalid JSON`);
      expect((error as Error).message).toContain(`${name}/glossary.json: cannot read the file (ENOENT)`);
    });
  });

  it("reports a bad record with the folder's file name", async () => {
    const files = Object.fromEntries(
      DATASET_NAMES.map((name) => [`${name}.json`, JSON.stringify(rawDatasets[name])]),
    );
    const entities = records("entities");
    (entities[3] as Record<string, unknown>).type = "human";
    files["entities.json"] = JSON.stringify(entities);
    await withDatasetsDir(files, async (dir) => {
      const name = dir.pathname.split("/").at(-1);
      await expect(loadDatasets(dir, [document], passages)).rejects.toThrow(
        `${name}/entities.json: record 3 ("jin-zhuanglong") field "type": `,
      );
    });
  });
});
