import { describe, expect, it } from "vitest";
import { questionFocus } from "./intent.js";

describe(questionFocus, () => {
  it.each([
    ["When did BYD start making batteries?", "date"],
    ["what year was it first proposed", "date"],
    ["新型工业化是什么时候提出的", "date"],
    ["How many Chinese automakers were running below 60% capacity?", "number"],
    ["what percent of small suppliers", "number"],
    ["中国有多少家车企", "number"],
    ["who's jin zhuanglong", "agent"],
    ["谁翻译了这些文件", "agent"],
    ["why does local protectionism matter", "reason"],
    ["为什么要发展清洁技术", "reason"],
    ["local protectionism", "none"],
  ])("reads %j as asking for %s", (question, focus) => {
    expect(questionFocus(question)).toBe(focus);
  });
});
