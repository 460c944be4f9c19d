/**
 * The curated datasets (metrics, timeline, entities, lists, glossary): their on-disk
 * record schemas, and the loader that validates them and turns every evidence quote
 * into an exact {@link Evidence} span of a source document.
 *
 * On disk, evidence is a verbatim quote string; a quote that occurs more than once in
 * the corpus carries a 1-based `occurrence` (`introOccurrence` for a list's intro).
 * Conventions of the data files are in `datasets/README.md`.
 */
import { readFile } from "node:fs/promises";
import {
  Datasets,
  Entity,
  EnumeratedList,
  type Evidence,
  findAll,
  GlossaryTerm,
  ListItem,
  Metric,
  type Passage,
  type SourceDocument,
  TimelineEvent,
} from "@newind/core";
import { z } from "zod";
import { DATASET_NAMES, type DatasetName } from "./dataset-names.js";
import { DEFAULT_DATASETS_DIR } from "./package-dirs.js";
import { type PartialDate, parsePartialDate } from "./partial-date.js";

export { type PartialDate, parsePartialDate };

/** The longest evidence quote a record may carry: a clause or a sentence, not a paragraph. */
export const MAX_QUOTE_LENGTH = 300;

/** A verbatim quote of a source document, as written in a dataset file. */
export const RawQuote = z
  .string()
  .min(1, "quote must not be empty")
  .max(MAX_QUOTE_LENGTH, `quote must be at most ${MAX_QUOTE_LENGTH} characters`)
  .refine((quote) => quote === quote.trim(), "quote must not start or end with whitespace");
export type RawQuote = z.infer<typeof RawQuote>;

/** Which occurrence of a quote is meant (1-based), when the quote occurs more than once. */
const Occurrence = z.number().int().positive();

/** Where to look for a record's quote: which occurrence, and optionally which document. */
const QuoteLocation = {
  occurrence: Occurrence.optional(),
  /** Restricts the search to one document; by default every given document is searched, in order. */
  docId: z.string().min(1).optional(),
};

/** A metric record as written in `metrics.json`. */
export const RawMetric = Metric.omit({ evidence: true })
  .extend({ evidence: RawQuote, ...QuoteLocation })
  .strict();
export type RawMetric = z.infer<typeof RawMetric>;

/** A timeline record as written in `timeline.json`; `date` is "1950s", "1995", "2022-04" or "2023-09-20". */
export const RawTimelineEvent = TimelineEvent.omit({ evidence: true })
  .extend({
    date: z.string().refine((date) => parsePartialDate(date) !== undefined, {
      message: 'date must be "YYYYs" (a decade), "YYYY", "YYYY-MM" or "YYYY-MM-DD"',
    }),
    evidence: RawQuote,
    ...QuoteLocation,
  })
  .strict();
export type RawTimelineEvent = z.infer<typeof RawTimelineEvent>;

/** An entity record as written in `entities.json`. */
export const RawEntity = Entity.omit({ evidence: true })
  .extend({ evidence: RawQuote, ...QuoteLocation })
  .strict();
export type RawEntity = z.infer<typeof RawEntity>;

/** A list item as written in `lists.json`. */
export const RawListItem = ListItem.omit({ evidence: true })
  .extend({ evidence: RawQuote, ...QuoteLocation })
  .strict();
export type RawListItem = z.infer<typeof RawListItem>;

/** An enumerated list as written in `lists.json`: `intro` is the quote of its lead-in. */
export const RawEnumeratedList = EnumeratedList.omit({ intro: true, items: true })
  .extend({
    intro: RawQuote,
    introOccurrence: Occurrence.optional(),
    docId: z.string().min(1).optional(),
    items: z.array(RawListItem).min(1),
  })
  .strict();
export type RawEnumeratedList = z.infer<typeof RawEnumeratedList>;

/** A glossary term as written in `glossary.json`; its evidence quote is optional. */
export const RawGlossaryTerm = GlossaryTerm.omit({ evidence: true })
  .extend({ evidence: RawQuote.optional(), ...QuoteLocation })
  .strict();
export type RawGlossaryTerm = z.infer<typeof RawGlossaryTerm>;

// The names live in a module without zod, for the corpus snapshot; re-exported here, where they always were.
export { DATASET_NAMES, type DatasetName } from "./dataset-names.js";

/** The raw records of every dataset, before validation (e.g. parsed JSON). */
export type RawDatasets = Record<DatasetName, unknown>;

/** Options of {@link resolveDatasets}. */
export interface ResolveDatasetsOptions {
  /** How a dataset is named in error messages. Default: `datasets/<name>.json`. */
  fileLabel?: (name: DatasetName) => string;
}

