import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDocument } from "../parse-document.js";
import { extractHtml, MAX_HTML_DEPTH } from "./html.js";

const PAGE = `<!doctype html>
<html>
<head>
  <title>Jin Zhuanglong &amp; the Modern Industrial System</title>
  <meta name="author" content="Jin Zhuanglong">
  <meta property="og:site_name" content="Qiushi">
  <meta property="article:published_time" content="2023-09-01">
  <link rel="canonical" href="https://example.org/jin">
  <style>p { color: red }</style>
  <script>var tracking = "never indexed";</script>
</head>
<body>
  <header><a href="/">Home</a> | <a href="/about">About</a></header>
  <nav><ul><li>Menu item</li></ul></nav>
  <main>
    <h1>Constructing a   Modern
      Industrial System</h1>
    <p>Advanced manufacturing is the <em>backbone</em> of the modern industrial system.</p>
    <p>We will do the following:</p>
    <ol>
      <li>build leading-edge capabilities;</li>
      <li>green traditional industries.</li>
    </ol>
    <aside>Related: something else</aside>
    <p>Digital&nbsp;infrastructure comes next.<script>alert(1)</script></p>
    <ul><li><p>optical fiber</p></li><li>5G factories</li></ul>
  </main>
  <footer>© 2023 Qiushi. All rights reserved.</footer>
</body>
</html>`;

