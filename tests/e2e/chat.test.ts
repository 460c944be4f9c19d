/**
 * The chat as a person uses it: the built `newind` binary in a pseudo-terminal, the screen
 * read back through a headless xterm. Every wait polls the screen with a timeout; nothing
 * sleeps for a fixed time.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { BIN, nodePtyOrSkip, ptySessions, requirePtyOnCi } from "./pty-session.js";

/** The header once the corpus is loaded (before it, the live area says "loading the corpus"). */
const HEADER = /\d+ documents? · offline/;

const pty = nodePtyOrSkip("e2e/chat.test.ts");
const start = ptySessions(pty);

describe.skipIf(!pty)("newind chat in a pseudo-terminal", () => {
  beforeAll(() => {
    if (!existsSync(BIN)) throw new Error(`build first (npx pnpm build): ${BIN} is missing`);
  });

  it("answers a typed question with [1] and a source line, opens it, exports, and quits with 0", async () => {
    const chat = start();
    await chat.waitForText(HEADER);
    expect(chat.text()).toContain("1 document");
    chat.write("When was New Industrialization first proposed?");
    await chat.waitForText("› When was New Industrialization first proposed?");
    chat.write("\r");
    await chat.waitForText("Sources");
    const screen = chat.text();
    expect(screen).toMatch(/\[1\]/);
    // The source line: the marker, the document title and the paragraph number.
    expect(screen).toMatch(/\[1\] “New Industrialization”: The Industrial Upgrading Theory/);
    expect(screen).toMatch(/¶\d+/);

    chat.write("/open 1\r");
    await chat.waitForText("«");
    expect(chat.text()).toMatch(/«[^»]+»/);

    chat.write("/export\r");
    await chat.waitForText(/Exported 1 answer with citations to/);
    const files = readdirSync(chat.cwd).filter((file) => file.startsWith("newind-chat-"));
    expect(files).toHaveLength(1);
    const markdown = readFileSync(join(chat.cwd, files[0] as string), "utf8");
    expect(markdown).toContain("## 1. When was New Industrialization first proposed?");
    expect(markdown).toMatch(/^ {3}> /m);

    chat.write("/quit\r");
    expect(await chat.exit()).toBe(0);
    // The terminal is restored: bracketed paste off and the cursor shown again.
    expect(chat.output.lastIndexOf("\u001b[?2004l")).toBeGreaterThan(
      chat.output.lastIndexOf("\u001b[?2004h"),
    );
    expect(chat.output.lastIndexOf("\u001b[?25h")).toBeGreaterThan(chat.output.lastIndexOf("\u001b[?25l"));
  });

  it("/trend draws the primary collection's chart with missing years, /kwic its hits in context", async () => {
    const chat = start();
    await chat.waitForText(HEADER);
    chat.write("/trend 新型工业化\r");
    await chat.waitForText("┄ the collection has no document for that year");
    const chart = chat.text();
    expect(chart).toMatch(/^2020 +┄ no document$/m);
    expect(chart).toMatch(/^2002 +█+ 3 +gwr-2002 0 · cpc-16 3$/m);
    expect(chart).toMatch(/^2016 +0$/m);
    chat.write("/kwic 新型工业化\r");
    await chat.waitForText("新型工业化 — 22 hits, the first 20 shown");
    await chat.waitForText(/2024 gwr-2024 .*新型工业化/);
    chat.write("/quit\r");
    expect(await chat.exit()).toBe(0);
  });

  it("submits a question pasted with its newline in one write once, whole", async () => {
    const chat = start();
    await chat.waitForText(HEADER);
    chat.write("How many car makers ran under 60% capacity?\n");
    await chat.waitForAnswer("How many car makers ran under 60% capacity?");
    chat.write("\u001b[200~What is local\r\nprotectionism?\r\n\u001b[201~");
    await chat.waitForAnswer("What is local protectionism?");
    const text = chat.text();
    expect(text.match(/› How many car makers ran under 60% capacity\?/g)).toHaveLength(1);
    expect(text.match(/› What is local protectionism\?/g)).toHaveLength(1);
    // Submitted whole: no fragment of either question was sent on its own.
    expect(text).not.toMatch(/^› (How many|What is local)$/m);
    expect(text).not.toMatch(/^› protectionism\?$/m);
    chat.write("\u0004");
    expect(await chat.exit()).toBe(0);
  });

  it("Ctrl+C clears the line, a second Ctrl+C exits with 0", async () => {
    const chat = start();
    await chat.waitForText(HEADER);
    chat.write("half a question");
    await chat.waitForText("› half a question");
    chat.write("\u0003");
    await chat.waitForText("Press Ctrl+C again to exit");
    expect(chat.screen()).not.toContain("half a question");
    chat.write("\u0003");
    expect(await chat.exit()).toBe(0);
  });

  it("puts the terminal back when it is killed", async () => {
    const chat = start();
    await chat.waitForText(HEADER);
    chat.kill("SIGTERM");
    await chat.exit();
    expect(chat.output.lastIndexOf("\u001b[?2004l")).toBeGreaterThan(
      chat.output.lastIndexOf("\u001b[?2004h"),
    );
    expect(chat.output.lastIndexOf("\u001b[?25h")).toBeGreaterThan(chat.output.lastIndexOf("\u001b[?25l"));
  });

  it("keeps the input history across runs under XDG_STATE_HOME", async () => {
    const first = start();
    await first.waitForText(HEADER);
    first.write("What is BYD?\r");
    await first.waitForAnswer("What is BYD?");
    first.write("\u0004");
    expect(await first.exit()).toBe(0);
    expect(JSON.parse(readFileSync(join(first.stateHome, "newind", "history.json"), "utf8")).entries).toEqual(
      ["What is BYD?"],
    );

    const second = start({ stateHome: first.stateHome });
    await second.waitForText(HEADER);
    second.write("\u001b[A");
    await second.waitForText("› What is BYD?");
    second.write("\u0004\u0015\u0004");
    expect(await second.exit()).toBe(0);
  });

  it("sets a corrupt history file aside, says where, and starts a new one", async () => {
    const stateHome = mkdtempSync(join(tmpdir(), "newind-e2e-corrupt-"));
    mkdirSync(join(stateHome, "newind"), { recursive: true });
    writeFileSync(join(stateHome, "newind", "history.json"), "{ not json");
    const chat = start({ stateHome });
    await chat.waitForText("could not be read");
    const aside = readdirSync(join(stateHome, "newind")).filter((file) =>
      file.startsWith("history.json.corrupt-"),
    );
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(stateHome, "newind", aside[0] as string), "utf8")).toBe("{ not json");
    chat.write("Who is Jin Zhuanglong?\r");
    await chat.waitForAnswer("Who is Jin Zhuanglong?");
    chat.write("\u0004");
    expect(await chat.exit()).toBe(0);
    const saved = JSON.parse(readFileSync(join(stateHome, "newind", "history.json"), "utf8"));
    expect(saved.entries).toEqual(["Who is Jin Zhuanglong?"]);
  });

  it("fits 40 columns and lays the transcript out again after a resize", async () => {
    const chat = start({ cols: 40, rows: 30 });
    await chat.waitForText(HEADER);
    chat.write("Who is Jin Zhuanglong?\r");
    await chat.waitForAnswer("Who is Jin Zhuanglong?");
    for (const row of chat.text().split("\n")) expect(row.length).toBeLessThanOrEqual(40);
    chat.resize(100, 30);
    // After the redraw the header's title is on one line again.
    await chat.waitForText("newind · “New Industrialization”: The Industrial Upgrading Theory Driving");
    chat.write("/quit\r");
    expect(await chat.exit()).toBe(0);
  });

  it("shows the cursor on the input line where the text ends", async () => {
    const chat = start();
    await chat.waitForText(HEADER);
    chat.write("abc");
    await chat.waitForText("› abc");
    await chat.waitFor(() => chat.cursor().x === 5, "the cursor after “abc”");
    chat.write("\u001b[D\u001b[D");
    await chat.waitFor(() => chat.cursor().x === 3, "the cursor two cells left");
    chat.write("\u0003\u0003");
    expect(await chat.exit()).toBe(0);
  });
});