/**
 * A dataset that failed to load. `message` lists every problem, one a line, each naming
 * the file, the record (0-based index and id) and the field, e.g.
 * `datasets/metrics.json: record 3 ("automakers-2020") field "value": expected number, received string`.
 */
export class DatasetError extends Error {
  override readonly name = "DatasetError";
  /** One line per problem. */
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    const shown = problems.slice(0, MAX_PROBLEMS_SHOWN);
    const more = problems.length - shown.length;
    super(
      [
        `Invalid curated dataset${problems.length === 1 ? "" : "s"}:`,
        ...shown.map((problem) => `  ${problem}`),
        ...(more > 0 ? [`  … and ${more} more`] : []),
      ].join("\n"),
    );
    this.problems = problems;
  }
}

const MAX_PROBLEMS_SHOWN = 25;

/** `["items", 2, "evidence"]` → `items[2].evidence`. */
function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out;
}

function describeRecord(record: unknown, index: number): string {
  const id =
    typeof record === "object" && record !== null && "id" in record && typeof record.id === "string"
      ? ` (${JSON.stringify(record.id)})`
      : "";
  return `record ${index}${id}`;
}

function recordProblem(file: string, record: unknown, index: number, field: string, message: string): string {
  const where = field === "" ? "" : ` field ${JSON.stringify(field)}`;
  return `${file}: ${describeRecord(record, index)}${where}: ${message}`;
}

/**
 * Validates every record of one dataset on its own, so one bad record does not hide the
 * others and each problem names its record. Also rejects duplicate ids.
 */
function validateRecords<Schema extends z.ZodType>(
  file: string,
  raw: unknown,
  schema: Schema,
  problems: string[],
): { index: number; record: z.infer<Schema> }[] {
  if (!Array.isArray(raw)) {
    problems.push(`${file}: expected an array of records, got ${raw === null ? "null" : typeof raw}`);
    return [];
  }
  const valid: { index: number; record: z.infer<Schema> }[] = [];
  const firstIndexOfId = new Map<string, number>();
  raw.forEach((record: unknown, index) => {
    const result = schema.safeParse(record);
    if (!result.success) {
      for (const issue of result.error.issues) {
        problems.push(recordProblem(file, record, index, formatPath(issue.path), issue.message));
      }
      return;
    }
    const id = (result.data as { id: string }).id;
    const first = firstIndexOfId.get(id);
    if (first !== undefined) {
      problems.push(recordProblem(file, record, index, "id", `duplicate id, first used by record ${first}`));
      return;
    }
    firstIndexOfId.set(id, index);
    valid.push({ index, record: result.data });
  });
  return valid;
}

/** Where a quote was asked for: which occurrence, in which document. */
export interface QuoteQuery {
  /** 1-based; required when the quote occurs more than once. */
  occurrence?: number;
  /** Search only this document. */
  docId?: string;
}

/** The outcome of {@link locateQuote}: the exact evidence, or why there is none. */
export type LocateQuoteResult = { ok: true; evidence: Evidence } | { ok: false; reason: string };

/** Passages grouped by document, for {@link locateQuote}. */
export type PassagesByDocument = ReadonlyMap<string, readonly Passage[]>;

/** Groups passages by their `docId`, once, for repeated {@link locateQuote} calls. */
export function groupPassagesByDocument(passages: readonly Passage[]): PassagesByDocument {
  const byDocument = new Map<string, Passage[]>();
  for (const passage of passages) {
    const group = byDocument.get(passage.docId);
    if (group) group.push(passage);
    else byDocument.set(passage.docId, [passage]);
  }
  return byDocument;
}

function preview(quote: string): string {
  return JSON.stringify(quote.length > 80 ? `${quote.slice(0, 77)}…` : quote);
}

/**
 * Finds `quote` verbatim in the documents and returns its exact evidence: the span in
 * the document's raw text and the innermost passage whose span contains it.
 *
 * A quote found nowhere, found more than once without `occurrence`, or not inside a
 * single passage (it crosses a paragraph boundary or sits in page chrome) is a failure
 * with a reason, never a guess.
 *
 * @example
 * const found = locateQuote("In 1995, a company called BYD", documents, groupPassagesByDocument(passages));
 * if (found.ok) document.text.slice(found.evidence.start, found.evidence.end); // the quote
 */
