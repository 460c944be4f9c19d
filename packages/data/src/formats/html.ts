import type { Author } from "@newind/core";
import { DomHandler, ElementType, Parser } from "htmlparser2";
import { cleanTitle, type ExtractedDocument, splitNames } from "./extracted-document.js";

type HtmlDocument = DomHandler["root"];
type HtmlNode = HtmlDocument["children"][number];
type HtmlElement = Extract<HtmlNode, { attribs: Record<string, string> }>;

// Page chrome and non-text content: never part of the main text.
const SKIPPED = new Set([
  "script",
  "style",
  "noscript",
  "template",
  "head",
  "nav",
  "header",
  "footer",
  "aside",
  "menu",
  "form",
  "button",
  "select",
  "textarea",
  "iframe",
  "object",
  "svg",
  "canvas",
  "dialog",
]);

// Elements that start a new paragraph of the extracted text.
const BLOCKS = new Set([
  "address",
  "article",
  "blockquote",
  "caption",
  "center",
  "dd",
  "details",
  "div",
  "dl",
  "dt",
  "figcaption",
  "figure",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "hr",
  "li",
  "main",
  "ol",
  "p",
  "pre",
  "section",
  "summary",
  "table",
  "tbody",
  "tfoot",
  "thead",
  "tr",
  "ul",
]);

/**
 * Pages nested deeper than this are not read (browsers stop nesting at 512). htmlparser2
 * keeps its open elements in an array it shifts on every tag, so each tag costs the depth:
 * a page of nothing but "<b>" would take hours; capped, any page parses in linear time.
 */
export const MAX_HTML_DEPTH = 1000;

// HTML's own whitespace (not U+00A0, which we turn into a plain space separately).
const HTML_WHITESPACE = /[ \t\n\r\f]+/g;

interface Block {
  text: string;
  /** List items of one list are joined by single newlines, like the shipped corpus's lists. */
  listId?: number;
}

interface ListContext {
  id: number;
  ordered: boolean;
  next: number;
}

/**
 * Extracts the main text of an HTML page with htmlparser2. Scripts, styles, navigation,
 * headers, footers, asides and forms are dropped; when the page has a `<main>` (or
 * `role="main"`, or a single `<article>`), only that is read. Each block (paragraph,
 * …) becomes a paragraph separated by a blank line, headings are written as Markdown ones
 * (`## Notes`), table rows as Markdown pipe-table rows (a first row of `<th>` cells its header;
 * a pipe in a cell escaped `\|`; a table inside a cell run into the cell's text),
 * and list items
 * become `  • item` / `  1. item` lines, so the shared parser finds paragraphs and lists
 * exactly as in the shipped corpus. The title is the `<title>`, else the first `<h1>`;
 * authors, publisher, date and URL come from the usual `<meta>` tags when present.
 *
 * @throws {RangeError} for a page nested more than {@link MAX_HTML_DEPTH} elements deep.
 *
 * @example
 * extractHtml("<title>Jin</title><nav>Home</nav><p>First.</p><ul><li>a</li><li>b</li></ul>").text;
 * // → "First.\n\n  • a\n  • b"
 */
