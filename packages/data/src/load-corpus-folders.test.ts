import { spawnSync } from "node:child_process";
import { chmod, mkdir, mkdtemp, readdir, rm, stat, symlink, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Store } from "@newind/cache";
import type { Corpus } from "@newind/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CorpusFolderError } from "./corpus-errors.js";
import { CorpusLoadError } from "./corpus-files.js";
import { loadDefaultCorpus } from "./default-corpus.js";
import { dateFromFileName, loadCorpus, MAX_DOCUMENT_BYTES } from "./load-corpus-folders.js";
import { loadPrimaryCorpus } from "./primary-corpus.js";

const NOTES_MD = `---
title: Notes on the Jin interview
authors: [Jin Zhuanglong]
date: 2023-09-01
---

# Notes on the Jin interview

Jin Zhuanglong said advanced manufacturing is the backbone of the modern industrial system.

The ministry will do the following:

  1. cultivate advanced manufacturing clusters;
  2. promote digital transformation of small firms.
`;

const ESSAY_HTML = `<html><head><title>Fully Implement the Spirit of the 20th Party Congress</title>
<script>var x = "tracking";</script></head>
<body><nav>Home | About</nav>
<article><h1>Fully Implement the Spirit</h1>
<p>New industrialization is a strategic task for building a modern socialist country.</p>
<p>Industrial greening cuts waste in traditional industries.</p></article>
<footer>Copyright</footer></body></html>`;

const PLAIN_TXT = "Field notes\n\nBattery makers in Hefei expanded capacity in 2023.\n";

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "newind-corpus-"));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function files(folder: string, contents: Record<string, string | Uint8Array>): Promise<void> {
  await mkdir(folder, { recursive: true });
  for (const [name, content] of Object.entries(contents)) await writeFile(join(folder, name), content);
}

function expectExactSpans(corpus: Corpus): void {
  const texts = new Map(corpus.documents.map((document) => [document.id, document.text]));
  for (const sentence of corpus.sentences) {
    expect(texts.get(sentence.docId)?.slice(sentence.span.start, sentence.span.end)).toBe(sentence.text);
  }
  for (const passage of corpus.passages) expect(texts.has(passage.docId)).toBe(true);
}

async function rejection(promise: Promise<unknown>): Promise<CorpusFolderError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(CorpusFolderError);
  expect(error).toBeInstanceOf(CorpusLoadError);
  return error as CorpusFolderError;
}

