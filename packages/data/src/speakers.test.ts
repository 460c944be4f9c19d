import { describe, expect, it } from "vitest";
import { findSpeaker, introducesQuote } from "./speakers.js";

describe(introducesQuote, () => {
  it("needs a closing colon and a sign of speech", () => {
    expect(introducesQuote("Jin discussed the issue in a November 2023 interview:")).toBe(true);
    expect(introducesQuote("In a speech, the premier said:")).toBe(true);
    expect(introducesQuote("In practice, this policy entails the following actions:")).toBe(false);
    expect(introducesQuote("Jin discussed the issue in an interview.")).toBe(false);
  });
});

describe(findSpeaker, () => {
  it("completes a family name from the document: Jin → Jin Zhuanglong", () => {
    const context = "minister Jin Zhuanglong held a press conference. Jin Zhuanglong said more.";
    expect(findSpeaker("Jin discussed the issue in a November 2023 interview:", context)).toBe(
      "Jin Zhuanglong",
    );
  });

  it("keeps a full name as written, and skips sentence openers and titles", () => {
    expect(findSpeaker("Then Premier Li Qiang said:", "")).toBe("Li Qiang");
    expect(findSpeaker("As Smith put it:", "Jane Smith wrote a book.")).toBe("Jane Smith");
  });

  it("returns undefined when the lead-in names no one", () => {
    expect(findSpeaker("In an interview, the official said:", "")).toBeUndefined();
  });
});