describe.skipIf(!pty)("newind chat: commands, colour, CJK and plain mode", () => {
  it("/copy puts the last answer with its references on the clipboard via OSC 52", async () => {
    const chat = start();
    await chat.waitForText(HEADER);
    chat.write("Who is Jin Zhuanglong?\r");
    await chat.waitForAnswer("Who is Jin Zhuanglong?");
    chat.write("/copy\r");
    await chat.waitForText("via OSC 52");
    // biome-ignore lint/suspicious/noControlCharactersInRegex: matching terminal output is the point
    const match = /\u001b\]52;c;([A-Za-z0-9+/=]+)\u0007/.exec(chat.output);
    expect(match).not.toBeNull();
    const copied = Buffer.from(match?.[1] ?? "", "base64").toString("utf8");
    expect(copied).toMatch(/\[1\]/);
    expect(copied).toMatch(/^\[1\] “New Industrialization”.*¶\d+: “/m);
    chat.write("/quit\r");
    expect(await chat.exit()).toBe(0);
  });

  it("writes a finished answer once (typing redraws only the prompt), and /clear wipes the screen", async () => {
    const chat = start();
    await chat.waitForText(HEADER);
    chat.write("Who is Jin Zhuanglong?\r");
    await chat.waitForAnswer("Who is Jin Zhuanglong?");
    for (const key of "typing on") chat.write(key);
    await chat.waitForText("› typing on");
    // Each finished entry is <Static>: its text reaches the terminal exactly once.
    expect(chat.output.split("Sources").length - 1).toBe(1);
    chat.write("\u0015/clear\r");
    // The screen starts afresh with the header; the old transcript is in the scrollback.
    await chat.waitFor(
      () => !chat.screen().includes("Sources") && HEADER.test(chat.screen()),
      "a cleared screen with the header",
    );
    expect(chat.text()).toContain("Sources");
    chat.write("/quit\r");
    expect(await chat.exit()).toBe(0);
  });

  it("/metrics draws bars, /timeline a rail, and a typo gets a suggestion", async () => {
    const chat = start({ rows: 50 });
    await chat.waitForText(HEADER);
    chat.write("/metrics\r");
    await chat.waitForText("In manufacturers");
    expect(chat.text()).toMatch(/122 █+/);
    chat.write("/timeline\r");
    await chat.waitForText(/^1995 +● /m);
    chat.write("/metrcs\r");
    await chat.waitForText("Unknown command /metrcs. Did you mean /metrics?");
    chat.write("/quit\r");
    expect(await chat.exit()).toBe(0);
  });

  it("puts the cursor after wide characters at their display width", async () => {
    const chat = start();
    await chat.waitForText(HEADER);
    chat.write("新型工业化");
    await chat.waitForText("› 新型工业化");
    await chat.waitFor(() => chat.cursor().x === 2 + 10, "the cursor after five wide characters");
    chat.write("\u001b[D");
    await chat.waitFor(() => chat.cursor().x === 2 + 8, "the cursor one wide character left");
    chat.write("\u0003\u0003");
    expect(await chat.exit()).toBe(0);
  });

  it("colours the [n] markers when colour is allowed, and writes no colour with NO_COLOR", async () => {
    const coloured = start({ env: { NO_COLOR: undefined, FORCE_COLOR: "2" } });
    await coloured.waitForText(HEADER);
    coloured.write("Who is Jin Zhuanglong?\r");
    await coloured.waitForAnswer("Who is Jin Zhuanglong?");
    // biome-ignore lint/suspicious/noControlCharactersInRegex: matching terminal output is the point
    expect(coloured.output).toMatch(/\u001b\[[0-9;]*m\[1\]/);
    coloured.write("\u0004");
    expect(await coloured.exit()).toBe(0);

    const plain = start();
    await plain.waitForText(HEADER);
    plain.write("Who is Jin Zhuanglong?\r");
    await plain.waitForAnswer("Who is Jin Zhuanglong?");
    // Cursor movement and inverse video only: no colour (SGR 30–49, 90–107).
    // biome-ignore lint/suspicious/noControlCharactersInRegex: matching terminal output is the point
    expect(plain.output).not.toMatch(/\u001b\[(?:[0-9;]*;)?(?:3[0-9]|4[0-9]|9[0-7]|10[0-7])(?:;[0-9;]*)?m/);
    plain.write("\u0004");
    expect(await plain.exit()).toBe(0);
  });

  it("TERM=dumb gets the line-by-line chat, with a prompt", async () => {
    const chat = start({ env: { TERM: "dumb" } });
    await chat.waitForText(HEADER);
    await chat.waitForText("› ");
    chat.write("Who is Jin Zhuanglong?\r");
    await chat.waitForText("Sources");
    expect(chat.output).not.toContain("\u001b[?2026h");
    chat.write("/quit\r");
    expect(await chat.exit()).toBe(0);
  });

  it("--plain is a line-by-line chat for screen readers: no redraws, same answers", async () => {
    const chat = start({ args: ["--plain"] });
    await chat.waitForText(HEADER);
    chat.write("Who is Jin Zhuanglong?\r");
    await chat.waitForText("Sources");
    expect(chat.output).not.toContain("\u001b[?2026h");
    chat.write("/quit\r");
    expect(await chat.exit()).toBe(0);
  });
});

requirePtyOnCi("newind chat in a pseudo-terminal", pty);
