/**
 * What misuse, hostile input and odd terminals do to the chat, seen in a real pseudo-terminal:
 * huge pastes, escape sequences in documents, a history file that is a pipe, resizes, tmux.
 */

import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { nodePtyOrSkip, ptySessions, requirePtyOnCi } from "./pty-session.js";

const HEADER = /\d+ documents? · offline/;
const URL_OF_CORPUS =
  "https://interpret.csis.org/new-industrialization-the-industrial-upgrading-theory-driving-chinas-advanced-manufacturing-policy/";

const pty = nodePtyOrSkip("e2e/hardening.test.ts");
const start = ptySessions(pty);

const temporary = (prefix: string) => mkdtempSync(join(tmpdir(), `newind-e2e-${prefix}-`));

describe.skipIf(!pty)("the chat against hostile and odd input", () => {
  it("keeps the shell's scrollback when the terminal is resized", async () => {
    const chat = start({ before: "seq 1 50", cols: 100, rows: 20 });
    await chat.waitForText(HEADER);
    chat.write("Who is Jin Zhuanglong?\r");
    await chat.waitForAnswer("Who is Jin Zhuanglong?");
    chat.resize(80, 20);
    await chat.waitForText("newind · “New Industrialization”: The Industrial Upgrading Theory Driving\n");
    const lines = chat.text().split("\n");
    for (let n = 1; n <= 50; n++) expect(lines).toContain(String(n));
    chat.write("\u0004");
    expect(await chat.exit()).toBe(0);
  });

  it("Ctrl+L clears the screen to the prompt and keeps the transcript in the scrollback", async () => {
    const chat = start({ rows: 24 });
    await chat.waitForText(HEADER);
    chat.write("Who is Jin Zhuanglong?\r");
    await chat.waitForAnswer("Who is Jin Zhuanglong?");
    chat.write("\u000c");
    await chat.waitFor(() => chat.screen().startsWith("›"), "the prompt on the first row");
    expect(chat.screen()).not.toContain("Sources");
    expect(chat.text()).toContain("Sources");
    chat.write("\u0004");
    expect(await chat.exit()).toBe(0);
  });

  it("takes a 200 KB paste: the input box says how much is hidden, the echo is folded, it answers", async () => {
    const chat = start({ cols: 80, rows: 24 });
    await chat.waitForText(HEADER);
    const pasted = `When did BYD start making batteries? ${"and what about the capacity of the factories ".repeat(4500)}`;
    chat.write(`\u001b[200~${pasted}\u001b[201~`);
    await chat.waitForText(/^› … \d+ more lines above$/m, 60_000);
    chat.write("\r");
    await chat.waitForText(/^ {2}… \d+ more lines$/m, 60_000);
    await chat.waitFor(
      (text) => !text.includes("looking through the sources") && /\[1\]/.test(text),
      "an answer",
      60_000,
    );
    // The live area never grew past the screen: the prompt is back on the last rows.
    await chat.waitFor(() => /^›\s*$/m.test(chat.screen()), "the empty prompt");
    chat.write("\u0004");
    expect(await chat.exit()).toBe(0);
  });

  it("starts when the history file is a named pipe, says so, and still answers", async () => {
    const stateHome = temporary("fifo");
    mkdirSync(join(stateHome, "newind"), { recursive: true });
    expect(spawnSync("mkfifo", [join(stateHome, "newind", "history.json")]).status).toBe(0);
    const chat = start({ stateHome });
    await chat.waitForPhrase("is not a regular file (a named pipe)");
    chat.write("Who is Jin Zhuanglong?\r");
    await chat.waitForAnswer("Who is Jin Zhuanglong?");
    // Said once, at the start: not again for every question.
    expect(chat.text().replace(/\s+/g, " ")).not.toContain("could not be saved");
    chat.write("\u0004");
    expect(await chat.exit()).toBe(0);
  });

  it.skipIf(process.getuid?.() === 0)("says once that a history it cannot write will be lost", async () => {
    const stateHome = temporary("readonly");
    mkdirSync(join(stateHome, "newind"));
    chmodSync(join(stateHome, "newind"), 0o500);
    const chat = start({ stateHome });
    await chat.waitForText(HEADER);
    chat.write("Who is Jin Zhuanglong?\r");
    await chat.waitForAnswer("Who is Jin Zhuanglong?");
    chat.write("What is BYD?\r");
    await chat.waitForAnswer("What is BYD?");
    expect(
      chat
        .text()
        .replace(/\s+/g, " ")
        .match(/could not be saved/g),
    ).toHaveLength(1);
    chat.write("\u0004");
    expect(await chat.exit()).toBe(0);
  });

  it("never lets a document's front matter write escape sequences to the terminal", async () => {
    const corpus = temporary("yaml");
    writeFileSync(
      join(corpus, "a.md"),
      '---\ntitle: !!x "\u001b]0;PWNED\u0007\u001b]52;c;ZXZpbA==\u0007"\n---\nwidgets and batteries\n',
    );
    writeFileSync(join(corpus, "deep.html"), `<p>${"<b>".repeat(3000)}widgets`);
    const chat = start({ args: ["--corpus", corpus] });
    await chat.waitForText(HEADER);
    expect(chat.logicalText()).toContain(
      "deep.html: skipped: the HTML is nested more than 1000 elements deep",
    );
    chat.write("/search widgets\r");
    await chat.waitForText(/passages? for “widgets”/);
    expect(chat.output).not.toContain("\u001b]52");
    expect(chat.output).not.toContain("\u001b]0;PWNED");
    expect(chat.logicalText()).toContain("front matter: Unresolved tag: tag:yaml.org,2002:x at line 2");
    chat.write("/quit\r");
    expect(await chat.exit()).toBe(0);
  });

  it("/copy inside tmux puts the answer in tmux's buffer and says so", async () => {
    const bin = temporary("tmux-bin");
    const received = join(bin, "buffer.txt");
    writeFileSync(join(bin, "tmux"), `#!/bin/sh\ncat > "${received}"\n`);
    chmodSync(join(bin, "tmux"), 0o755);
    const chat = start({ env: { TMUX: "/tmp/tmux-test,1,0", PATH: `${bin}:${process.env.PATH}` } });
    await chat.waitForText(HEADER);
    chat.write("Who is Jin Zhuanglong?\r");
    await chat.waitForAnswer("Who is Jin Zhuanglong?");
    chat.write("/copy\r");
    await chat.waitForPhrase("into tmux's paste buffer");
    expect(readFileSync(received, "utf8")).toMatch(/^\[1\] “New Industrialization”.*¶\d+: “/m);
    chat.write("/quit\r");
    expect(await chat.exit()).toBe(0);
  });

  it("/export expands ~, and never overwrites a file", async () => {
    const home = temporary("home");
    const chat = start({ env: { HOME: home } });
    await chat.waitForText(HEADER);
    chat.write("Who is Jin Zhuanglong?\r");
    await chat.waitForAnswer("Who is Jin Zhuanglong?");
    chat.write("/export ~/jin.md\r");
    await chat.waitForPhrase(`Exported 1 answer with citations to ${join(home, "jin.md")}`);
    expect(existsSync(join(home, "jin.md"))).toBe(true);
    chat.write("/export ~/jin.md\r");
    await chat.waitForPhrase("already exists");
    chat.write("/export ~/nowhere/jin.md\r");
    await chat.waitForPhrase("does not exist");
    expect(chat.text()).not.toContain("Something went wrong");
    chat.write("/quit\r");
    expect(await chat.exit()).toBe(0);
  });

  it("/sources n prints the address whole, and as an OSC 8 link where the terminal has them", async () => {
    const chat = start({ cols: 80 });
    await chat.waitForText(HEADER);
    chat.write("Who is Jin Zhuanglong?\r");
    await chat.waitForAnswer("Who is Jin Zhuanglong?");
    chat.write("/sources 1\r");
    await chat.waitForText("/open 1 shows the passage around it");
    // However the screen breaks the line, no indent is put inside the address.
    expect(chat.text().replace(/\n/g, "")).toContain(URL_OF_CORPUS);
    expect(chat.output).not.toContain("\u001b]8;;");
    chat.write("/quit\r");
    expect(await chat.exit()).toBe(0);

    const linked = start({ cols: 80, env: { FORCE_HYPERLINK: "1" } });
    await linked.waitForText(HEADER);
    linked.write("Who is Jin Zhuanglong?\r");
    await linked.waitForAnswer("Who is Jin Zhuanglong?");
    linked.write("/sources 1\r");
    await linked.waitForText("/open 1 shows the passage around it");
    expect(linked.output).toContain(`\u001b]8;;${URL_OF_CORPUS}\u001b\\`);
    linked.write("/quit\r");
    expect(await linked.exit()).toBe(0);
  });

  it("newind ask on a terminal is wrapped to it and coloured", async () => {
    const ask = start({
      cols: 60,
      args: ["ask", "When did BYD start making lithium-ion batteries?"],
      env: { NO_COLOR: undefined, FORCE_COLOR: "2" },
    });
    expect(await ask.exit()).toBe(0);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: colour codes are the point
    expect(ask.output).toMatch(/\u001b\[[0-9;]*m\[1\]/);
    for (const row of ask.logicalText().split("\n")) expect(row.length).toBeLessThanOrEqual(60);
    expect(ask.text()).toMatch(/^Sources$/m);
  });
});

requirePtyOnCi("the chat against hostile and odd input", pty);
