import { describe, expect, it } from "vitest";
import { extractPlainText } from "./text.js";

describe(extractPlainText, () => {
  it("keeps the file as the text and takes the first non-empty line as the title", () => {
    expect(extractPlainText("\n  Notes on MIIT  \n\nThe ministry said.")).toEqual({
      text: "\n  Notes on MIIT  \n\nThe ministry said.",
      title: "Notes on MIIT",
      bodyStart: 0,
      problems: [],
    });
  });

  it("has no title when the first line is a long paragraph", () => {
    expect(extractPlainText(`${"word ".repeat(60)}\n`).title).toBeUndefined();
  });
});
