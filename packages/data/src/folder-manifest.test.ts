import { describe, expect, it } from "vitest";
import { FolderManifest } from "./folder-manifest.js";

describe("FolderManifest", () => {
  it("accepts metadata per file, with authors as names or {name, role}", () => {
    const manifest = FolderManifest.parse({
      version: 1,
      documents: [
        { file: "a.md", id: "a", authors: ["Jin Zhuanglong", { name: "Xinhua", role: "Interviewer" }] },
      ],
    });
    expect(manifest.documents[0]?.authors).toEqual([
      { name: "Jin Zhuanglong" },
      { name: "Xinhua", role: "Interviewer" },
    ]);
  });

  it("rejects unknown keys, bad ids, paths and URLs, at their paths", () => {
    const result = FolderManifest.safeParse({
      documents: [{ file: "sub/a.md", id: "Bad Id", url: "nope", extra: 1 }],
    });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((issue) => issue.path.join("."));
    expect(paths).toEqual(
      expect.arrayContaining(["documents.0.file", "documents.0.id", "documents.0.url", "documents.0"]),
    );
  });

  it("rejects two records for one file and two records with one id", () => {
    const result = FolderManifest.safeParse({
      documents: [{ file: "a.md", id: "x" }, { file: "a.md" }, { file: "b.md", id: "x" }],
    });
    expect(result.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["documents.1.file", '"a.md" is already described by documents[0]'],
      ["documents.2.id", 'duplicate id "x" (also documents[0].id)'],
    ]);
  });
});
