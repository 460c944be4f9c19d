import { loadDefaultCorpus } from "@newind/data";
import { describe, expect, it } from "vitest";
import { UsageError } from "../errors.js";
import { listSources, run } from "./sources.js";
import { runCommand } from "./testing/run-command.js";

const runSources = (argv: string[]) => runCommand(run, argv, { loadCorpus: loadDefaultCorpus });

describe("newind sources", () => {
  it("--json lists each document with the exact text citations index", async () => {
    const { code, stdout } = await runSources(["sources", "--json"]);
    expect(code).toBe(0);
    const corpus = await loadDefaultCorpus();
    const output = JSON.parse(stdout) as { documents: Record<string, unknown>[] };
    expect(output.documents).toHaveLength(1);
    const [listing] = output.documents;
    const [document] = corpus.documents;
    expect(Object.keys(listing ?? {}).sort()).toEqual(
      ["authors", "chars", "id", "path", "publisher", "sha256", "text", "title", "url"].sort(),
    );
    expect(listing).toMatchObject({
      id: "new-industrialization",
      publisher: "CSIS Interpret: China",
      sha256: "14685e4aa55c4b1b99bb5503d87befefe7414768f0766bbaa5a235836a3cd7ff",
      authors: [
        { name: "Kendra Schaefer", role: "Partner, Trivium China" },
        { name: "Cory Combs", role: "Associate Director, Trivium China" },
      ],
    });
    expect(listing?.text).toBe(document?.text);
    expect(listing?.chars).toBe(document?.text.length);
    const passage = corpus.passages.find((candidate) => candidate.text.startsWith("In April 2022"));
    const text = String(listing?.text);
    expect(passage && text.slice(passage.span.start, passage.span.end)).toMatch(/^In April 2022/);
  });

  it("--json gives a document's publication date when it has one, and leaves the key out otherwise", async () => {
    const corpus = await loadDefaultCorpus();
    const [document] = corpus.documents;
    if (!document) throw new Error("no built-in document");
    const dated = { ...corpus, documents: [{ ...document, published: "2024-01-15" }, document] };
    const [withDate, without] = listSources(dated).documents;
    expect(withDate?.published).toBe("2024-01-15");
    expect(without && "published" in without).toBe(false);
  });

  it("prints a plain table for people", async () => {
    const { code, stdout } = await runSources(["sources"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^1 source document\n\nID +CHARS +PASSAGES +SHA256\nnew-industrialization +16,\d{3} +\d+ +14685e4aa55c…\n/,
    );
    expect(stdout).toContain(
      "Authors:   Kendra Schaefer (Partner, Trivium China); Cory Combs (Associate Director, Trivium China)",
    );
    expect(stdout).toContain("Publisher: CSIS Interpret: China");
    expect(stdout).not.toContain("\u001b[");
  });

  it("refuses arguments", async () => {
    await expect(runSources(["sources", "extra"])).rejects.toBeInstanceOf(UsageError);
  });
});