describe(extractHtml, () => {
  const extracted = extractHtml(PAGE);

  it("reads the authors from the page's byline when it has no author metadata, and drops a breadcrumb trail", () => {
    const page = `<main><p class="breadcrumb">Home / Briefing Room / Blog</p><h1>When the Chips Are Down</h1>
      <p class="byline">By: Sameera Fazili and Peter Harrell</p><p>Shortages hurt.</p></main>`;
    const blog = extractHtml(page);
    expect(blog.authors).toEqual([{ name: "Sameera Fazili" }, { name: "Peter Harrell" }]);
    expect(blog.text).not.toContain("Home / Briefing Room");
    const { passages } = parseDocument({
      id: "blog",
      title: "When the Chips Are Down",
      sha256: "",
      text: blog.text,
      authors: blog.authors ?? [],
    });
    expect(passages.map((passage) => [passage.role, passage.text])).toEqual([
      ["title", "When the Chips Are Down"],
      ["byline", "By: Sameera Fazili and Peter Harrell"],
      ["body", "Shortages hurt."],
    ]);
    // A long "author" box is a biography, not a byline; author metadata wins over the page.
    expect(
      extractHtml(`<main><div class="author">${"Jane Doe writes about trade. ".repeat(9)}</div></main>`)
        .authors,
    ).toBeUndefined();
    expect(
      extractHtml(PAGE.replace("<main>", '<main><p class="byline">By Someone Else</p>')).authors,
    ).toEqual([{ name: "Jin Zhuanglong" }]);
  });

  it("keeps the main text, one paragraph per block, separated by blank lines, headings as Markdown ones", () => {
    expect(extracted.text).toBe(
      [
        "# Constructing a Modern Industrial System",
        "Advanced manufacturing is the backbone of the modern industrial system.",
        "We will do the following:",
        "  1. build leading-edge capabilities;\n  2. green traditional industries.",
        "Digital infrastructure comes next.",
        "  • optical fiber\n  • 5G factories",
      ].join("\n\n"),
    );
  });

  it("drops scripts, styles, navigation, headers, footers and asides", () => {
    for (const chrome of ["tracking", "alert", "color: red", "Home", "Menu item", "Related", "All rights"]) {
      expect(extracted.text).not.toContain(chrome);
    }
  });

  it("takes the title from <title>, with entities decoded", () => {
    expect(extracted.title).toBe("Jin Zhuanglong & the Modern Industrial System");
  });

  it("falls back to the first h1 when there is no <title>", () => {
    expect(extractHtml("<body><h1>The  Heading</h1><h1>Second</h1><p>Text.</p></body>").title).toBe(
      "The Heading",
    );
  });

  it("reads authors, publisher, date and canonical URL from meta tags", () => {
    expect(extracted).toMatchObject({
      authors: [{ name: "Jin Zhuanglong" }],
      publisher: "Qiushi",
      published: "2023-09-01",
      url: "https://example.org/jin",
    });
  });

  it("reads the whole body when there is no <main> or single <article>", () => {
    const text = extractHtml("<body><div>One</div><div>Two <b>bold</b> words</div></body>").text;
    expect(text).toBe("One\n\nTwo bold words");
  });

  it("numbers ordered lists from their start attribute", () => {
    expect(extractHtml('<ol start="3"><li>c</li><li>d</li></ol>').text).toBe("  3. c\n  4. d");
  });

  it("writes a table as a Markdown pipe table, its first row of header cells the header", () => {
    expect(
      extractHtml("<table><tr><td>BYD</td><td>1995</td></tr><tr><th>Tesla</th><td>2003</td></tr></table>")
        .text,
    ).toBe("| BYD | 1995 |\n| Tesla | 2003 |");
    const table = extractHtml(
      "<p>Table 1.</p><table><thead><tr><th>Action</th><th>Steel</th></tr></thead><tbody><tr><td><p>Hearing</p><p>held</p></td><td>May 24, 2017</td></tr><tr><td>a | b</td><td>c</td></tr></tbody></table><p>After.</p>",
    ).text;
    expect(table).toBe(
      "Table 1.\n\n| Action | Steel |\n| --- | --- |\n| Hearing held | May 24, 2017 |\n| a \\| b | c |\n\nAfter.",
    );
    const { passages } = parseDocument({ id: "t", title: "T", sha256: "", text: table, authors: [] });
    expect(passages.map((passage) => [passage.kind, passage.text])).toEqual([
      ["paragraph", "Table 1."],
      ["paragraph", "Action | Steel"],
      ["list-item", "Hearing held | May 24, 2017"],
      ["list-item", "a \\| b | c"],
      ["paragraph", "After."],
    ]);
  });

  it("runs a table inside a cell into the cell's text, keeping the outer table whole", () => {
    const page =
      "<table><tr><th>Product</th><th>Details</th></tr><tr><td>Semi-finished copper</td><td><table><tr><th>HTS</th><th>Rate</th></tr><tr><td>7407</td><td>50%</td></tr></table></td></tr><tr><td>Copper ore</td><td>Excluded</td></tr></table>";
    expect(extractHtml(page).text).toBe(
      "| Product | Details |\n| --- | --- |\n| Semi-finished copper | HTS Rate 7407 50% |\n| Copper ore | Excluded |",
    );
  });

  it("skips hidden elements", () => {
    expect(extractHtml('<p>Seen.</p><p hidden>Unseen.</p><div style="display: none">No.</div>').text).toBe(
      "Seen.",
    );
  });

  it("gives text the shared parser reads as paragraphs and list items with their lead-in", () => {
    const { passages } = parseDocument({
      id: "jin",
      title: extracted.title ?? "",
      authors: [],
      sha256: "0".repeat(64),
      text: extracted.text,
    });
    const items = passages.filter((passage) => passage.kind === "list-item");
    expect(items.map((item) => item.text)).toEqual([
      "build leading-edge capabilities;",
      "green traditional industries.",
      "optical fiber",
      "5G factories",
    ]);
    const leadIn = passages.find((passage) => passage.id === items[0]?.leadIn);
    expect(leadIn?.text).toBe("We will do the following:");
    for (const passage of passages) {
      expect(extracted.text.slice(passage.span.start, passage.span.end)).toContain(passage.text.slice(0, 10));
    }
  });

  describe("deeply nested and broken markup", () => {
    it("reads a page nested hundreds of elements deep without recursion", () => {
      const page = `<head><title>Deep</title></head><body>${"<div><b>".repeat(400)}widgets${"</b></div>".repeat(400)}</body>`;
      expect(extractHtml(page)).toMatchObject({ title: "Deep", text: "widgets" });
      expect(extractHtml(`${"<ul><li>".repeat(300)}deep item`).text).toContain("• deep item");
    });

    it("refuses a page nested deeper than browsers nest, with a RangeError naming the limit", () => {
      expect(() => extractHtml(`${"<b>".repeat(3000)}widgets`)).toThrow(RangeError);
      expect(() => extractHtml(`${"<b>".repeat(3000)}widgets`)).toThrow(`${MAX_HTML_DEPTH} elements deep`);
      expect(() => extractHtml(`${"<p><i>".repeat(MAX_HTML_DEPTH)}x`)).toThrow(RangeError);
    });

    it("never throws otherwise, and keeps every word of the text, whatever the markup", () => {
      const piece = fc.constantFrom(
        "<b>",
        "</b>",
        "<div>",
        "</div>",
        "<ul>",
        "<ol start='x'>",
        "<li>",
        "</li>",
        "</ul>",
        "<p>",
        "</p>",
        "<pre>",
        "</pre>",
        "<br>",
        "</br>",
        "<table><tr><td>",
        "<script>x()</script>",
        "<nav>menu</nav>",
        "<!-- c -->",
        "<![CDATA[c]]>",
        "&amp;",
        "<",
        ">",
        " ",
        "\n",
      );
      const word = fc.constantFrom(
        "widgets",
        "constructor",
        "__proto__",
        "toString",
        "hasOwnProperty",
        "新型",
      );
      fc.assert(
        fc.property(fc.array(fc.oneof(piece, word), { maxLength: 80 }), (parts) => {
          const html = parts.join(" ");
          const { text } = extractHtml(`<body>${html}</body>`);
          expect(typeof text).toBe("string");
          // biome-ignore lint/suspicious/noControlCharactersInRegex: the property under test
          expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
        }),
        { numRuns: 300 },
      );
    });
  });
});
