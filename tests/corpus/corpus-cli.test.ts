/**
 * `--corpus DIR` end to end: the built `newind` binary reads a folder of the user's own
 * documents (generated here, bad files included), cites into them with exact offsets,
 * caches the folder's index under $XDG_CACHE_HOME/newind, and fails with one line when
 * a folder is missing.
 */
import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";

const bin = fileURLToPath(new URL("../../apps/cli-chat/dist/newind.js", import.meta.url));

interface Hit {
  docId: string;
  passageId: string;
  paragraph: number;
  start: number;
  end: number;
  quote: string;
}

interface Listed {
  id: string;
  title: string;
  path?: string;
  text: string;
  sha256: string;
}

const NOTES_MD = `---
title: Notes on solid-state batteries
authors: [A. Analyst]
date: 2024-05-01
---

# Notes on solid-state batteries

Hefei battery makers doubled their solid-state cell capacity in 2024, according to the provincial bureau.

The bureau listed three priorities:

  1. pilot lines for sulfide electrolytes;
  2. recycling of cathode materials;
  3. export credit for equipment makers.
`;

const ESSAY_HTML = `<!doctype html><html><head><title>Jin Zhuanglong on the modern industrial system</title>
<script>window.tracking = "sulfide";</script><style>.x{}</style></head>
<body><nav>Home | Policy | Contact</nav><header>Qiushi Online</header>
<main><h1>Building a modern industrial system</h1>
<p>Advanced manufacturing is the backbone of the modern industrial system, Jin Zhuanglong wrote.</p>
<p>Shipbuilding yards in Dalian will adopt digital twins by 2027.</p></main>
<footer>Copyright Qiushi</footer></body></html>`;

let root: string;
let notes: string;
let cacheHome: string;

function newind(args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    encoding: "utf8",
    env: { PATH: process.env.PATH, HOME: root, XDG_CACHE_HOME: cacheHome, NO_COLOR: "1", ...env },
    maxBuffer: 64 << 20,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function json<T>(args: string[], env?: NodeJS.ProcessEnv): { value: T; stderr: string } {
  const result = newind(args, env);
  expect(result.status, result.stderr).toBe(0);
  return { value: JSON.parse(result.stdout) as T, stderr: result.stderr };
}

const cacheDir = () => join(cacheHome, "newind");
const allCacheFiles = () => (existsSync(cacheDir()) ? readdirSync(cacheDir()).sort() : []);
const cacheFiles = () => allCacheFiles().filter((name) => name.startsWith("index-"));
const folderCacheFiles = () => allCacheFiles().filter((name) => name.startsWith("folders-"));
const indexSource = (stderr: string) => /newind: index: (\w+)/.exec(stderr)?.[1];

function snapshot(dir: string) {
  return readdirSync(dir)
    .sort()
    .map((name) => {
      const info = statSync(join(dir, name));
      return [name, info.size, info.mtimeMs];
    });
}

beforeAll(() => {
  if (!existsSync(bin)) throw new Error(`${bin} is missing: build first (pnpm build)`);
});

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "newind-corpus-cli-"));
  notes = join(root, "notes");
  cacheHome = join(root, "cache");
  mkdirSync(notes);
  writeFileSync(join(notes, "solid-state.md"), NOTES_MD);
  writeFileSync(join(notes, "jin-essay.html"), ESSAY_HTML);
  writeFileSync(join(notes, "field-notes.txt"), "Field notes\n\nCATL opened a sodium-ion line in Ningde.\n");
  // Bad files, made here: not UTF-8 (Latin-1 "é"), binary (NUL bytes), empty; and a PDF.
  writeFileSync(join(notes, "latin1.txt"), Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x0a]));
  writeFileSync(join(notes, "picture.txt"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x00, 0x0d]));
  writeFileSync(join(notes, "empty.md"), "");
  writeFileSync(join(notes, "report.pdf"), "%PDF-1.7\n");
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