export function extractHtml(html: string): ExtractedDocument {
  const document = parseHtml(html);
  const walker = new TextWalker();
  walker.walk(mainContent(document));
  const text = walker.finish();

  const metadata: Omit<ExtractedDocument, "text" | "bodyStart" | "problems"> = {};
  const titleElement = findFirst(document.children, (element) => element.name === "title");
  const title = cleanTitle(titleElement ? textOf([titleElement]) : undefined) ?? cleanTitle(walker.firstH1);
  if (title !== undefined) metadata.title = title;
  const authors = metaValues(document, ["author", "citation_author", "dc.creator", "article:author"])
    .filter((name) => !URL.canParse(name))
    .map((name): Author => ({ name }));
  // Without author metadata, the page's byline names them ("<p class="byline">By: A and B</p>").
  if (authors.length === 0) authors.push(...bylineAuthors(document));
  if (authors.length > 0) metadata.authors = authors;
  const publisher = metaValues(document, ["og:site_name", "citation_publisher", "dc.publisher"])[0];
  if (publisher !== undefined) metadata.publisher = publisher;
  const published = metaValues(document, [
    "article:published_time",
    "citation_publication_date",
    "dc.date",
    "date",
  ])[0];
  if (published !== undefined) metadata.published = published;
  const canonical = findFirst(
    document.children,
    (element) => element.name === "link" && (element.attribs.rel ?? "").toLowerCase() === "canonical",
  )?.attribs.href;
  const url = canonical ?? metaValues(document, ["og:url"])[0];
  if (url !== undefined && /^https?:\/\//i.test(url) && URL.canParse(url)) metadata.url = url;
  return { text, bodyStart: 0, problems: [], ...metadata };
}

/** A DOM handler that refuses to nest deeper than {@link MAX_HTML_DEPTH}. */
class DepthLimitedHandler extends DomHandler {
  override onopentag(name: string, attribs: Record<string, string>): void {
    super.onopentag(name, attribs);
    if (this.tagStack.length > MAX_HTML_DEPTH) {
      throw new RangeError(`the HTML is nested more than ${MAX_HTML_DEPTH} elements deep`);
    }
  }
}

function parseHtml(html: string): HtmlDocument {
  const handler = new DepthLimitedHandler(undefined, {});
  new Parser(handler, { decodeEntities: true }).end(html);
  return handler.root;
}

/** The element holding the page's main text: `<main>`, `role="main"`, a lone `<article>`, or `<body>`. */
function mainContent(document: HtmlDocument): HtmlNode[] {
  const find = (test: (element: HtmlElement) => boolean) => findFirst(document.children, test);
  const main =
    find((element) => element.name === "main") ?? find((element) => element.attribs.role === "main");
  if (main) return [main];
  const articles = findElements(document.children, (element) => element.name === "article");
  if (articles.length === 1 && articles[0]) return [articles[0]];
  const body = find((element) => element.name === "body");
  return body ? [body] : document.children;
}

/** Class tokens of an element that holds the page's byline. */
const BYLINE_CLASSES = new Set(["byline", "by-line", "author", "authors", "author-name", "article-author"]);
/** The longest byline read as names: a longer element is a biography, not a byline. */
const MAX_BYLINE_LENGTH = 160;

/** Whether an element holds the page's byline: by its class, `rel="author"` or `itemprop="author"`. */
function isByline(element: HtmlElement): boolean {
  const classes = (element.attribs.class ?? "").toLowerCase().split(/\s+/);
  return (
    classes.some((token) => BYLINE_CLASSES.has(token)) ||
    (element.attribs.rel ?? "").toLowerCase() === "author" ||
    (element.attribs.itemprop ?? "").toLowerCase() === "author"
  );
}

/** The names in the main text's first byline element, without its "By"/"By:" and with lists split. */
function bylineAuthors(document: HtmlDocument): Author[] {
  const byline = findFirst(
    mainContent(document),
    (element) => isByline(element) && !SKIPPED.has(element.name),
  );
  const text = byline ? textOf([byline]).replace(/\s+/g, " ").trim() : "";
  if (text.length === 0 || text.length > MAX_BYLINE_LENGTH) return [];
  const names = splitNames(text.replace(/^by\b:?\s*/i, ""));
  // A name has a capital letter and no sentence in it.
  return names.every((name) => /\p{Lu}/u.test(name) && !/[.!?]\s/.test(name))
    ? names.map((name) => ({ name }))
    : [];
}

/** Values of `<meta name|property="…" content="…">` for the given keys, in key order, de-duplicated. */
function metaValues(document: HtmlDocument, keys: string[]): string[] {
  const metas = findElements(document.children, (element) => element.name === "meta");
  const values: string[] = [];
  for (const key of keys) {
    for (const meta of metas) {
      const name = (meta.attribs.name ?? meta.attribs.property ?? "").toLowerCase();
      const content = meta.attribs.content?.replace(/\s+/g, " ").trim();
      if (name === key && content && !values.includes(content)) values.push(content);
    }
  }
  return values;
}

// The DOM is walked with explicit stacks, never by recursion: a page nested thousands of
// elements deep ("<b>" × 3000) must not exhaust the call stack.

/** Every node under `nodes`, in document order (preorder), with elements whose subtree `enter` declines skipped. */
function* descendants(
  nodes: readonly HtmlNode[],
  enter: (element: HtmlElement) => boolean = () => true,
): Generator<HtmlNode> {
  const stack: { nodes: readonly HtmlNode[]; next: number }[] = [{ nodes, next: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1] as { nodes: readonly HtmlNode[]; next: number };
    const node = top.nodes[top.next++];
    if (node === undefined) {
      stack.pop();
      continue;
    }
    yield node;
    if ("children" in node && node.children.length > 0 && (!isElement(node) || enter(node))) {
      stack.push({ nodes: node.children, next: 0 });
    }
  }
}

/** The first element under `nodes`, in document order, that passes `test`. */
function findFirst(
  nodes: readonly HtmlNode[],
  test: (element: HtmlElement) => boolean,
): HtmlElement | undefined {
  for (const node of descendants(nodes)) if (isElement(node) && test(node)) return node;
  return undefined;
}

/** Every element under `nodes` that passes `test`, in document order. */
function findElements(nodes: readonly HtmlNode[], test: (element: HtmlElement) => boolean): HtmlElement[] {
  const found: HtmlElement[] = [];
  for (const node of descendants(nodes)) if (isElement(node) && test(node)) found.push(node);
  return found;
}

/** The text of the nodes under `nodes`, concatenated. */
function textOf(nodes: readonly HtmlNode[]): string {
  let text = "";
  for (const node of descendants(nodes))
    if (node.type === ElementType.Text && "data" in node) text += node.data;
  return text;
}

/** Walks the DOM, collecting blocks of text. */
class TextWalker {
  private readonly blocks: Block[] = [];
  private current = "";
  private preformatted = 0;
  private readonly lists: ListContext[] = [];
  private nextListId = 0;
  private pendingItem: { prefix: string; listId: number | undefined } | undefined;
  private inHeading1 = false;
  /** How many table cells the walk is inside (a table in a cell is the cell's text). */
  private cellDepth = 0;
  /** The table row being read, and whether all its cells are header cells so far. */
  private row: { cells: string[]; header: boolean } | undefined;
  /** The table being read: its rows share an id, so they stay on consecutive lines. */
  private table: { id: number; rows: number } | undefined;
  /** The `#`s the next block starts with, inside a heading element. */
  private headingPrefix: string | undefined;
  private heading1 = "";
  firstH1: string | undefined;

  /** Walks `nodes` in document order; what an element does after its children waits on a stack. */
  walk(nodes: readonly HtmlNode[]): void {
    const stack: (HtmlNode | (() => void))[] = [...nodes].reverse();
    const pushChildren = (children: readonly HtmlNode[]) => {
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as HtmlNode);
    };
    while (stack.length > 0) {
      const item = stack.pop() as HtmlNode | (() => void);
      if (typeof item === "function") {
        item();
        continue;
      }
      if (item.type === ElementType.Text && "data" in item) this.text(item.data);
      else if (isElement(item)) {
        const after = this.enter(item);
        if (after === undefined) continue;
        stack.push(after);
        pushChildren(item.children);
      } else if (item.type === ElementType.CDATA && "children" in item) pushChildren(item.children);
    }
  }

  finish(): string {
    this.flush();
    let text = "";
    let previous: Block | undefined;
    for (const block of this.blocks) {
      if (previous) {
        text += block.listId !== undefined && block.listId === previous.listId ? "\n" : "\n\n";
      }
      text += block.text;
      previous = block;
    }
    return text;
  }

  private text(data: string): void {
    const text = this.preformatted > 0 ? data : data.replace(HTML_WHITESPACE, " ");
    const clean = text.replace(/\u00a0/g, " ");
    this.current += clean;
    if (this.inHeading1) this.heading1 += clean;
  }

  /**
   * Starts an element: returns what to do once its children are walked, or undefined when
   * they are not walked (skipped elements, `<br>`).
   */
  private enter(element: HtmlElement): (() => void) | undefined {
    const name = element.name;
    if (SKIPPED.has(name) || isHidden(element)) return undefined;
    if (name === "br") {
      this.current += "\n";
      return undefined;
    }
    if (name === "li" && this.row === undefined) return this.enterListItem();
    // A table inside a cell is part of the cell's text: its rows and cells are run together.
    if (this.cellDepth > 0 && (name === "table" || name === "tr" || name === "td" || name === "th")) {
      this.current += " ";
      return () => {
        this.current += " ";
      };
    }
    if (name === "tr") return this.enterRow();
    if ((name === "td" || name === "th") && this.row !== undefined) return this.enterCell(name);
    if (name === "table") {
      this.flush();
      const outer = this.table;
      this.table = { id: this.nextListId++, rows: 0 };
      return () => {
        this.table = outer;
      };
    }
    if (!BLOCKS.has(name)) {
      // Inline. Table cells and image alt text add spaces so words don't run together.
      if (name === "img" && element.attribs.alt) this.current += ` ${element.attribs.alt} `;
      return () => {
        if (name === "td" || name === "th") this.current += " ";
      };
    }
    this.flush();
    const isList = name === "ul" || name === "ol";
    if (isList) {
      const start = Number.parseInt(element.attribs.start ?? "1", 10);
      this.lists.push({
        id: this.nextListId++,
        ordered: name === "ol",
        next: Number.isFinite(start) ? start : 1,
      });
    }
    const isHeading1 = name === "h1" && this.firstH1 === undefined;
    if (isHeading1) this.inHeading1 = true;
    // A heading is written as a Markdown one ("## Notes"), so the parser reads it as a heading.
    const level = /^h([1-6])$/.exec(name)?.[1];
    if (level !== undefined && this.pendingItem === undefined)
      this.headingPrefix = `${"#".repeat(Number(level))} `;
    if (name === "pre") this.preformatted++;
    return () => {
      if (name === "pre") this.preformatted--;
      this.flush();
      if (level !== undefined) this.headingPrefix = undefined;
      if (isHeading1) {
        this.inHeading1 = false;
        this.firstH1 = this.heading1;
      }
      if (isList) this.lists.pop();
    };
  }

  /** A table row: its cells, written as a Markdown pipe-table row ("| BYD | 1995 |"). */
  private enterRow(): () => void {
    this.flush();
    const outer = this.row;
    this.row = { cells: [], header: true };
    return () => {
      const row = this.row;
      this.row = outer;
      this.current = "";
      if (!row || row.cells.length === 0) return;
      const table = this.table;
      const listId = table?.id;
      const line: Block = { text: `| ${row.cells.join(" | ")} |` };
      if (listId !== undefined) line.listId = listId;
      this.blocks.push(line);
      // The first row, all header cells, is the table's header: the delimiter row marks it.
      if (table && table.rows++ === 0 && row.header) {
        const delimiter: Block = { text: `|${" --- |".repeat(row.cells.length)}` };
        if (listId !== undefined) delimiter.listId = listId;
        this.blocks.push(delimiter);
      }
    };
  }

  /** A table cell: its text, on one line, pipes in it written as slashes. */
  private enterCell(name: string): () => void {
    const before = this.current;
    this.current = "";
    this.cellDepth++;
    return () => {
      this.cellDepth--;
      // One line; a pipe in the cell is escaped, as Markdown writes it, so it splits no cell.
      const cell = this.take()
        .replace(/\s*\n\s*/g, " ")
        .replace(/\|/g, "\\|");
      this.current = before;
      this.row?.cells.push(cell);
      if (name !== "th" && this.row) this.row.header = false;
    };
  }

  private enterListItem(): () => void {
    this.flush();
    const list = this.lists.at(-1);
    const marker = list?.ordered ? `${list.next++}. ` : "• ";
    const outer = this.pendingItem;
    this.pendingItem = {
      prefix: `${"  ".repeat(Math.max(1, this.lists.length))}${marker}`,
      listId: list?.id,
    };
    return () => {
      this.flush();
      this.pendingItem = outer;
    };
  }

  private flush(): void {
    // Inside a table row, blocks (a <p> in a cell) are part of the cell.
    if (this.row !== undefined) {
      this.current += " ";
      return;
    }
    const text = this.take();
    if (text.length === 0) return;
    // The first text of a list item carries its marker (`<li><p>…</p></li>` and
    // `<li>text<ul>…</ul></li>` alike); anything after a nested list is a plain paragraph.
    const item = this.pendingItem;
    if (item) {
      this.pendingItem = undefined;
      const block: Block = { text: `${item.prefix}${text.replace(/\n/g, " ")}` };
      if (item.listId !== undefined) block.listId = item.listId;
      this.blocks.push(block);
      return;
    }
    const heading = this.headingPrefix;
    if (heading !== undefined) {
      this.headingPrefix = undefined;
      this.blocks.push({ text: `${heading}${text.replace(/\s*\n\s*/g, " ")}` });
      return;
    }
    this.blocks.push({ text });
  }

  /** The current buffer, cleaned, emptied. */
  private take(): string {
    const raw = this.current;
    this.current = "";
    if (this.preformatted > 0) return raw.replace(/^\n+|\s+$/g, "");
    return raw
      .split("\n")
      .map((line) => line.replace(/ {2,}/g, " ").trim())
      .filter((line) => line.length > 0)
      .join("\n");
  }
}

/** Tags, including `<script>` and `<style>`, which htmlparser2 types separately. */
function isElement(node: HtmlNode): node is HtmlElement {
  return "attribs" in node;
}

function isHidden(element: HtmlElement): boolean {
  if ("hidden" in element.attribs || element.attribs["aria-hidden"] === "true") return true;
  // A breadcrumb trail ("Home / Briefing Room / Blog") is navigation, however it is marked up.
  const classes = (element.attribs.class ?? "").toLowerCase().split(/\s+/);
  if (classes.some((token) => token.startsWith("breadcrumb"))) return true;
  if (/^breadcrumbs?$/i.test(element.attribs["aria-label"] ?? "")) return true;
  return /display\s*:\s*none/i.test(element.attribs.style ?? "");
}