describe(loadCorpus, () => {
  it("adds a folder's .md, .html and .txt documents to the built-in corpus", async () => {
    await files(dir, { "notes.md": NOTES_MD, "Jin Essay.html": ESSAY_HTML, "field-notes.txt": PLAIN_TXT });
    const builtIn = await loadDefaultCorpus();
    const corpus = await loadCorpus({ dirs: [dir] });

    // Files in case-insensitive name order.
    expect(corpus.documents.map((document) => document.id)).toEqual([
      ...builtIn.documents.map((document) => document.id),
      "field-notes",
      "jin-essay",
      "notes",
    ]);
    expect(corpus.datasets).toBe(builtIn.datasets);
    expect(corpus.warnings).toEqual([]);
    expect(corpus.skipped).toEqual([]);
    const byId = new Map(corpus.documents.map((document) => [document.id, document]));
    expect(byId.get("notes")).toMatchObject({
      title: "Notes on the Jin interview",
      authors: [{ name: "Jin Zhuanglong" }],
      published: "2023-09-01",
      path: join(dir, "notes.md"),
      text: NOTES_MD,
    });
    expect(byId.get("field-notes")).toMatchObject({ title: "Field notes", text: PLAIN_TXT });
    const essay = byId.get("jin-essay");
    expect(essay?.title).toBe("Fully Implement the Spirit of the 20th Party Congress");
    expect(essay?.text).toBe(
      "# Fully Implement the Spirit\n\nNew industrialization is a strategic task for building a modern socialist country.\n\nIndustrial greening cuts waste in traditional industries.",
    );
    expect(essay?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expectExactSpans(corpus);
  });

  it("parses folder documents with the shared parser: paragraphs, list items with their lead-in", async () => {
    await files(dir, { "notes.md": NOTES_MD });
    const corpus = await loadCorpus({ dirs: [dir], includeDefault: false });
    const passages = corpus.passages.filter((passage) => passage.docId === "notes");
    const items = passages.filter((passage) => passage.kind === "list-item");
    expect(items.map((item) => item.text)).toEqual([
      "cultivate advanced manufacturing clusters;",
      "promote digital transformation of small firms.",
    ]);
    expect(passages.find((passage) => passage.id === items[0]?.leadIn)?.text).toBe(
      "The ministry will do the following:",
    );
    const paragraph = passages.find((passage) => passage.text.startsWith("Jin Zhuanglong said"));
    expect(paragraph).toMatchObject({ kind: "paragraph", role: "body", paragraph: 1 });
  });

  it("indexes nothing of Markdown front matter but its authors' names, each an exact byline", async () => {
    const quoted = NOTES_MD.replace(
      "authors: [Jin Zhuanglong]",
      'authors:\n  - "Jin Zhuanglong"\n  - name: Ann Lee\n    role: Editor',
    );
    await files(dir, { "notes.md": NOTES_MD, "quoted.md": quoted });
    const corpus = await loadCorpus({ dirs: [dir], includeDefault: false });
    for (const [id, text] of [
      ["notes", NOTES_MD],
      ["quoted", quoted],
    ] as const) {
      const bodyStart = text.indexOf("# Notes");
      const front = corpus.passages.filter(
        (passage) => passage.docId === id && passage.span.start < bodyStart,
      );
      expect(front.map((passage) => [passage.role, passage.text])).toEqual(
        id === "notes"
          ? [["byline", "Jin Zhuanglong"]]
          : [
              ["byline", "Jin Zhuanglong"],
              ["byline", "Ann Lee"],
            ],
      );
      for (const sentence of corpus.sentences.filter((s) => s.docId === id))
        expect(text.slice(sentence.span.start, sentence.span.end)).toBe(sentence.text);
      // The title is still the heading, not a name.
      expect(corpus.passages.find((passage) => passage.docId === id && passage.role === "title")?.text).toBe(
        "Notes on the Jin interview",
      );
    }
    expect(corpus.sentences.some((sentence) => sentence.text.includes("authors:"))).toBe(false);
  });

  it("leaves out the built-in corpus and its datasets with includeDefault: false", async () => {
    await files(dir, { "field-notes.txt": PLAIN_TXT });
    const corpus = await loadCorpus({ dirs: [dir], includeDefault: false });
    expect(corpus.documents.map((document) => document.id)).toEqual(["field-notes"]);
    expect(corpus.datasets).toEqual({ metrics: [], timeline: [], entities: [], lists: [], glossary: [] });
  });

  it("adds the primary collection with includePrimary: alone, beside the built-in corpus, or with folders", async () => {
    const primary = await loadPrimaryCorpus();
    const alone = await loadCorpus({ includeDefault: false, includePrimary: true });
    expect(alone.hash).toBe(primary.hash);
    expect(alone.documents).toBe(primary.documents);

    const both = await loadCorpus({ includePrimary: true });
    expect(both.documents.map((document) => document.id)).toEqual([
      "new-industrialization",
      ...primary.documents.map((document) => document.id),
    ]);
    expect(both.datasets.glossary.length).toBeGreaterThan(0);
    expect(both.hash).not.toBe(primary.hash);

    await files(dir, { "field-notes.txt": PLAIN_TXT });
    const withFolder = await loadCorpus({ dirs: [dir], includeDefault: false, includePrimary: true });
    expect(withFolder.documents.at(-1)?.id).toBe("field-notes");
    expect(withFolder.documents).toHaveLength(62);
    expectExactSpans(withFolder);
  });

  it("dates documents from front matter, corpus.json (published or date), or a year in the file name", async () => {
    await files(dir, {
      "notes.md": NOTES_MD,
      "report-2019.txt": "Report\n\nOutput grew.\n",
      "minutes 2021-03-05.txt": "Minutes\n\nWe met.\n",
      "review 2003-2015.txt": "Review\n\nTwo years named: undated.\n",
      "undated.txt": "Undated\n\nNo year anywhere.\n",
      "listed.txt": "Listed\n\nDated by corpus.json.\n",
      "corpus.json": JSON.stringify({ documents: [{ file: "listed.txt", date: "2018-06" }] }),
    });
    const corpus = await loadCorpus({ dirs: [dir], includeDefault: false });
    const published = Object.fromEntries(
      corpus.documents.map((document) => [document.id, document.published]),
    );
    expect(published).toEqual({
      listed: "2018-06",
      "minutes-2021-03-05": "2021-03-05",
      notes: "2023-09-01",
      "report-2019": "2019",
      "review-2003-2015": undefined,
      undated: undefined,
    });
  });

  it("returns the built-in corpus itself, hash included, when no folder is given", async () => {
    const builtIn = await loadDefaultCorpus();
    const corpus = await loadCorpus({});
    expect(corpus.hash).toBe(builtIn.hash);
    expect(corpus.documents).toBe(builtIn.documents);
  });

  it("takes title, authors, publisher, url and id from corpus.json over the file's own", async () => {
    await files(dir, {
      "notes.md": NOTES_MD,
      "corpus.json": JSON.stringify({
        version: 1,
        documents: [
          {
            file: "notes.md",
            id: "jin-interview",
            title: "Constructing a Modern Industrial System",
            authors: ["Jin Zhuanglong", { name: "Xinhua", role: "Interviewer" }],
            publisher: "Xinhua",
            url: "https://example.org/jin-interview",
          },
        ],
      }),
    });
    const corpus = await loadCorpus({ dirs: [dir], includeDefault: false });
    expect(corpus.documents[0]).toMatchObject({
      id: "jin-interview",
      title: "Constructing a Modern Industrial System",
      authors: [{ name: "Jin Zhuanglong" }, { name: "Xinhua", role: "Interviewer" }],
      publisher: "Xinhua",
      url: "https://example.org/jin-interview",
      published: "2023-09-01",
    });
    expect(corpus.passages.every((passage) => passage.docId === "jin-interview")).toBe(true);
  });

  it("gives stable, unique ids from file names, across folders and against the built-in ids", async () => {
    const other = join(dir, "other");
    await files(join(dir, "one"), {
      "Notes.md": NOTES_MD,
      "notes.txt": PLAIN_TXT,
      "new-industrialization.txt": PLAIN_TXT,
    });
    await files(other, { "notes.html": ESSAY_HTML, "新型工业化.txt": PLAIN_TXT });
    const load = () => loadCorpus({ dirs: [join(dir, "one"), other] });
    const ids = (await load()).documents.map((document) => document.id);
    expect(ids).toEqual([
      "new-industrialization",
      "new-industrialization-2",
      "notes",
      "notes-2",
      "notes-3",
      expect.stringMatching(/^doc-[0-9a-f]{8}$/),
    ]);
    expect((await load()).documents.map((document) => document.id)).toEqual(ids);
  });

  it("reads the same folder once when it is named twice", async () => {
    await files(dir, { "field-notes.txt": PLAIN_TXT });
    const corpus = await loadCorpus({ dirs: [dir, `${dir}/`], includeDefault: false });
    expect(corpus.documents).toHaveLength(1);
  });

  it("ignores unsupported extensions and subfolders, listing them as skipped, and hidden files silently", async () => {
    await files(dir, { "notes.md": NOTES_MD, "report.pdf": "%PDF-1.7", "data.csv": "a,b", ".DS_Store": "x" });
    await files(join(dir, "drafts"), { "draft.md": NOTES_MD });
    const corpus = await loadCorpus({ dirs: [dir], includeDefault: false });
    expect(corpus.documents.map((document) => document.id)).toEqual(["notes"]);
    expect(corpus.skipped).toEqual([
      { path: join(dir, "data.csv"), reason: "unsupported-extension" },
      { path: join(dir, "drafts"), reason: "folder" },
      { path: join(dir, "report.pdf"), reason: "unsupported-extension" },
    ]);
    expect(corpus.warnings).toEqual([]);
  });

  describe("files it skips with a warning naming them, loading the rest", () => {
    it("skips a file that is not valid UTF-8", async () => {
      await files(dir, {
        "notes.md": NOTES_MD,
        "latin1.txt": new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6e, 0x6f, 0x74, 0x65, 0x73]),
      });
      const corpus = await loadCorpus({ dirs: [dir], includeDefault: false });
      expect(corpus.documents.map((document) => document.id)).toEqual(["notes"]);
      expect(corpus.warnings).toEqual([
        {
          path: join(dir, "latin1.txt"),
          reason: "invalid-utf8",
          message: `${join(dir, "latin1.txt")}: skipped: not valid UTF-8 (at byte 3); save it as UTF-8 to include it`,
        },
      ]);
    });

    it("skips an empty file and one with only whitespace (or only front matter)", async () => {
      await files(dir, {
        "notes.md": NOTES_MD,
        "empty.txt": "",
        "blank.md": " \n\n\t\n",
        "front-only.md": "---\ntitle: Nothing yet\n---\n",
        "script-only.html": "<script>x()</script>",
      });
      const corpus = await loadCorpus({ dirs: [dir], includeDefault: false });
      expect(corpus.documents.map((document) => document.id)).toEqual(["notes"]);
      expect(corpus.warnings.map((warning) => [warning.path, warning.reason])).toEqual([
        [join(dir, "blank.md"), "empty"],
        [join(dir, "empty.txt"), "empty"],
        [join(dir, "front-only.md"), "empty"],
        [join(dir, "script-only.html"), "empty"],
      ]);
      expect(corpus.warnings[0]?.message).toContain(join(dir, "blank.md"));
    });

    it("skips a binary file (NUL bytes), even with a text extension", async () => {
      await files(dir, {
        "notes.md": NOTES_MD,
        "image.txt": new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x0d]),
      });
      const corpus = await loadCorpus({ dirs: [dir], includeDefault: false });
      expect(corpus.documents).toHaveLength(1);
      expect(corpus.warnings).toMatchObject([{ path: join(dir, "image.txt"), reason: "binary" }]);
      expect(corpus.warnings[0]?.message).toMatch(/image\.txt: skipped: binary file/);
    });

    it("skips a file over 20 MB without reading it", async () => {
      await files(dir, { "notes.md": NOTES_MD, "huge.txt": "" });
      // A sparse file: 20 MB + 1 byte on paper, nothing on disk.
      await truncate(join(dir, "huge.txt"), MAX_DOCUMENT_BYTES + 1);
      const corpus = await loadCorpus({ dirs: [dir], includeDefault: false });
      expect(corpus.documents).toHaveLength(1);
      expect(corpus.warnings).toMatchObject([{ path: join(dir, "huge.txt"), reason: "too-large" }]);
      expect(corpus.warnings[0]?.message).toContain("over the 20.0 MB limit");
    });

    it("warns about front matter that is not YAML but still loads the document", async () => {
      await files(dir, { "notes.md": "---\ntitle: [oops\n---\n\nA paragraph.\n" });
      const corpus = await loadCorpus({ dirs: [dir], includeDefault: false });
      expect(corpus.documents.map((document) => document.title)).toEqual(["notes"]);
      expect(corpus.warnings).toMatchObject([{ path: join(dir, "notes.md"), reason: "front-matter" }]);
    });
  });

  describe("links and files that are not regular files", () => {
    it("skips a link leading out of the folder with a warning, and reads it with followExternalLinks", async () => {
      const outside = join(dir, "elsewhere");
      await files(outside, { "secret.txt": "Secret outside notes\n\nNot for the corpus.\n" });
      await files(join(dir, "notes"), { "notes.md": NOTES_MD });
      await symlink(join(outside, "secret.txt"), join(dir, "notes", "passwd.md"));
      const corpus = await loadCorpus({ dirs: [join(dir, "notes")], includeDefault: false });
      expect(corpus.documents.map((document) => document.id)).toEqual(["notes"]);
      expect(corpus.warnings).toEqual([
        {
          path: join(dir, "notes", "passwd.md"),
          reason: "outside-link",
          message: `${join(dir, "notes", "passwd.md")}: skipped: a link to ${join(outside, "secret.txt")}, outside the folder (links are followed only inside it; add that folder with its own --corpus)`,
        },
      ]);
      const followed = await loadCorpus({
        dirs: [join(dir, "notes")],
        includeDefault: false,
        followExternalLinks: true,
      });
      expect(followed.documents.map((document) => document.id)).toEqual(["notes", "passwd"]);
    });

    it("follows a link inside the folder, taking file or folder from its target", async () => {
      await files(dir, { "notes.md": NOTES_MD });
      await mkdir(join(dir, "drafts"));
      await symlink(join(dir, "notes.md"), join(dir, "alias.txt"));
      await symlink(join(dir, "drafts"), join(dir, "x.md"));
      const corpus = await loadCorpus({ dirs: [dir], includeDefault: false });
      expect(corpus.documents.map((document) => document.id)).toEqual(["alias", "notes"]);
      expect(corpus.skipped).toEqual([
        { path: join(dir, "drafts"), reason: "folder" },
        { path: join(dir, "x.md"), reason: "folder" },
      ]);
      expect(corpus.warnings).toEqual([]);
    });

    it("skips broken and looping links with a warning", async () => {
      await files(dir, { "notes.md": NOTES_MD });
      await symlink(join(dir, "gone.md"), join(dir, "broken.md"));
      await symlink(join(dir, "loop-b.md"), join(dir, "loop-a.md"));
      await symlink(join(dir, "loop-a.md"), join(dir, "loop-b.md"));
      const corpus = await loadCorpus({ dirs: [dir], includeDefault: false });
      expect(corpus.documents.map((document) => document.id)).toEqual(["notes"]);
      expect(corpus.warnings.map((warning) => [warning.path, warning.reason, warning.message])).toEqual([
        [join(dir, "broken.md"), "broken-link", `${join(dir, "broken.md")}: skipped: a broken link`],
        [join(dir, "loop-a.md"), "broken-link", `${join(dir, "loop-a.md")}: skipped: a link that loops`],
        [join(dir, "loop-b.md"), "broken-link", `${join(dir, "loop-b.md")}: skipped: a link that loops`],
      ]);
    });

    it.skipIf(process.platform === "win32")("skips a named pipe without opening it for long", async () => {
      await files(dir, { "notes.md": NOTES_MD });
      expect(spawnSync("mkfifo", [join(dir, "pipe.txt")]).status).toBe(0);
      const corpus = await loadCorpus({ dirs: [dir], includeDefault: false });
      expect(corpus.documents.map((document) => document.id)).toEqual(["notes"]);
      expect(corpus.warnings).toEqual([
        {
          path: join(dir, "pipe.txt"),
          reason: "not-a-file",
          message: `${join(dir, "pipe.txt")}: skipped: not a regular file (a named pipe)`,
        },
      ]);
    });

    it.skipIf(process.platform !== "linux")(
      "never reads more than maxFileBytes, even from a file whose size says 0 (/proc), or a device",
      async () => {
        await files(dir, { "notes.md": NOTES_MD, "short.txt": "A short note.\n" });
        await symlink("/proc/self/status", join(dir, "status.txt"));
        await symlink("/dev/zero", join(dir, "zero.txt"));
        const outside = await loadCorpus({ dirs: [dir], includeDefault: false });
        expect(outside.warnings.map((warning) => warning.reason)).toEqual(["outside-link", "outside-link"]);
        const followed = await loadCorpus({
          dirs: [dir],
          includeDefault: false,
          followExternalLinks: true,
          maxFileBytes: 64,
        });
        expect(followed.documents.map((document) => document.id)).toEqual(["short"]);
        expect(followed.warnings.map((warning) => [warning.path, warning.reason])).toEqual([
          [join(dir, "notes.md"), "too-large"],
          [join(dir, "status.txt"), "too-large"],
          [join(dir, "zero.txt"), "not-a-file"],
        ]);
        expect(followed.warnings[2]?.message).toContain("not a regular file (a device)");
      },
    );
  });

  describe("encodings and content", () => {
    it("reads UTF-16 files (with their byte-order mark) as text, keeping the mark", async () => {
      const text = "Field notes\n\nBattery makers in Hefei expanded capacity in 2023.\n";
      const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
      const be = Buffer.from(le);
      be.swap16();
      await files(dir, { "le.txt": le, "be.md": be, "odd.txt": Buffer.concat([le, Buffer.from([0x41])]) });
      const corpus = await loadCorpus({ dirs: [dir], includeDefault: false });
      expect(corpus.documents.map((document) => [document.id, document.text])).toEqual([
        ["be", `\ufeff${text}`],
        ["le", `\ufeff${text}`],
      ]);
      expect(corpus.warnings).toMatchObject([{ path: join(dir, "odd.txt"), reason: "invalid-utf16" }]);
      expectExactSpans(corpus);
      expect(corpus.sentences.some((sentence) => sentence.text.startsWith("Battery makers"))).toBe(true);
    });

    it("skips an HTML page nested too deep to read, naming it, and loads the rest", async () => {
      await files(dir, {
        "deep.html": `<p>${"<b>".repeat(3000)}widgets`,
        "notes.md": NOTES_MD,
      });
      const corpus = await loadCorpus({ dirs: [dir], includeDefault: false });
      expect(corpus.documents.map((document) => document.id)).toEqual(["notes"]);
      expect(corpus.warnings).toEqual([
        {
          path: join(dir, "deep.html"),
          reason: "unreadable-content",
          message: `${join(dir, "deep.html")}: skipped: the HTML is nested more than 1000 elements deep`,
        },
      ]);
    });

    it("shows a path's escape sequences escaped in its message, never raw", async () => {
      const name = "bad\u001b]0;owned\u0007.txt";
      await files(dir, { "notes.md": NOTES_MD, [name]: new Uint8Array([0xff, 0x41]) });
      const corpus = await loadCorpus({ dirs: [dir], includeDefault: false });
      expect(corpus.warnings[0]?.path).toBe(join(dir, name));
      expect(corpus.warnings[0]?.message).toBe(
        `${join(dir, "bad\\e]0;owned\\x07.txt")}: skipped: not valid UTF-8 (at byte 0); save it as UTF-8 to include it`,
      );
      const missing = await rejection(loadCorpus({ dirs: [join(dir, "no\u001b[2Jpe")] }));
      expect(missing.message).toBe(`${join(dir, "no\\e[2Jpe")}: no such folder`);
    });

    it("reads files named after Object.prototype's properties like any other", async () => {
      await files(dir, {
        "constructor.md": NOTES_MD,
        "__proto__.txt": PLAIN_TXT,
        "toString.html": ESSAY_HTML,
        "hasOwnProperty.md": NOTES_MD,
        "x.constructor": "not a document",
      });
      const corpus = await loadCorpus({ dirs: [dir], includeDefault: false });
      expect(corpus.documents.map((document) => document.id).sort()).toEqual([
        "constructor",
        "hasownproperty",
        "proto",
        "tostring",
      ]);
      expect(corpus.skipped).toEqual([{ path: join(dir, "x.constructor"), reason: "unsupported-extension" }]);
    });
  });

  describe("options", () => {
    it("rejects options of the wrong type or out of range with a clear TypeError or RangeError", async () => {
      await expect(loadCorpus({ dirs: [dir], maxFileBytes: Number.NaN })).rejects.toThrow(RangeError);
      await expect(loadCorpus({ dirs: [dir], maxFileBytes: Number.NaN })).rejects.toThrow(
        "maxFileBytes must be a number of bytes above 0, not NaN",
      );
      await expect(loadCorpus({ dirs: [dir], maxFileBytes: 0 })).rejects.toThrow(RangeError);
      await expect(loadCorpus({ dirs: [dir], maxFileBytes: "5" as never })).rejects.toThrow(TypeError);
      await expect(loadCorpus({ dirs: dir as never })).rejects.toThrow("dirs must be an array");
      await expect(loadCorpus({ includeDefault: "no" as never })).rejects.toThrow(TypeError);
      await expect(loadCorpus({ cache: {} as never })).rejects.toThrow("cache must be an object");
      await expect(loadCorpus(42 as never)).rejects.toThrow(TypeError);
    });

    it("takes null options as none", async () => {
      expect((await loadCorpus(null)).hash).toBe((await loadDefaultCorpus()).hash);
    });
  });

  describe("errors that stop loading, each one line naming the path", () => {
    it("rejects a missing folder", async () => {
      const missing = join(dir, "nope");
      const error = await rejection(loadCorpus({ dirs: [missing] }));
      expect(error).toMatchObject({
        code: "missing-folder",
        file: missing,
        message: `${missing}: no such folder`,
      });
    });

    it("rejects a file given as a folder", async () => {
      await files(dir, { "notes.md": NOTES_MD });
      const error = await rejection(loadCorpus({ dirs: [join(dir, "notes.md")] }));
      expect(error.code).toBe("not-a-folder");
      expect(error.message).toContain(join(dir, "notes.md"));
    });

    it.skipIf(process.getuid?.() === 0)("rejects a file without read permission", async () => {
      await files(dir, { "secret.md": NOTES_MD });
      await chmod(join(dir, "secret.md"), 0o000);
      const error = await rejection(loadCorpus({ dirs: [dir], includeDefault: false }));
      expect(error.message).toBe(`${join(dir, "secret.md")}: cannot read (permission denied)`);
    });

    it("rejects corpus.json that is not JSON", async () => {
      await files(dir, { "notes.md": NOTES_MD, "corpus.json": "{ documents: [" });
      const error = await rejection(loadCorpus({ dirs: [dir] }));
      expect(error.code).toBe("invalid-manifest");
      expect(error.message).toMatch(new RegExp(`^${escapeRegExp(join(dir, "corpus.json"))}: not valid JSON`));
    });

    it("rejects a malformed corpus.json with zod's message and the record and field", async () => {
      await files(dir, {
        "notes.md": NOTES_MD,
        "corpus.json": JSON.stringify({ documents: [{ file: "notes.md", url: "not a url", titel: "typo" }] }),
      });
      const error = await rejection(loadCorpus({ dirs: [dir] }));
      expect(error.code).toBe("invalid-manifest");
      expect(error.message).toContain(
        `${join(dir, "corpus.json")}: record documents[0], field "url": Invalid URL`,
      );
      expect(error.message).toContain('"titel"');
      expect(error.message).not.toContain("\n");
    });

    it("rejects duplicate ids in one corpus.json, naming the second record", async () => {
      await files(dir, {
        "a.md": NOTES_MD,
        "b.md": NOTES_MD,
        "corpus.json": JSON.stringify({
          documents: [
            { file: "a.md", id: "jin" },
            { file: "b.md", id: "jin" },
          ],
        }),
      });
      const error = await rejection(loadCorpus({ dirs: [dir] }));
      expect(error.message).toBe(
        `${join(dir, "corpus.json")}: record documents[1] (id "jin"), field "id": duplicate id "jin" (also documents[0].id)`,
      );
    });

    it("rejects an explicit id that another folder or the built-in corpus already uses", async () => {
      const one = join(dir, "one");
      const two = join(dir, "two");
      const manifest = (id: string) => JSON.stringify({ documents: [{ file: "a.md", id }] });
      await files(one, { "a.md": NOTES_MD, "corpus.json": manifest("jin") });
      await files(two, { "a.md": NOTES_MD, "corpus.json": manifest("jin") });
      const error = await rejection(loadCorpus({ dirs: [one, two] }));
      expect(error).toMatchObject({ code: "duplicate-id", file: join(two, "corpus.json") });
      expect(error.message).toContain(`record documents[0] (id "jin"), field "id": duplicate document id`);
      expect(error.message).toContain(join(one, "corpus.json"));

      await files(one, { "corpus.json": manifest("new-industrialization") });
      const builtIn = await rejection(loadCorpus({ dirs: [one] }));
      expect(builtIn.message).toContain("already used by the built-in corpus");
    });

    it("rejects a corpus.json record for a file the folder does not have", async () => {
      await files(dir, {
        "a.md": NOTES_MD,
        "corpus.json": JSON.stringify({ documents: [{ file: "b.md" }] }),
      });
      const error = await rejection(loadCorpus({ dirs: [dir] }));
      expect(error.message).toBe(
        `${join(dir, "corpus.json")}: record documents[0], field "file": no file "b.md" in ${dir}`,
      );
    });

    it("rejects a load that leaves no document at all", async () => {
      await files(dir, { "report.pdf": "%PDF" });
      const error = await rejection(loadCorpus({ dirs: [dir], includeDefault: false }));
      expect(error.code).toBe("no-documents");
      await expect(loadCorpus({ includeDefault: false })).rejects.toThrow(/no documents/);
    });
  });

  describe("hash", () => {
    it("is the same for the same files, and changes when a file changes, is added or removed, or is retitled", async () => {
      await files(dir, { "notes.md": NOTES_MD, "field-notes.txt": PLAIN_TXT });
      const hash = async () => (await loadCorpus({ dirs: [dir] })).hash;
      const original = await hash();
      expect(await hash()).toBe(original);
      expect(original).not.toBe((await loadDefaultCorpus()).hash);

      await writeFile(join(dir, "field-notes.txt"), `${PLAIN_TXT}More.\n`);
      const changed = await hash();
      expect(changed).not.toBe(original);
      await writeFile(join(dir, "added.txt"), PLAIN_TXT);
      const added = await hash();
      expect(added).not.toBe(changed);
      await rm(join(dir, "added.txt"));
      expect(await hash()).toBe(changed);
      await writeFile(
        join(dir, "corpus.json"),
        JSON.stringify({ documents: [{ file: "notes.md", title: "Retitled" }] }),
      );
      expect(await hash()).not.toBe(changed);
    });
  });

  describe("with a cache", () => {
    /** A store in memory that logs what it is asked and lets a test alter what it holds. */
    function memoryCache() {
      const values = new Map<string, string>();
      const log: string[] = [];
      const cache: Store = {
        location: "memory:",
        locate: (entry) => `${entry.kind}-${entry.key}`,
        read: async (entry, decode) => {
          const location = cache.locate(entry);
          const payload = values.get(location);
          log.push(payload === undefined ? "miss" : "hit");
          if (payload === undefined) return { status: "miss", location };
          const value = await Promise.resolve()
            .then(() => decode(payload))
            .catch(() => undefined);
          if (value === undefined) return { status: "invalid", location, problem: "does not fit" };
          return { status: "hit", location, value };
        },
        write: async (entry, value) => {
          log.push("write");
          values.set(cache.locate(entry), value);
          return { location: cache.locate(entry) };
        },
      };
      return { cache, values, log };
    }

    it("restores unchanged folders from the cache, giving the same corpus", async () => {
      await files(dir, { "notes.md": NOTES_MD, "essay.html": ESSAY_HTML, "bad.txt": new Uint8Array([0xff]) });
      const { cache, log } = memoryCache();
      const { warnings: _w1, ...fresh } = await loadCorpus({ dirs: [dir] });
      const first = await loadCorpus({ dirs: [dir], cache });
      const second = await loadCorpus({ dirs: [dir], cache });
      expect(log).toEqual(["miss", "write", "hit"]);
      expect(second).toEqual(first);
      expect({ ...second, warnings: undefined }).toEqual({ ...fresh, warnings: undefined });
      expect(second.warnings.map((warning) => warning.reason)).toEqual(["invalid-utf8"]);
    });

    it("misses when a file changes, and ignores a cached value that does not fit the files", async () => {
      await files(dir, { "notes.md": NOTES_MD });
      const { cache, values, log } = memoryCache();
      await loadCorpus({ dirs: [dir], cache });
      await writeFile(join(dir, "notes.md"), `${NOTES_MD}\nOne more paragraph.\n`);
      await loadCorpus({ dirs: [dir], cache });
      expect(log).toEqual(["miss", "write", "miss", "write"]);

      // A cached span outside its document: never trusted, parsed again and rewritten.
      const [key, value] = [...values.entries()].at(-1) as [string, string];
      values.set(key, value.replace(/"end":(\d+)/, '"end":99999$1'));
      const corpus = await loadCorpus({ dirs: [dir], cache });
      expect(log.slice(-2)).toEqual(["hit", "write"]);
      expectExactSpans(corpus);
      // A cached document with other bytes than the file's: ignored too.
      values.set(key, value.replace(/"sha256":"[0-9a-f]+"/, `"sha256":"${"0".repeat(64)}"`));
      await loadCorpus({ dirs: [dir], cache });
      expect(log.slice(-2)).toEqual(["hit", "write"]);
      values.set(key, "{ not json");
      expectExactSpans(await loadCorpus({ dirs: [dir], cache }));
      expect(log.slice(-2)).toEqual(["hit", "write"]);
    });

    it("never serves a cached document whose text was edited, even with its checksum recomputed", async () => {
      await files(dir, { "notes.md": NOTES_MD, "essay.html": ESSAY_HTML });
      const { cache, values, log } = memoryCache();
      await loadCorpus({ dirs: [dir], cache });
      const [key, value] = [...values.entries()][0] as [string, string];
      // The file hash still matches the file on disk; only the stored text differs.
      for (const [from, to] of [
        ["advanced manufacturing is the backbone", "advanced manufacturing is a sideline"],
        ["Industrial greening cuts waste", "Industrial greening adds waste"],
      ] as const) {
        expect(value).toContain(from);
        values.set(key, value.replace(from, to));
        const corpus = await loadCorpus({ dirs: [dir], cache });
        expect(log.slice(-2)).toEqual(["hit", "write"]);
        expect(JSON.stringify(corpus.documents)).not.toContain(to);
        expect(corpus.documents.find((document) => document.id === "notes")?.text).toBe(NOTES_MD);
      }
    });

    it("loads without the cache when it throws, rejects or returns something else", async () => {
      await files(dir, { "notes.md": NOTES_MD });
      const fire = () => {
        throw new Error("disk on fire");
      };
      const broken: Store[] = [
        { location: "x", locate: () => "x", read: fire, write: fire },
        {
          location: "x",
          locate: () => "x",
          read: async () => Promise.reject(new Error("no")),
          write: async () => Promise.reject(new Error("no")),
        },
        { location: "x", locate: () => "x", read: async () => 42 as never, write: async () => 42 as never },
      ];
      for (const cache of broken) {
        const corpus = await loadCorpus({ dirs: [dir], cache, includeDefault: false });
        expect(corpus.documents.map((document) => document.id)).toEqual(["notes"]);
      }
    });
  });

  it("never writes into the user's folder", async () => {
    await files(dir, { "notes.md": NOTES_MD, "bad.txt": new Uint8Array([0xff, 0xfe]), "x.pdf": "%PDF" });
    const snapshot = async () =>
      Promise.all(
        (await readdir(dir)).sort().map(async (name) => {
          const info = await stat(join(dir, name));
          return [name, info.size, info.mtimeMs];
        }),
      );
    const before = await snapshot();
    await loadCorpus({ dirs: [dir] });
    expect(await snapshot()).toEqual(before);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

describe(dateFromFileName, () => {
  it.each([
    ["gwr-2003.txt", "2003"],
    ["2019-03-05 notes.md", "2019-03-05"],
    ["report_2019-11.md", "2019-11"],
    ["plan 2021 (draft 2021).txt", "2021"],
    ["review 2003-2015.md", undefined],
    ["notes.md", undefined],
    ["id 120031.txt", undefined],
    ["1776.txt", undefined],
  ])("%s → %s", (name, date) => {
    expect(dateFromFileName(name)).toBe(date);
  });
});
