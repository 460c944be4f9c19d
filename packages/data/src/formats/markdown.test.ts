import { afterEach, describe, expect, it, vi } from "vitest";
import { extractMarkdown } from "./markdown.js";

describe(extractMarkdown, () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("reports a YAML warning as a problem with its escapes shown, never as a process warning", () => {
    const emitWarning = vi.spyOn(process, "emitWarning");
    const file = '---\ntitle: !!x "\u001b]0;PWNED\u0007\u001b]52;c;ZXZpbA==\u0007"\n---\nwidgets\n';
    const extracted = extractMarkdown(file);
    expect(emitWarning).not.toHaveBeenCalled();
    expect(extracted.problems).toEqual([
      expect.stringMatching(/^front matter: Unresolved tag: tag:yaml\.org,2002:x at line 2$/),
    ]);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the point of the check
    for (const problem of extracted.problems) expect(problem).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    expect(extracted.text).toBe(file);
  });

  it("reads only the front matter's own keys: __proto__, constructor and toString are data", () => {
    const extracted = extractMarkdown(
      "---\n__proto__:\n  title: Smuggled\nconstructor: x\ntoString: y\nhasOwnProperty: z\n---\n# Real\n",
    );
    expect(extracted.title).toBe("Real");
    expect(extracted.problems).toEqual([]);
    expect(extractMarkdown("---\nauthors:\n  - __proto__: { name: Nobody }\n---\nx").authors).toBeUndefined();
  });

  it("reads title, authors and date from YAML front matter, and keeps the file as the text", () => {
    const file =
      "---\ntitle: Jin interview\nauthors:\n  - Jin Zhuanglong\n  - name: Xinhua\n    role: Interviewer\ndate: 2023-09-01\n---\n\nBody text.\n";
    const extracted = extractMarkdown(file);
    expect(extracted).toMatchObject({
      text: file,
      title: "Jin interview",
      authors: [{ name: "Jin Zhuanglong" }, { name: "Xinhua", role: "Interviewer" }],
      published: "2023-09-01",
      problems: [],
    });
    expect(file.slice(extracted.bodyStart)).toBe("\nBody text.\n");
  });

  it("splits 'A and B' and 'A B, C D' into people but keeps 'Schaefer, Kendra' whole", () => {
    expect(extractMarkdown("---\nauthor: Kendra Schaefer and Cory Combs\n---\nx").authors).toEqual([
      { name: "Kendra Schaefer" },
      { name: "Cory Combs" },
    ]);
    expect(extractMarkdown("---\nauthor: Kendra Schaefer, Cory Combs\n---\nx").authors).toHaveLength(2);
    expect(extractMarkdown("---\nauthor: Schaefer, Kendra\n---\nx").authors).toEqual([
      { name: "Schaefer, Kendra" },
    ]);
  });

  it("takes the title from the first level-1 heading when the front matter has none", () => {
    expect(extractMarkdown("Intro line\n\n## Section\n\n# Main Title #\n\nText.").title).toBe("Main Title");
    expect(extractMarkdown("## Only a section\n\nText.").title).toBe("Only a section");
  });

  it("has no title and a zero body start without front matter or headings", () => {
    expect(extractMarkdown("Just text.")).toMatchObject({ bodyStart: 0, problems: [] });
    expect(extractMarkdown("Just text.").title).toBeUndefined();
  });

  it("reports front matter that is not YAML, and still excludes the block from the body", () => {
    const file = "---\ntitle: [unclosed\n---\nBody.";
    const extracted = extractMarkdown(file);
    expect(extracted.problems).toHaveLength(1);
    expect(extracted.problems[0]).toMatch(/not valid YAML/);
    expect(file.slice(extracted.bodyStart)).toBe("Body.");
  });

  it("reads a numeric year as a date and ignores a URL that does not parse", () => {
    expect(extractMarkdown("---\ndate: 2023\nurl: not a url\n---\nx")).toMatchObject({ published: "2023" });
    expect(extractMarkdown("---\nurl: not a url\n---\nx").url).toBeUndefined();
  });

  it("finds front matter after a byte-order mark", () => {
    expect(extractMarkdown("\uFEFF---\ntitle: BOM\n---\nx").title).toBe("BOM");
  });
});