export function locateQuote(
  quote: string,
  documents: readonly SourceDocument[],
  passagesByDocument: PassagesByDocument,
  query: QuoteQuery = {},
): LocateQuoteResult {
  const searched = query.docId === undefined ? documents : documents.filter((d) => d.id === query.docId);
  if (searched.length === 0) {
    return { ok: false, reason: `no document has id ${JSON.stringify(query.docId)}` };
  }
  const hits = searched.flatMap((document) =>
    findAll(document.text, quote).map((span) => ({ document, span })),
  );
  if (hits.length === 0) {
    return { ok: false, reason: `quote not found verbatim in the corpus: ${preview(quote)}` };
  }
  if (query.occurrence === undefined && hits.length > 1) {
    return {
      ok: false,
      reason: `quote occurs ${hits.length} times; lengthen it or add "occurrence" (1-${hits.length}): ${preview(quote)}`,
    };
  }
  const occurrence = query.occurrence ?? 1;
  const hit = hits[occurrence - 1];
  if (!hit) {
    return {
      ok: false,
      reason: `occurrence ${occurrence} asked for, but the quote occurs ${hits.length} time${hits.length === 1 ? "" : "s"}: ${preview(quote)}`,
    };
  }
  const { document, span } = hit;
  let best: Passage | undefined;
  for (const passage of passagesByDocument.get(document.id) ?? []) {
    if (passage.span.start > span.start || passage.span.end < span.end) continue;
    // Innermost wins, should a parser ever nest passages (a list item inside its block).
    if (!best || passage.span.end - passage.span.start < best.span.end - best.span.start) best = passage;
  }
  if (!best) {
    return {
      ok: false,
      reason: `quote is not inside any one passage of ${JSON.stringify(document.id)} (offsets ${span.start}-${span.end}; does it cross a paragraph or sit in page chrome?): ${preview(quote)}`,
    };
  }
  return {
    ok: true,
    evidence: {
      docId: document.id,
      passageId: best.id,
      paragraph: best.paragraph,
      start: span.start,
      end: span.end,
      quote: document.text.slice(span.start, span.end),
    },
  };
}

/** Copies `record` without the on-disk-only keys (quote location, raw evidence). */
function omitKeys<T extends object, K extends keyof T>(record: T, keys: readonly K[]): Omit<T, K> {
  const copy: Partial<T> = { ...record };
  for (const key of keys) delete copy[key];
  return copy as Omit<T, K>;
}

/**
 * Validates raw dataset records and resolves every evidence quote to an exact span.
 * Pure: no files are read, so tests can feed any input.
 *
 * @param raw - the parsed contents of each dataset file (anything; it is validated here).
 * @param documents - the documents the quotes come from, searched in order.
 * @param passages - their passages; each evidence is attributed to the passage containing it.
 * @returns the datasets, validated by `@newind/core`'s `Datasets` schema.
 * @throws {@link DatasetError} listing every bad record (file, record, field) and every unresolvable quote.
 * @example
 * const datasets = resolveDatasets({ metrics, timeline, entities, lists, glossary }, documents, passages);
 */
