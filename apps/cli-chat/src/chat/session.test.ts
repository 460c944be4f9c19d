import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MAX_HISTORY_TURNS } from "./backend.js";
import { ChatSession, splitArguments } from "./session.js";
import { makeFolderCorpus } from "./testing/analytics-corpus.js";
import { fakeBackend, fakeCorpus } from "./testing/fake-corpus.js";

function session(options: Partial<ConstructorParameters<typeof ChatSession>[0]> = {}) {
  const backend = fakeBackend();
  const cwd = mkdtempSync(join(tmpdir(), "newind-session-"));
  const home = mkdtempSync(join(tmpdir(), "newind-home-"));
  const chat = new ChatSession({
    corpus: fakeCorpus,
    backend,
    cwd,
    home,
    env: {},
    now: () => new Date("2026-12-01T10:00:00Z"),
    ...options,
  });
  return { chat, backend, cwd, home };
}

const noticeText = (outcome: { entries: readonly { kind: string }[] }) => {
  const entry = outcome.entries[0];
  return entry && "text" in entry ? String(entry.text) : "";
};

describe(ChatSession, () => {
  it("answers a question and passes the earlier questions as history", async () => {
    const { chat, backend } = session();
    const first = await chat.handle("When did BYD make batteries?");
    expect(first.entries[0]?.kind).toBe("answer");
    await chat.handle("and auto manufacturers?");
    expect(backend.asked).toEqual(["When did BYD make batteries?", "and auto manufacturers?"]);
    expect(chat.conversation.map((turn) => turn.question)).toEqual([
      "When did BYD make batteries?",
      "and auto manufacturers?",
    ]);
  });

  it("explains what /open and /sources need when there is no answer yet", async () => {
    const { chat } = session();
    expect((await chat.handle("/open 1")).entries[0]).toMatchObject({ kind: "notice", tone: "error" });
    expect((await chat.handle("/sources")).entries[0]).toMatchObject({ kind: "notice", tone: "error" });
  });

  it("/open and /sources take a citation number of the last answer", async () => {
    const { chat } = session();
    await chat.handle("How many auto manufacturers did China have?");
    expect((await chat.handle("/open 1")).entries[0]).toMatchObject({ kind: "passage", citation: { n: 1 } });
    expect((await chat.handle("/sources [1]")).entries[0]).toMatchObject({ kind: "sources", n: 1 });
    const wrong = (await chat.handle("/open 9")).entries[0];
    expect(wrong).toMatchObject({ kind: "notice", tone: "error" });
    expect(wrong && "text" in wrong ? wrong.text : "").toContain("[1]");
  });

  it("/search returns ranked hits; without a query it says how to use it", async () => {
    const { chat } = session();
    const result = (await chat.handle("/search lithium batteries")).entries[0];
    expect(result).toMatchObject({ kind: "search", query: "lithium batteries" });
    expect((await chat.handle("/search")).entries[0]).toMatchObject({ kind: "notice", tone: "error" });
  });

  it("/export file.json writes every turn's answer with its citations", async () => {
    const { chat, cwd } = session();
    await chat.handle("When did BYD make batteries?");
    const outcome = await chat.handle("/export notes.json");
    const path = join(cwd, "notes.json");
    expect(outcome.entries[0]).toMatchObject({ kind: "notice", tone: "success" });
    const value = JSON.parse(readFileSync(path, "utf8"));
    expect(value.turns[0].answer.citations[0].quote).toContain("BYD began to make lithium-ion batteries");
    expect(value.exportedAt).toBe("2026-12-01T10:00:00.000Z");
  });

  it("/export without a name writes a timestamped Markdown file in the cwd", async () => {
    const { chat, cwd } = session();
    await chat.handle("When did BYD make batteries?");
    await chat.handle("/export");
    const markdown = readFileSync(join(cwd, "newind-chat-2026-12-01T10-00-00.md"), "utf8");
    expect(markdown).toContain("## 1. When did BYD make batteries?");
    expect(markdown).toContain("**Sources**");
    expect(markdown).toMatch(
      /1\. \[“New Industrialization”.*\]\(https:\/\/interpret\.csis\.org\/example\/\), ¶4/,
    );
  });

  it("/copy asks for the answer and its references on the clipboard", async () => {
    const { chat } = session();
    await chat.handle("When did BYD make batteries?");
    const outcome = await chat.handle("/copy");
    const effect = outcome.effects[0];
    expect(effect?.type).toBe("copy");
    expect(effect && "text" in effect ? effect.text : "").toMatch(/\[1\] .*¶4: “BYD began/);
  });

  it("passes the backend only the last 20 questions of a long conversation", async () => {
    const { chat, backend } = session();
    const histories: number[] = [];
    const ask = backend.ask;
    backend.ask = (question, history) => {
      histories.push(history.length);
      return ask(question, history);
    };
    for (let i = 0; i < 30; i++) await chat.handle(`question ${i} about BYD?`);
    expect(histories.at(-1)).toBe(MAX_HISTORY_TURNS);
    expect(Math.max(...histories)).toBe(MAX_HISTORY_TURNS);
  });

  it("/export expands ~ to the home folder", async () => {
    const { chat, home } = session();
    await chat.handle("When did BYD make batteries?");
    expect(noticeText(await chat.handle("/export ~/notes.md"))).toContain(join(home, "notes.md"));
    expect(readFileSync(join(home, "notes.md"), "utf8")).toContain("## 1. When did BYD make batteries?");
  });

  it("/export says, in a sentence, that a folder is missing, and writes nothing", async () => {
    const { chat, cwd } = session();
    await chat.handle("When did BYD make batteries?");
    const outcome = await chat.handle("/export no/such/folder/notes.md");
    expect(outcome.entries[0]).toMatchObject({ kind: "notice", tone: "error" });
    expect(noticeText(outcome)).toBe(
      `Nothing exported: the folder ${join(cwd, "no/such/folder")} does not exist.`,
    );
  });

  it("/export never overwrites a file, and suggests another name", async () => {
    const { chat, cwd } = session();
    await chat.handle("When did BYD make batteries?");
    writeFileSync(join(cwd, "notes.md"), "my own notes");
    const outcome = await chat.handle("/export notes.md");
    expect(noticeText(outcome)).toBe(
      `Nothing exported: ${join(cwd, "notes.md")} already exists. Give another name, e.g. /export notes-2.md`,
    );
    expect(readFileSync(join(cwd, "notes.md"), "utf8")).toBe("my own notes");
    mkdirSync(join(cwd, "dir.md"));
    expect(noticeText(await chat.handle("/export dir.md"))).toMatch(/^Nothing exported: /);
  });

  it("/export includes the closest passages of an answer the sources don't cover", async () => {
    const { chat, cwd } = session();
    await chat.handle("Zebras? Quokkas?");
    await chat.handle("/export mars.md");
    const markdown = readFileSync(join(cwd, "mars.md"), "utf8");
    expect(markdown).toContain("**Closest passages**");
    expect(markdown).toMatch(/^1\. .*¶\d+ \(characters \d+–\d+\)\n {3}> /m);
  });

  it("/copy inside tmux also sets tmux's buffer, and says so", async () => {
    const loaded: string[] = [];
    const { chat } = session({
      env: { TMUX: "/tmp/tmux-0/default,1,0" },
      loadTmuxBuffer: (text) => void loaded.push(text),
    });
    await chat.handle("When did BYD make batteries?");
    const outcome = await chat.handle("/copy");
    expect(loaded).toHaveLength(1);
    expect(loaded[0]).toMatch(/\[1\] .*¶4: “BYD began/);
    expect(noticeText(outcome)).toContain("into tmux's paste buffer");
    expect(outcome.effects[0]?.type).toBe("copy");
  });

  it("/copy inside tmux says honestly when the copy may not arrive, and how to enable it", async () => {
    const { chat } = session({ env: { TMUX: "x" }, loadTmuxBuffer: () => "no server running" });
    await chat.handle("When did BYD make batteries?");
    const outcome = await chat.handle("/copy");
    expect(outcome.entries[0]).toMatchObject({ kind: "notice", tone: "error" });
    expect(noticeText(outcome)).toContain("inside tmux it may not arrive");
    expect(noticeText(outcome)).toContain("no server running");
    expect(noticeText(outcome)).toContain("set -g set-clipboard on");
    expect(noticeText(outcome)).not.toMatch(/^Copied/);
  });

  it("/clear forgets the conversation; /quit asks to leave", async () => {
    const { chat } = session();
    await chat.handle("When did BYD make batteries?");
    expect((await chat.handle("/clear")).effects).toEqual([{ type: "clear" }]);
    expect(chat.conversation).toEqual([]);
    expect((await chat.handle("/quit")).effects).toEqual([{ type: "quit" }]);
  });

  it("turns a failing backend into an error notice", async () => {
    const chat = new ChatSession({
      corpus: fakeCorpus,
      backend: Promise.reject(new Error("index missing")),
      cwd: tmpdir(),
    });
    expect((await chat.handle("why?")).entries[0]).toMatchObject({
      kind: "notice",
      tone: "error",
      text: "Something went wrong: index missing",
    });
  });
});

