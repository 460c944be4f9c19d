import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadCorpus } from "@newind/data/loaders";
import { createSearchIndex } from "@newind/search";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gather, score } from "../src/answer-question.js";
import { BotContext } from "../src/bot-context.js";
import { FITTED_MODEL } from "../src/scoring/fitted-model.js";

// A question that names a document ("the 1988 report", "the budget outlook") is answered from
// it: a word names documents when few titles (or dates) have it, and only the most specific
// naming counts. Made-up documents: the code knows none.
const DOCUMENTS: Record<string, string> = {
  "annual-report-1988.md":
    "---\ntitle: Annual Report\ndate: 1988-03-25\n---\nRoads were repaired in every province.\n\nThe harbour opened to trade.\n",
  "annual-report-1990.md":
    "---\ntitle: Annual Report\ndate: 1990-03-20\n---\nRoads were widened along the coast.\n\nGrain output rose.\n",
  "budget-outlook.md":
    "---\ntitle: Budget Outlook\ndate: 1991-01-10\n---\nRoads will get less money next year.\n\nSchools will get more.\n",
};

let dir = "";
let context: BotContext;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "newind-named-"));
  for (const [name, text] of Object.entries(DOCUMENTS)) writeFileSync(join(dir, name), text);
  const corpus = await loadCorpus({ dirs: [dir], includeDefault: false });
  context = new BotContext(corpus, await createSearchIndex(corpus));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const named = (question: string) => {
  const ids = [...gather(context, question, []).input.named.documents];
  return ids.map(
    (id) => context.documents.get(id)?.title + (context.documents.get(id)?.published?.slice(0, 4) ?? ""),
  );
};

describe("the documents a question names", () => {
  it("a year names the document of that year; a title word two documents share names neither", () => {
    expect(named("What did the 1988 annual report say about roads?")).toEqual(["Annual Report1988"]);
    expect(named("What did the annual report say about roads?")).toEqual([]);
  });

  it("a title word of one document names it", () => {
    expect(named("what does the outlook say about roads")).toEqual(["Budget Outlook1991"]);
  });

  it("ranks the named document's sentence first", () => {
    // Every document speaks of roads; without the naming another one's sentence comes first.
    const question = "What does the outlook say about roads?";
    const { candidates } = score(context, FITTED_MODEL.lexical, gather(context, question, []));
    const best = candidates[0] ? context.corpus.sentences[candidates[0].sentence] : undefined;
    expect(best?.text).toBe("Roads will get less money next year.");
  });
});
