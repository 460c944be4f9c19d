import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { segmentChineseSentences } from "./chinese-sentences.js";

const texts = (text: string) => segmentChineseSentences(text).map((sentence) => sentence.text);

describe(segmentChineseSentences, () => {
  it("splits after 。！？ and ；, with exact offsets shifted by `offset`", () => {
    expect(segmentChineseSentences("形势逼人，不进则退。我们必须前进！对吗？是的；很好。", 10)).toEqual([
      { start: 10, end: 20, text: "形势逼人，不进则退。" },
      { start: 20, end: 27, text: "我们必须前进！" },
      { start: 27, end: 30, text: "对吗？" },
      { start: 30, end: 33, text: "是的；" },
      { start: 33, end: 36, text: "很好。" },
    ]);
  });

  it("keeps the closing quotes and brackets that follow a terminator with the sentence", () => {
    expect(texts("他说：“走新型工业化道路。”大家赞成。（见附件。）完毕")).toEqual([
      "他说：“走新型工业化道路。”",
      "大家赞成。",
      "（见附件。）",
      "完毕",
    ]);
    expect(texts("真的吗？！”是的。")).toEqual(["真的吗？！”", "是的。"]);
  });

  it("does not end a sentence at a single line break (a link saved on its own line)", () => {
    expect(texts("通过了\n中华人民共和国宪法\n，接着又通过了法律。")).toEqual([
      "通过了\n中华人民共和国宪法\n，接着又通过了法律。",
    ]);
  });

  it("ends a sentence at a blank line even without a terminator", () => {
    expect(texts("一、过去五年的工作\n\n十五大以来的五年。")).toEqual([
      "一、过去五年的工作",
      "十五大以来的五年。",
    ]);
  });

  it("leaves indentation, ideographic spaces and zero-width characters out of the spans", () => {
    expect(texts("　　各位代表：\u200d\n　　现在，我代表国务院作报告。 ")).toEqual([
      "各位代表：\u200d\n　　现在，我代表国务院作报告。",
    ]);
    expect(texts("\u200b\n　 \n")).toEqual([]);
  });

  it("does not split at the full-width decimal point or at ASCII periods", () => {
    expect(texts("完成预算的９６．９８％，增长9.1%。")).toEqual(["完成预算的９６．９８％，增长9.1%。"]);
  });

  it("keeps every span exact, in order, trimmed, and loses no non-space character (property)", () => {
    const alphabet = fc.constantFrom(..."新型工业化，。！？；“”）（\n 　\u200bab!?;.".split(""));
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 80 }).map((chars) => chars.join("")),
        fc.nat(50),
        (text, offset) => {
          const sentences = segmentChineseSentences(text, offset);
          let previousEnd = offset;
          let kept = "";
          for (const sentence of sentences) {
            expect(sentence.text).toBe(text.slice(sentence.start - offset, sentence.end - offset));
            expect(sentence.start).toBeGreaterThanOrEqual(previousEnd);
            expect(sentence.text).not.toMatch(/^[\s\p{Cf}]|[\s\p{Cf}]$/u);
            previousEnd = sentence.end;
            kept += sentence.text;
          }
          const visible = (value: string) => value.replace(/[\s\p{Cf}]/gu, "");
          expect(visible(kept)).toBe(visible(text));
        },
      ),
    );
  });
});