describe("newind --corpus DIR", () => {
  it("cites into the user's documents: quote === text.slice(start, end), with text from sources --json", () => {
    const before = snapshot(notes);
    const search = json<{ hits: Hit[] }>([
      "search",
      "solid-state cell capacity",
      "--corpus",
      notes,
      "--json",
    ]);
    const html = json<{ hits: Hit[] }>([
      "search",
      "shipbuilding digital twins Dalian",
      "--corpus",
      notes,
      "--json",
    ]);
    const sources = json<{ documents: Listed[] }>(["sources", "--json", "--corpus", notes]);

    const byId = new Map(sources.value.documents.map((document) => [document.id, document]));
    expect([...byId.keys()]).toEqual(["new-industrialization", "field-notes", "jin-essay", "solid-state"]);
    expect(byId.get("solid-state")).toMatchObject({
      title: "Notes on solid-state batteries",
      path: join(notes, "solid-state.md"),
      text: NOTES_MD,
    });
    expect(byId.get("jin-essay")?.title).toBe("Jin Zhuanglong on the modern industrial system");
    expect(byId.get("jin-essay")?.text).not.toMatch(/tracking|Home \| Policy|Copyright/);

    const [top] = search.value.hits;
    expect(top?.docId).toBe("solid-state");
    expect(top?.quote).toContain("doubled their solid-state cell capacity");
    expect(html.value.hits[0]?.docId).toBe("jin-essay");
    expect(html.value.hits[0]?.quote).toBe("Shipbuilding yards in Dalian will adopt digital twins by 2027.");
    for (const hit of [...search.value.hits, ...html.value.hits]) {
      expect(byId.get(hit.docId)?.text.slice(hit.start, hit.end)).toBe(hit.quote);
    }
    // Nothing is ever written into the user's folder.
    expect(snapshot(notes)).toEqual(before);
  });

  it("answers from the right document: citations into the user's file and into the built-in one", () => {
    const sources = json<{ documents: Listed[] }>(["sources", "--json", "--corpus", notes]).value;
    const texts = new Map(sources.documents.map((document) => [document.id, document.text]));
    const ask = (question: string) =>
      json<{ abstained: boolean; citations: Hit[] }>(["ask", question, "--corpus", notes, "--json"]).value;

    const user = ask("What did Hefei battery makers do in 2024?");
    const builtIn = ask("When was New Industrialization first proposed?");
    expect(user.abstained).toBe(false);
    expect(user.citations.map((citation) => citation.docId)).toEqual(user.citations.map(() => "solid-state"));
    expect(user.citations[0]?.quote).toContain("doubled their solid-state cell capacity");
    expect(builtIn.citations[0]?.docId).toBe("new-industrialization");
    for (const citation of [...user.citations, ...builtIn.citations]) {
      expect(texts.get(citation.docId)?.slice(citation.start, citation.end)).toBe(citation.quote);
    }
  });

  it("warns on stderr about each file it skips, naming it, and still answers", () => {
    const { stderr } = json<{ hits: Hit[] }>(["search", "sodium-ion", "--corpus", notes, "--json"]);
    const lines = stderr.trimEnd().split("\n");
    expect(lines).toEqual([
      `newind: warning: ${join(notes, "empty.md")}: skipped: the file is empty`,
      `newind: warning: ${join(notes, "latin1.txt")}: skipped: not valid UTF-8 (at byte 3); save it as UTF-8 to include it`,
      `newind: warning: ${join(notes, "picture.txt")}: skipped: binary file (it contains NUL bytes), not text`,
      `newind: skipped 1 file that is not .txt, .md or .html: ${join(notes, "report.pdf")}`,
    ]);
  });

  it("reads folders from NEWIND_CORPUS, and leaves the built-in corpus out with --no-default-corpus", () => {
    const { value } = json<{ documents: Listed[] }>(["sources", "--json", "--no-default-corpus"], {
      NEWIND_CORPUS: notes,
    });
    expect(value.documents.map((document) => document.id)).toEqual([
      "field-notes",
      "jin-essay",
      "solid-state",
    ]);
  });

  it("caches the folder's index, reuses it, and rebuilds it when a file changes or the cache is corrupt", () => {
    const search = (query = "sodium-ion line") =>
      newind(["search", query, "--corpus", notes, "--json"], { NEWIND_DEBUG: "1" });
    const first = search();
    expect(first.status).toBe(0);
    expect(indexSource(first.stderr)).toBe("built");
    const [file] = cacheFiles();
    expect(cacheFiles()).toEqual([expect.stringMatching(/^index-[0-9a-f]{64}\.json$/)]);
    // The parsed folder is cached too, so an unchanged folder is not parsed again.
    expect(folderCacheFiles()).toEqual([expect.stringMatching(/^folders-[0-9a-f]{64}\.json$/)]);

    const second = search();
    expect(indexSource(second.stderr)).toBe("cache");
    expect(second.stdout).toBe(first.stdout);

    writeFileSync(
      join(notes, "field-notes.txt"),
      "Field notes\n\nCATL opened a second sodium-ion line in Ningde.\n",
    );
    const changed = search();
    expect(indexSource(changed.stderr)).toBe("built");
    expect(JSON.parse(changed.stdout).hits[0].quote).toBe("CATL opened a second sodium-ion line in Ningde.");
    expect(cacheFiles()).toHaveLength(2);
    const newest = cacheFiles().find((name) => name !== file) ?? "";

    writeFileSync(join(cacheDir(), newest), readFileSync(join(cacheDir(), newest), "utf8").slice(0, 500));
    for (const name of folderCacheFiles()) writeFileSync(join(cacheDir(), name), "{}\ngarbage");
    const corrupt = search();
    expect(indexSource(corrupt.stderr)).toBe("rebuilt");
    expect(corrupt.stdout).toBe(changed.stdout);
    expect(indexSource(search().stderr)).toBe("cache");
    expect(allCacheFiles().filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });

  it("uses the prebuilt index and writes no cache for the built-in corpus alone", () => {
    const result = newind(["search", "local protectionism", "--json"], { NEWIND_DEBUG: "1" });
    expect(result.status).toBe(0);
    expect(indexSource(result.stderr)).toBe("prebuilt");
    expect(allCacheFiles()).toEqual([]);
  });

  it("exits 1 with one line naming a missing folder", () => {
    const missing = join(root, "no-such-folder");
    const result = newind(["search", "capacity", "--corpus", missing]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(`newind: ${missing}: no such folder\n`);
  });

  it("exits 1 with zod's message and the record and field for a malformed corpus.json", () => {
    writeFileSync(
      join(notes, "corpus.json"),
      JSON.stringify({ documents: [{ file: "solid-state.md", url: "nope" }] }),
    );
    const result = newind(["sources", "--json", "--corpus", notes]);
    expect(result.status).toBe(1);
    expect(result.stderr.trimEnd().split("\n")).toEqual([
      `newind: ${join(notes, "corpus.json")}: record documents[0], field "url": Invalid URL`,
    ]);
  });
});
