import type { SourceDocument } from "@newind/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cleanChineseText, parseChineseDocument } from "./parse-chinese-document.js";

const document = (text: string): SourceDocument => ({
  id: "report",
  title: "政府工作报告",
  authors: [],
  sha256: "0".repeat(64),
  text,
});

// The shape of a report saved from Wikisource: a title block, the salutation, indented
// paragraphs with links on lines of their own, headings, and the licence template.
const REPORT = `\u200b


政府工作报告


——2024年3月5日在第十四届全国人民代表大会第二次会议上




国务院总理　
李　强


各位代表：

　　现在，我代表国务院，向大会报告政府工作，请予审议。



一、2023年工作回顾


过去一年，我们制定了
“十四五”规划
，推进新型工业化。大会的主题是：“团结奋斗。”

（一）着力扩大国内需求

我们坚持实施扩大内需战略！要走新型工业化道路；行不行？行。















本作品是中华人民共和国的
法律
、
法规
，国家机关的决议……属于
公有领域
。




Public domain
Public domain
false
false`;

describe(parseChineseDocument, () => {
  const parsed = parseChineseDocument(document(REPORT));
  const texts = parsed.passages.map((passage) => [passage.kind, passage.paragraph, passage.text]);

  it("drops the title block before the salutation and the Wikisource licence footer", () => {
    expect(texts).toEqual([
      ["paragraph", 1, "各位代表："],
      ["paragraph", 2, "现在，我代表国务院，向大会报告政府工作，请予审议。"],
      ["heading", 2, "一、2023年工作回顾"],
      ["paragraph", 3, "过去一年，我们制定了“十四五”规划，推进新型工业化。大会的主题是：“团结奋斗。”"],
      ["heading", 3, "（一）着力扩大国内需求"],
      ["paragraph", 4, "我们坚持实施扩大内需战略！要走新型工业化道路；行不行？行。"],
    ]);
    expect(parsed.passages.map((passage) => passage.id)).toEqual(
      [0, 1, 2, 3, 4, 5].map((n) => `report:p${n}`),
    );
    expect(parsed.footnotes).toEqual([]);
  });

  it("keeps everything when chrome is not dropped", () => {
    const all = parseChineseDocument(document(REPORT), { dropChrome: false });
    expect(all.passages[0]?.text).toBe("政府工作报告");
    expect(all.passages.at(-1)?.text).toBe("Public domain Public domain false false");
  });

  it("splits sentences after 。！？； with their closing quotes, spans exact in the raw text", () => {
    expect(
      parsed.sentences.filter((sentence) => sentence.passageId === "report:p5").map((s) => s.text),
    ).toEqual(["我们坚持实施扩大内需战略！", "要走新型工业化道路；", "行不行？", "行。"]);
    expect(
      parsed.sentences.filter((sentence) => sentence.passageId === "report:p3").map((s) => s.text),
    ).toEqual(["过去一年，我们制定了\n“十四五”规划\n，推进新型工业化。", "大会的主题是：“团结奋斗。”"]);
    for (const sentence of parsed.sentences) {
      expect(REPORT.slice(sentence.span.start, sentence.span.end)).toBe(sentence.text);
      expect(sentence.id).toMatch(/^report:p\d+\.s\d+$/);
    }
    for (const passage of parsed.passages) {
      expect(REPORT.slice(passage.span.start, passage.span.end).startsWith(passage.text.slice(0, 1))).toBe(
        true,
      );
    }
  });

  it("keeps a document without a salutation or footer whole (no title block is guessed)", () => {
    const text =
      "五年来，我国各族人民取得了伟大成就。\n\n国民经济的成就和今后的建设任务\n\n调整任务已经完成。";
    const { passages } = parseChineseDocument(document(text));
    expect(passages.map((passage) => passage.kind)).toEqual(["paragraph", "heading", "paragraph"]);
  });

  it("does not take a body paragraph that begins 本作品 for the footer without the licence template", () => {
    const { passages } = parseChineseDocument(document("各位代表：\n\n本作品展示了我们的成就。"));
    expect(passages.map((passage) => passage.text)).toEqual(["各位代表：", "本作品展示了我们的成就。"]);
  });

  it("spans are exact, ordered and cover every visible character of the body (property)", () => {
    const piece = fc.constantFrom(
      "新型工业化",
      "。",
      "！",
      "；",
      "”",
      "\n",
      "\n\n",
      "\n\n\n",
      "　　",
      " ",
      "一、总结",
      "\u200b",
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 40 }).map((pieces) => pieces.join("")),
        (text) => {
          const { passages, sentences } = parseChineseDocument(document(text), { dropChrome: false });
          let previousEnd = 0;
          let covered = "";
          for (const passage of passages) {
            expect(passage.span.start).toBeGreaterThanOrEqual(previousEnd);
            previousEnd = passage.span.end;
            covered += text.slice(passage.span.start, passage.span.end);
          }
          const visible = (value: string) => value.replace(/[\s\p{Cf}]/gu, "");
          expect(visible(covered)).toBe(visible(text));
          for (const sentence of sentences) {
            expect(text.slice(sentence.span.start, sentence.span.end)).toBe(sentence.text);
          }
        },
      ),
    );
  });
});

describe(cleanChineseText, () => {
  it("joins a link's line breaks between Chinese characters and keeps a space between Latin words", () => {
    expect(cleanChineseText("通过了\n中华人民共和国宪法\n，接着")).toBe("通过了中华人民共和国宪法，接着");
    expect(cleanChineseText("the C919\nairliner")).toBe("the C919 airliner");
    expect(cleanChineseText("各位代表：\u200d")).toBe("各位代表：");
  });
});
