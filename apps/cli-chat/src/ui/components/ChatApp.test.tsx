import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { render } from "ink-testing-library";
import { afterEach, describe, expect, it } from "vitest";
import { HistoryStore } from "../../chat/history-store.js";
import { ChatSession } from "../../chat/session.js";
import { fakeBackend, fakeCorpus } from "../../chat/testing/fake-corpus.js";
import { ChatApp, type ChatAppProps } from "./ChatApp.js";

const ENTER = "\r";
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

async function waitFor(check: () => boolean, what: string, timeoutMs = 3000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function start(props: Partial<ChatAppProps> = {}) {
  const backend = fakeBackend();
  const cwd = mkdtempSync(join(tmpdir(), "newind-chat-"));
  const session = new ChatSession({
    corpus: fakeCorpus,
    backend,
    cwd,
    now: () => new Date("2026-12-01T09:30:00Z"),
  });
  const app = render(<ChatApp session={session} color={false} width={80} {...props} />);
  cleanups.push(() => app.unmount());
  const frame = () => app.lastFrame() ?? "";
  const type = async (text: string) => {
    app.stdin.write(text);
    await new Promise((resolve) => setTimeout(resolve, 5));
  };
  const until = (text: string | RegExp) =>
    waitFor(() => (typeof text === "string" ? frame().includes(text) : text.test(frame())), String(text));
  return { app, backend, cwd, frame, type, until };
}

describe(ChatApp, () => {
  it("shows the header: corpus title, document count, offline", async () => {
    const { until, frame } = start();
    await until("offline");
    expect(frame()).toContain("“New Industrialization”: The Industrial Upgrading Theory");
    expect(frame()).toContain("1 document · offline");
  });

  it("answers a typed question with [n] markers and a source line with ¶ and the quote", async () => {
    const { type, until, frame } = start();
    await type("When did BYD make batteries?");
    await until("› When did BYD make batteries?");
    await type(ENTER);
    await until("Sources");
    expect(frame()).toMatch(/\[1\]/);
    expect(frame()).toMatch(/\[1\] “New Industrialization”: The Industrial Upgrading Theory ¶4/);
    expect(frame()).toContain("“BYD began to make lithium-ion batteries in 1995");
    // The hint bar now points at what can be done with the sources.
    expect(frame().trimEnd().split("\n").at(-1)).toContain("/open n");
  });

  it("submits a pasted question once, whole, with or without bracketed paste", async () => {
    const { type, until, backend } = start();
    await type("When was New Industrialization first tabled?\n");
    await until("Sources");
    await type("\u001b[200~How many auto manufacturers\r\nin 2020?\u001b[201~");
    await type(ENTER);
    await until("¶3");
    expect(backend.asked).toEqual([
      "When was New Industrialization first tabled?",
      "How many auto manufacturers in 2020?",
    ]);
  });

  it("edits the line with the arrow keys, Home/End and Ctrl+W/U", async () => {
    const { type, until, backend } = start();
    await type("BYD batteries");
    await type("\u001b[D".repeat(9)); // ← to before "batteries"
    await type("lithium ");
    await type("\u0005"); // Ctrl+E
    await type(" wrong");
    await type("\u0017"); // Ctrl+W
    await type("\u007f"); // Backspace
    await type("\u0001\u001b[3~"); // Home, Delete
    await type(ENTER);
    await until("Sources");
    expect(backend.asked).toEqual(["YD lithium batteries"]);
  });

  it("/open 1 shows the whole passage with the cited span marked and its neighbours", async () => {
    const { type, until, frame } = start();
    await type("How many auto manufacturers did China have?\r");
    await until("Sources");
    await type("/open ");
    await type("\t");
    await until("› /open 1");
    await type("\r");
    await until("«");
    expect(frame()).toContain("¶2");
    expect(frame()).toContain("¶4");
    expect(frame()).toMatch(/«In 2020, China had 122 auto manufacturers/);
  });

  it("/export writes the conversation and reports the path", async () => {
    const { type, until, frame, cwd } = start();
    await type("When did BYD make batteries?\r");
    await until("Sources");
    await type("/export\r");
    await until("Exported 1 answer");
    const [file] = readdirSync(cwd);
    expect(file).toBe("newind-chat-2026-12-01T09-30-00.md");
    expect(frame().replace(/\s+/g, "")).toContain(join(cwd, file as string).replace(/\s+/g, ""));
    expect(readFileSync(join(cwd, file as string), "utf8")).toContain(
      "> BYD began to make lithium-ion batteries in 1995",
    );
  });

  it("suggests the closest command for an unknown one", async () => {
    const { type, until } = start();
    await type("/serch cleantech\r");
    await until("Unknown command /serch. Did you mean /search?");
  });

  it("lists matching commands while a slash command is typed", async () => {
    const { type, until, frame } = start();
    await type("/s");
    await until("/search query");
    expect(frame()).toContain("/sources [n]");
    await type("\t");
    await until("› /sources");
  });

  it("Ctrl+C clears the line, and Ctrl+C twice exits", async () => {
    const { type, until, frame, app } = start();
    await type("half a question");
    await until("half a question");
    await type("\u0003");
    await until("Press Ctrl+C again to exit");
    expect(frame()).not.toContain("half a question");
    await type("\u0003");
    await waitFor(() => !frame().includes("Press Ctrl+C"), "the prompt to go");
    expect(app.frames.length).toBeGreaterThan(0);
  });

  it("recalls and persists history with ↑", async () => {
    const dir = mkdtempSync(join(tmpdir(), "newind-state-"));
    const store = HistoryStore.forEnvironment({ XDG_STATE_HOME: dir });
    const { type, until } = start({ history: ["an older question"], historyStore: store });
    await type("\u001b[A");
    await until("› an older question");
    await type("\u0015new one\r");
    await until("Sources");
    expect(store.load().entries).toEqual(["an older question", "new one"]);
  });

  it("fits a 40-column terminal", async () => {
    const { type, until, frame } = start({ width: 40 });
    await type("How many auto manufacturers did China have in 2020?\r");
    await until("Sources");
    for (const row of frame().split("\n")) expect(row.length).toBeLessThanOrEqual(40);
  });

  it("draws the prompt before the corpus is loaded and sends early input once it is", async () => {
    let resolve: (session: ChatSession) => void = () => undefined;
    const later = new Promise<ChatSession>((done) => {
      resolve = done;
    });
    const backend = fakeBackend();
    const app = render(<ChatApp session={later} color={false} width={80} />);
    cleanups.push(() => app.unmount());
    const frame = () => app.lastFrame() ?? "";
    await waitFor(() => frame().includes("loading the corpus"), "the loading header");
    app.stdin.write("When did BYD make batteries?\r");
    await waitFor(() => frame().includes("looking through the sources"), "the queued question");
    resolve(new ChatSession({ corpus: fakeCorpus, backend, cwd: tmpdir() }));
    await waitFor(() => frame().includes("Sources"), "the answer");
    const text = frame();
    expect(text.indexOf("1 document · offline")).toBeLessThan(text.indexOf("› When did BYD make batteries?"));
    expect(text).not.toContain("loading the corpus");
    expect(backend.asked).toEqual(["When did BYD make batteries?"]);
    // Answered: no longer "looking" (an early question was once counted twice, and the line stayed).
    await waitFor(() => !frame().includes("looking through the sources"), "the status line to go");
  });

  it("writes no colour codes with colour off, and neutralises escapes in input", async () => {
    const { type, until, frame } = start();
    await type("BYD \u001b]0;pwned\u0007batteries \u001b[31mred\r");
    await until("Sources");
    expect(frame().includes("\u001b") || frame().includes("\u0007")).toBe(false);
    expect(frame()).not.toContain("pwned");
    expect(frame()).toContain("› BYD batteries");
  });
});
