import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Corpus } from "@newind/core";
import { loadDefaultCorpus } from "@newind/data";
import { createSearchIndex } from "@newind/search";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEntityMatcher } from "./analysis/find-entities.js";
import { createBotContext } from "./bot-context.js";
import {
  type ContextSnapshotLocation,
  deriveContextData,
  loadContextData,
  prepareCuratedTexts,
  readContextSnapshot,
  writeContextSnapshot,
} from "./context-snapshot.js";
import { botOfContext } from "./create-bot.js";

// The shipped copies of the dev question sets (../shared/eval), answerable and not.
const QUESTIONS = ["dev.jsonl", "dev-abstain.jsonl"].flatMap((file) =>
  readFileSync(new URL(`../../../tests/eval/questions/${file}`, import.meta.url), "utf8")
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as { id: string; question: string; turns?: string[] }),
);

const folder = mkdtempSync(join(tmpdir(), "newind-context-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

let corpus: Corpus;
let location: ContextSnapshotLocation;
beforeAll(async () => {
  corpus = await loadDefaultCorpus();
  // Code of its own, so a test can change it: the snapshot is keyed on the bytes of the
  // deriving module and of what it imports, not of the rest.
  mkdirSync(join(folder, "code", "text"), { recursive: true });
  writeFileSync(
    join(folder, "code", "derive.js"),
    'import { stem } from "./text/stem.js";\nexport { stem };\n',
  );
  writeFileSync(join(folder, "code", "text", "stem.js"), "export const stem = (word) => word;\n");
  writeFileSync(join(folder, "code", "compose.js"), "export const compose = () => '';\n");
  location = {
    snapshot: pathToFileURL(join(folder, "default-context.json")),
    code: pathToFileURL(join(folder, "code", "derive.js")),
  };
});

function freshSnapshot(): void {
  writeContextSnapshot(corpus, createEntityMatcher(corpus.datasets.entities), location);
}

describe(writeContextSnapshot, () => {
  it("writes a snapshot that restores exactly what the context derives, references and all", () => {
    freshSnapshot();
    const read = readContextSnapshot(corpus, location);
    expect(read.problem).toBeUndefined();
    const matcher = createEntityMatcher(corpus.datasets.entities);
    const derived = deriveContextData(corpus, matcher);
    prepareCuratedTexts(corpus, matcher, derived);
    expect(derived.prepared.size).toBeGreaterThan(100);
    expect(read.data).toEqual(derived);
    const [first, second] = read.data?.index.sentences ?? [];
    // Records point at the corpus's own passages and at each other, as derived ones do.
    expect(corpus.passages).toContain(first?.passage);
    expect(first?.next === undefined || first.next === second).toBe(true);
    expect(read.data?.index.byId.get(second?.id ?? "")).toBe(second);
  });
});

describe("a bot with and without the context snapshot", () => {
  it("answers every dev question (and its follow-ups) the same", async () => {
    freshSnapshot();
    const index = await createSearchIndex(corpus);
    const fromSnapshot = botOfContext(createBotContext(corpus, index, {}, location));
    const derived = botOfContext(createBotContext(corpus, index, {}, false));
    expect(loadContextData(corpus, createEntityMatcher([]), location).source).toBe("snapshot");
    expect(QUESTIONS.length).toBeGreaterThan(40);
    for (const { question, turns } of QUESTIONS) {
      const history = turns ?? [];
      expect(fromSnapshot.answer(question, { history })).toEqual(derived.answer(question, { history }));
    }
  });
});

describe(readContextSnapshot, () => {
  const matcher = () => createEntityMatcher(corpus.datasets.entities);

  it("is not used for another corpus, and the context is derived instead", () => {
    freshSnapshot();
    const other = { ...corpus, hash: "0".repeat(64) };
    expect(readContextSnapshot(other, location).problem).toBe("the context snapshot is of another corpus");
    const load = loadContextData(other, matcher(), location);
    expect(load.source).toBe("derived");
    expect(load.data.index).toEqual(deriveContextData(corpus, matcher()).index);
    expect(load.data.prepared.size).toBe(0);
  });

  it("is not used when a dataset changed", () => {
    freshSnapshot();
    const [first, ...rest] = corpus.datasets.metrics;
    if (!first) throw new Error("the built-in corpus has metrics");
    const edited = {
      ...corpus,
      datasets: { ...corpus.datasets, metrics: [{ ...first, label: `${first.label} (edited)` }, ...rest] },
    };
    expect(readContextSnapshot(edited, location).problem).toBe("the context snapshot is of other datasets");
  });

  it("is not used once the code that made it changed (a rebuilt tokenizer), or is gone", () => {
    freshSnapshot();
    // Code the derivation does not import may change freely.
    writeFileSync(join(folder, "code", "compose.js"), "export const compose = () => 'changed';\n");
    expect(readContextSnapshot(corpus, location).problem).toBeUndefined();
    const file = join(folder, "code", "text", "stem.js");
    writeFileSync(file, "export const stem = (word) => word.toLowerCase();\n");
    expect(readContextSnapshot(corpus, location).problem).toBe("the context snapshot was made by other code");
    rmSync(file);
    expect(readContextSnapshot(corpus, location).problem).toMatch(/^the context snapshot's code is gone/);
    writeFileSync(file, "export const stem = (word) => word;\n");
    expect(readContextSnapshot(corpus, location).problem).toBeUndefined();
  });

  it.each([
    ["missing", () => rmSync(location.snapshot, { force: true }), /^cannot read the context snapshot/],
    [
      "truncated",
      () => writeFileSync(location.snapshot, readFileSync(location.snapshot, "utf8").slice(0, 5000)),
      /^cannot read the context snapshot/,
    ],
    [
      "of another version",
      () => {
        const snapshot = JSON.parse(readFileSync(location.snapshot, "utf8")) as { version: number };
        writeFileSync(location.snapshot, JSON.stringify({ ...snapshot, version: snapshot.version + 1 }));
      },
      /another format or version/,
    ],
    [
      "damaged inside",
      () =>
        writeFileSync(
          location.snapshot,
          readFileSync(location.snapshot, "utf8").replace(
            '{"$ref":"passage:0"}',
            '{"$ref":"passage:100000"}',
          ),
        ),
      /^the context snapshot is damaged \(unknown reference passage:100000\)/,
    ],
  ])("is not used when %s, and the bot answers as without it", (_name, spoil, problem) => {
    freshSnapshot();
    spoil();
    expect(readContextSnapshot(corpus, location).problem).toMatch(problem);
    const question = "When was New Industrialization first proposed?";
    expect(botOfContext(createBotContext(corpus, undefined, {}, location)).answer(question)).toEqual(
      botOfContext(createBotContext(corpus, undefined, {}, false)).answer(question),
    );
  });
});
