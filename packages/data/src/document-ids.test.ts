import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DOCUMENT_ID, slugifyFileName, uniqueId } from "./document-ids.js";

describe(slugifyFileName, () => {
  it("lowercases, drops the extension and accents, and joins words with dashes", () => {
    expect(slugifyFileName("Jin Zhuanglong – Interview (2023).md")).toBe("jin-zhuanglong-interview-2023");
    expect(slugifyFileName("Café_Notes.v2.txt")).toBe("cafe-notes-v2");
  });

  it("gives a name without Latin letters or digits a stable hashed id", () => {
    expect(slugifyFileName("新型工业化.md")).toMatch(/^doc-[0-9a-f]{8}$/);
    expect(slugifyFileName("新型工业化.md")).toBe(slugifyFileName("新型工业化.txt"));
    expect(slugifyFileName("新型工业化.md")).not.toBe(slugifyFileName("工业.md"));
  });

  it("always returns a valid document id", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 120 }), (name) => {
        expect(slugifyFileName(name)).toMatch(DOCUMENT_ID);
      }),
    );
  });
});

describe(uniqueId, () => {
  it("returns the base when free, else the first free numbered form", () => {
    expect(uniqueId("notes", new Set())).toBe("notes");
    expect(uniqueId("notes", new Set(["notes", "notes-2"]))).toBe("notes-3");
  });
});