// biome-ignore-start lint/complexity/noExcessiveLinesPerFunction: the five datasets are validated and resolved side by side so every problem (bad record, unresolvable quote) is collected into one error listing them all; each dataset's part is a short block
export function resolveDatasets(
  raw: RawDatasets,
  documents: readonly SourceDocument[],
  passages: readonly Passage[],
  options: ResolveDatasetsOptions = {},
): Datasets {
  const label = options.fileLabel ?? ((name: DatasetName) => `datasets/${name}.json`);
  const problems: string[] = [];
  const passagesByDocument = groupPassagesByDocument(passages);

  const resolve = (
    file: string,
    record: unknown,
    index: number,
    field: string,
    quote: string,
    query: QuoteQuery,
  ): Evidence | undefined => {
    const found = locateQuote(quote, documents, passagesByDocument, query);
    if (found.ok) return found.evidence;
    problems.push(recordProblem(file, record, index, field, found.reason));
    return undefined;
  };
  const where = (occurrence: number | undefined, docId: string | undefined): QuoteQuery => ({
    ...(occurrence === undefined ? {} : { occurrence }),
    ...(docId === undefined ? {} : { docId }),
  });

  const metrics: Metric[] = [];
  const metricsFile = label("metrics");
  for (const { index, record } of validateRecords(metricsFile, raw.metrics, RawMetric, problems)) {
    const evidence = resolve(
      metricsFile,
      record,
      index,
      "evidence",
      record.evidence,
      where(record.occurrence, record.docId),
    );
    if (evidence) metrics.push({ ...omitKeys(record, ["evidence", "occurrence", "docId"]), evidence });
  }

  const timeline: TimelineEvent[] = [];
  const timelineFile = label("timeline");
  for (const { index, record } of validateRecords(timelineFile, raw.timeline, RawTimelineEvent, problems)) {
    const evidence = resolve(
      timelineFile,
      record,
      index,
      "evidence",
      record.evidence,
      where(record.occurrence, record.docId),
    );
    if (evidence) timeline.push({ ...omitKeys(record, ["evidence", "occurrence", "docId"]), evidence });
  }

  const entities: Entity[] = [];
  const entitiesFile = label("entities");
  for (const { index, record } of validateRecords(entitiesFile, raw.entities, RawEntity, problems)) {
    const evidence = resolve(
      entitiesFile,
      record,
      index,
      "evidence",
      record.evidence,
      where(record.occurrence, record.docId),
    );
    if (evidence) entities.push({ ...omitKeys(record, ["evidence", "occurrence", "docId"]), evidence });
  }

  const lists: EnumeratedList[] = [];
  const listsFile = label("lists");
  for (const { index, record } of validateRecords(listsFile, raw.lists, RawEnumeratedList, problems)) {
    const intro = resolve(
      listsFile,
      record,
      index,
      "intro",
      record.intro,
      where(record.introOccurrence, record.docId),
    );
    const items: ListItem[] = [];
    let complete = intro !== undefined;
    record.items.forEach((item, itemIndex) => {
      const evidence = resolve(
        listsFile,
        record,
        index,
        `items[${itemIndex}].evidence`,
        item.evidence,
        where(item.occurrence, item.docId ?? record.docId),
      );
      if (evidence) items.push({ text: item.text, evidence });
      else complete = false;
    });
    if (intro && complete) {
      lists.push({ ...omitKeys(record, ["intro", "introOccurrence", "docId", "items"]), intro, items });
    }
  }

  const glossary: GlossaryTerm[] = [];
  const glossaryFile = label("glossary");
  for (const { index, record } of validateRecords(glossaryFile, raw.glossary, RawGlossaryTerm, problems)) {
    const term = omitKeys(record, ["evidence", "occurrence", "docId"]);
    if (record.evidence === undefined) {
      glossary.push(term);
      continue;
    }
    const evidence = resolve(
      glossaryFile,
      record,
      index,
      "evidence",
      record.evidence,
      where(record.occurrence, record.docId),
    );
    if (evidence) glossary.push({ ...term, evidence });
  }

  if (problems.length > 0) throw new DatasetError(problems);
  // The resolved records are built to core's schema; parsing once more guards the contract.
  const checked = Datasets.safeParse({ metrics, timeline, entities, lists, glossary });
  if (!checked.success) {
    throw new DatasetError(
      checked.error.issues.map(
        (issue) => `resolved datasets: field ${JSON.stringify(formatPath(issue.path))}: ${issue.message}`,
      ),
    );
  }
  return checked.data;
}
// biome-ignore-end lint/complexity/noExcessiveLinesPerFunction: see above

/** The folder of the curated datasets shipped with this package (`datasets/`, beside `src/` and `dist/`). */
export const defaultDatasetsDir: URL = DEFAULT_DATASETS_DIR;

/**
 * Reads the five dataset files (`metrics.json`, `timeline.json`, `entities.json`,
 * `lists.json`, `glossary.json`) from `datasetsDir`, validates every record, and
 * resolves every evidence quote to an exact span of `documents`.
 *
 * @param datasetsDir - the folder holding the files (a `file:` URL; a trailing slash is optional).
 * @returns the validated `Datasets`.
 * @throws {@link DatasetError} naming the file, record and field of every problem: an
 * unreadable file, invalid JSON, a bad record, or a quote that cannot be found.
 * @example
 * const datasets = await loadDatasets(defaultDatasetsDir, documents, passages);
 * datasets.metrics.find((metric) => metric.id === "automakers-china-2020")?.value; // → 122
 */
export async function loadDatasets(
  datasetsDir: URL,
  documents: SourceDocument[],
  passages: Passage[],
): Promise<Datasets> {
  const dir = datasetsDir.href.endsWith("/") ? datasetsDir : new URL(`${datasetsDir.href}/`);
  const folderName = decodeURIComponent(dir.pathname.split("/").at(-2) ?? "datasets");
  const fileLabel = (name: DatasetName) => `${folderName}/${name}.json`;
  const problems: string[] = [];
  const entries = await Promise.all(
    DATASET_NAMES.map(async (name): Promise<[DatasetName, unknown]> => {
      let text: string;
      try {
        text = await readFile(new URL(`${name}.json`, dir), "utf8");
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? String(error);
        problems.push(`${fileLabel(name)}: cannot read the file (${code})`);
        return [name, []];
      }
      try {
        return [name, JSON.parse(text) as unknown];
      } catch (error) {
        problems.push(`${fileLabel(name)}: invalid JSON: ${(error as Error).message}`);
        return [name, []];
      }
    }),
  );
  if (problems.length > 0) throw new DatasetError(problems);
  return resolveDatasets(Object.fromEntries(entries) as RawDatasets, documents, passages, { fileLabel });
}
