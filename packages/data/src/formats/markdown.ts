import type { Author, Span } from "@newind/core";
import { escapeControl } from "@newind/core/text";
import { isMap, isScalar, isSeq, parseDocument as parseYaml } from "yaml";
import { cleanTitle, type ExtractedDocument, splitNames } from "./extracted-document.js";

// A front-matter block: "---" on the first line (after any byte-order mark), YAML, then
// "---" (or "...") on a line of its own.
const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n(?:([\s\S]*?)\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;
const ATX_HEADING = /^ {0,3}(#{1,6})[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$/gm;

/**
 * Reads a Markdown document. The text is the file itself (front matter included, so
 * offsets index the file); the front matter is excluded from the indexed body. Metadata
 * comes from YAML front matter — `title`, `author`/`authors` (a name, a list of names,
 * or `{name, role}` objects), `date`/`published`/`year`, `publisher`, `url` — and the title
 * otherwise from the first heading.
 *
 * @example
 * extractMarkdown("---\ntitle: Jin interview\nauthors: [Jin Zhuanglong]\ndate: 2023-09-01\n---\n\nBody.");
 * // → { title: "Jin interview", authors: [{ name: "Jin Zhuanglong" }], published: "2023-09-01", bodyStart: 68, … }
 */
export function extractMarkdown(text: string): ExtractedDocument {
  const problems: string[] = [];
  const block = FRONT_MATTER.exec(text);
  const bodyStart = block ? block[0].length : 0;
  let fields: Record<string, unknown> = {};
  let bylines: Span[] = [];
  if (block?.[1] !== undefined) {
    const { value, problems: yamlProblems, authors: spans = [] } = readFrontMatter(block[1]);
    problems.push(...yamlProblems);
    // The source of the front matter starts after its opening "---" line.
    const offset = block[0].indexOf(block[1]);
    bylines = spans.map((span) => ({ start: span.start + offset, end: span.end + offset }));
    if (value !== null && typeof value === "object" && !Array.isArray(value)) {
      fields = value as Record<string, unknown>;
    } else if (value !== null && value !== undefined) {
      problems.push("the front matter is not a YAML mapping (key: value lines); it was ignored");
    }
  }

  const metadata: Omit<ExtractedDocument, "text" | "bodyStart" | "problems"> = {};
  // Own keys only: a front-matter key such as "__proto__" must not stand in for another.
  const field = (name: string) => ownValue(fields, name);
  const title = cleanTitle(scalar(field("title"))) ?? cleanTitle(firstHeading(text.slice(bodyStart)));
  if (title !== undefined) metadata.title = title;
  const authors = readAuthors(field("authors") ?? field("author"));
  if (authors.length > 0) metadata.authors = authors;
  const published = scalar(field("date") ?? field("published") ?? field("year"));
  if (published !== undefined) metadata.published = published;
  const publisher = scalar(field("publisher"));
  if (publisher !== undefined) metadata.publisher = publisher;
  const url = scalar(field("url"));
  if (url !== undefined && URL.canParse(url)) metadata.url = url;
  if (metadata.authors && bylines.length > 0) metadata.bylines = bylines;
  return { text, bodyStart, problems, ...metadata };
}

/**
 * Parses a front-matter block. The yaml library's warnings (an unknown tag, say) come back
 * as problems, never through `process.emitWarning`, which would print the raw source line —
 * escape sequences included — on stderr; the reason is shown with its control characters
 * escaped, and the line counted from the file's first line.
 */
function readFrontMatter(source: string): { value: unknown; problems: string[]; authors?: Span[] } {
  const lineOf = (offset: number | undefined) =>
    offset === undefined ? "" : ` at line ${source.slice(0, offset).split("\n").length + 1}`;
  const describe = (error: { message: string; pos?: readonly number[] }) =>
    `${escapeControl(error.message.split("\n")[0]?.trim() ?? "")}${lineOf(error.pos?.[0])}`;
  try {
    const document = parseYaml(source, { prettyErrors: false, logLevel: "silent" });
    const [error] = document.errors;
    if (error)
      return {
        value: undefined,
        problems: [`the front matter is not valid YAML (${describe(error)}); it was ignored`],
      };
    const problems = document.warnings.map((warning) => `front matter: ${describe(warning)}`);
    return { value: document.toJS({ maxAliasCount: 100 }), problems, authors: authorSpans(document, source) };
  } catch (error) {
    return {
      value: undefined,
      problems: [`the front matter is not valid YAML (${describe(error as Error)}); it was ignored`],
    };
  }
}

type YamlNode = ReturnType<typeof parseYaml>["contents"];

/**
 * Where the front matter gives the authors' names (`author: "Kyla H. Kitamura"`, a list, or
 * `{name, role}` items): the spans of those names in `source`, without quotes, so a byline can
 * cite them.
 */
function authorSpans(document: ReturnType<typeof parseYaml>, source: string): Span[] {
  const spans: Span[] = [];
  const scalarSpan = (node: YamlNode) => {
    if (!isScalar(node) || typeof node.value !== "string" || !node.range) return;
    let [start, end] = node.range;
    if (/["']/.test(source[start] ?? "") && source[end - 1] === source[start]) {
      start++;
      end--;
    }
    while (start < end && /\s/.test(source[start] ?? "")) start++;
    while (end > start && /\s/.test(source[end - 1] ?? "")) end--;
    if (end > start) spans.push({ start, end });
  };
  const nameOf = (node: YamlNode) =>
    isMap(node) ? scalarSpan(node.get("name", true) as YamlNode) : scalarSpan(node);
  const root = document.contents;
  if (!isMap(root)) return spans;
  const value = (root.get("authors", true) ?? root.get("author", true)) as YamlNode;
  if (isSeq(value)) for (const item of value.items) nameOf(item as YamlNode);
  else nameOf(value);
  return spans;
}

/** `record[name]` when it is the record's own property, else undefined. */
function ownValue(record: object, name: string): unknown {
  return Object.hasOwn(record, name) ? (record as Record<string, unknown>)[name] : undefined;
}

/** The first ATX heading, preferring a level-1 one. */
function firstHeading(body: string): string | undefined {
  let first: string | undefined;
  for (const match of body.matchAll(ATX_HEADING)) {
    if (match[1] === "#") return match[2];
    first ??= match[2];
  }
  return first;
}

/** A YAML scalar as a trimmed string (a year written `2023` is a number to YAML). */
function scalar(value: unknown): string | undefined {
  if (typeof value === "string") return value.trim() || undefined;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  return undefined;
}

function readAuthors(value: unknown): Author[] {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  const authors: Author[] = [];
  for (const item of list) {
    if (typeof item === "string") {
      for (const name of splitNames(item)) authors.push({ name });
    } else if (item !== null && typeof item === "object") {
      const name = scalar(ownValue(item, "name"));
      const role = scalar(ownValue(item, "role"));
      if (name !== undefined) authors.push(role === undefined ? { name } : { name, role });
    }
  }
  return authors;
}
