import { describe, expect, it } from "vitest";
import { splitBlocks } from "./blocks.js";
import { isChromeLine } from "./chrome.js";

const blockTexts = (text: string) =>
  splitBlocks(text).map((block) => [block.type, text.slice(block.start, block.end), block.number]);

describe(splitBlocks, () => {
  it("splits paragraphs at blank lines and keeps exact offsets with CRLF line ends", () => {
    const text = "First line\r\nsame paragraph\r\n\r\nSecond.\r\n";
    expect(blockTexts(text)).toEqual([
      ["text", "First line\r\nsame paragraph", undefined],
      ["text", "Second.", undefined],
    ]);
  });

  it("makes each numbered or bulleted line one item, its span without the marker", () => {
    expect(blockTexts("Lead-in:\n\n  1. One\n  2. Two\n    continued\n  • Bullet\n- dash")).toEqual([
      ["text", "Lead-in:", undefined],
      ["item", "One", 1],
      ["item", "Two\n    continued", 2],
      ["item", "Bullet", undefined],
      ["item", "dash", undefined],
    ]);
  });

  it("makes each row of a pipe table a block inside its outer pipes, and the row above the delimiter its header", () => {
    const text =
      "Table 1.\n| Step | Date |\n|---|:--:|\n| Hearing held | May 24, 2017 |\n|  Report | June 30 |  \nAfter.";
    const blocks = splitBlocks(text);
    expect(blocks.map((block) => [block.type, text.slice(block.start, block.end), block.header])).toEqual([
      ["text", "Table 1.", undefined],
      ["row", "Step | Date", true],
      ["row", "Hearing held | May 24, 2017", undefined],
      ["row", "Report | June 30", undefined],
      ["text", "After.", undefined],
    ]);
  });

  it("leaves a horizontal rule and a line with pipes inside it as text", () => {
    expect(blockTexts("a | b\n\n---\n\n|not closed")).toEqual([
      ["text", "a | b", undefined],
      ["text", "---", undefined],
      ["text", "|not closed", undefined],
    ]);
  });

  it("drops page-chrome lines and lets them end a block", () => {
    expect(
      blockTexts("Title\nMore Analysis\n\nFacebookTwitterLinkedInEmailPrintCopy Link\nBody.\n\nTo top"),
    ).toEqual([
      ["text", "Title", undefined],
      ["text", "Body.", undefined],
    ]);
  });

  it("keeps chrome-looking lines when told not to drop chrome", () => {
    expect(splitBlocks("Text\n\nTo top", { dropChrome: false })).toHaveLength(2);
  });

  it("reads Markdown headings and quotes without their # and > prefixes", () => {
    expect(blockTexts("## Section ##\n\n> Quoted\n> on.\n")).toEqual([
      ["heading", "Section", undefined],
      ["quote", "Quoted\n> on.", undefined],
    ]);
  });
});

describe(isChromeLine, () => {
  it("makes no block of a heading that is only its closing run of #s ('# # ')", () => {
    expect(splitBlocks("# # \n\nText")).toEqual([{ type: "text", start: 6, end: 10 }]);
  });

  it("matches whole chrome lines only, so ordinary text that mentions them stays", () => {
    expect(isChromeLine("FacebookTwitterLinkedInEmailPrintCopy Link")).toBe(true);
    expect(isChromeLine("Facebook | Twitter | Email")).toBe(true);
    expect(isChromeLine("Email")).toBe(false);
    expect(isChromeLine("More Analysis of the data")).toBe(false);
    expect(isChromeLine("Appendix", ["Appendix"])).toBe(true);
  });
});