describe("the analytics slash commands", () => {
  const analytics = () =>
    new ChatSession({
      corpus: fakeCorpus,
      backend: fakeBackend(),
      cwd: tmpdir(),
      loadAnalyticsCorpus: makeFolderCorpus,
    });

  it("/trend charts terms over the analytics corpus", async () => {
    const [entry] = (await analytics().handle('/trend battery "battery plant"')).entries;
    expect(entry?.kind).toBe("trend");
    if (entry?.kind !== "trend") return;
    expect(entry.trend.terms).toEqual(["battery", "battery plant"]);
    expect(entry.trend.missingYears).toEqual([2020]);
  });

  it("/kwic shows a term in context, /compare two sides", async () => {
    const [kwic] = (await analytics().handle("/kwic battery plant")).entries;
    expect(kwic).toMatchObject({ kind: "kwic", concordance: { term: "battery plant", total: 1 } });
    const [compare] = (await analytics().handle("/compare 2019 2021")).entries;
    expect(compare).toMatchObject({
      kind: "compare",
      keyness: { a: { label: "2019" }, b: { label: "2021" } },
    });
  });

  it("explains usage, and refuses bad input with one line", async () => {
    for (const line of ["/trend", "/kwic", "/compare 2019", "/compare 2019-2021 2021"]) {
      expect((await analytics().handle(line)).entries[0], line).toMatchObject({
        kind: "notice",
        tone: "error",
      });
    }
    const [unknown] = (await analytics().handle("/compare 2019 nosuch")).entries;
    expect(unknown && "text" in unknown ? unknown.text : "").toMatch(/^"nosuch" is neither a document id/);
  });

  it("says the commands are not available without an analytics corpus", async () => {
    const { chat } = session();
    expect((await chat.handle("/trend battery")).entries[0]).toMatchObject({
      kind: "notice",
      text: "/trend is not available here.",
    });
  });
});

describe(splitArguments, () => {
  it("splits at spaces and keeps quoted phrases whole", () => {
    expect(splitArguments("\"new industrialization\" 新型工业化 “高质量 发展” 'a b'")).toEqual([
      "new industrialization",
      "新型工业化",
      "高质量 发展",
      "a b",
    ]);
  });
});
