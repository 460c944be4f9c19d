/**
 * Runs the built `newind` binary in a real pseudo-terminal (node-pty) and reads the screen
 * through a headless xterm, the way a person sees it. The environment is fixed (TERM,
 * no colour, size, a private XDG_STATE_HOME and cwd) so screens are stable; CI variables
 * are removed because Ink draws only the final frame when it thinks it runs in CI.
 */
import { mkdtempSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import headless, { type Terminal } from "@xterm/headless";
import type { IPty } from "node-pty";
import { afterEach, describe, it } from "vitest";

/** The built binary under test. */
export const BIN = fileURLToPath(new URL("../../apps/cli-chat/dist/newind.js", import.meta.url));

type NodePty = typeof import("node-pty");

/** node-pty, or why it cannot load (its native addon is optional and may not have been built). */
export function loadNodePty(): { pty: NodePty } | { reason: string } {
  try {
    return { pty: createRequire(import.meta.url)("node-pty") as NodePty };
  } catch (error) {
    return { reason: `node-pty is not available: ${(error as Error).message.split("\n")[0]}` };
  }
}

/**
 * node-pty for a test file's pseudo-terminal tests; when it cannot load, says so in one line
 * of the test output (a skipped test's name shows only in a verbose report), with what to
 * do about it. On CI the tests must run: the caller fails there instead.
 */
export function nodePtyOrSkip(file: string): NodePty | undefined {
  const loaded = loadNodePty();
  if ("pty" in loaded) return loaded.pty;
  console.warn(
    `newind: ${file}: pseudo-terminal tests skipped — ${loaded.reason}. node-pty compiles at install with g++ and Node's headers (npm_config_nodedir); reinstall (pnpm install --force) once they are there.`,
  );
  return undefined;
}

/** Options of {@link PtySession.start}. */
export interface PtyOptions {
  readonly cols?: number;
  readonly rows?: number;
  readonly args?: readonly string[];
  /** Extra environment; `undefined` removes a variable (e.g. NO_COLOR). */
  readonly env?: Record<string, string | undefined>;
  /** Reuse a state folder (to test persisted history); a fresh one by default. */
  readonly stateHome?: string;
  readonly cwd?: string;
  /** A shell command run in the terminal before newind starts (`seq 1 50`: scrollback to keep). */
  readonly before?: string;
}

function cleanEnvironment(extra: Record<string, string | undefined>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined) continue;
    if (key === "CI" || key === "CONTINUOUS_INTEGRATION" || key.startsWith("CI_") || key === "TMUX") continue;
    if (key === "FORCE_COLOR" || key === "NO_COLOR" || key.startsWith("NEWIND_")) continue;
    env[key] = value;
  }
  const merged: Record<string, string | undefined> = {
    ...env,
    TERM: "xterm-256color",
    NO_COLOR: "1",
    LANG: "C.UTF-8",
    ...extra,
  };
  return Object.fromEntries(
    Object.entries(merged).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

/** A running `newind` in a pseudo-terminal. */
export class PtySession {
  readonly terminal: Terminal;
  readonly stateHome: string;
  readonly cwd: string;
  /** Everything the program wrote, raw. */
  output = "";
  private readonly process: IPty;
  private readonly exited: Promise<number>;
  private exitCode: number | undefined;

  private constructor(pty: NodePty, options: PtyOptions) {
    const cols = options.cols ?? 80;
    const rows = options.rows ?? 30;
    this.stateHome = options.stateHome ?? mkdtempSync(join(tmpdir(), "newind-e2e-state-"));
    this.cwd = options.cwd ?? mkdtempSync(join(tmpdir(), "newind-e2e-cwd-"));
    this.terminal = new headless.Terminal({ cols, rows, allowProposedApi: true, scrollback: 5000 });
    const env = cleanEnvironment({
      XDG_STATE_HOME: this.stateHome,
      XDG_CACHE_HOME: join(this.stateHome, "cache"),
      ...options.env,
    });
    // node-pty sets TERM from `name`. With `before`, a shell runs it, then becomes newind.
    const [file, args] = options.before
      ? [
          "/bin/sh",
          ["-c", `${options.before}; exec "$0" "$@"`, process.execPath, BIN, ...(options.args ?? [])],
        ]
      : [process.execPath, [BIN, ...(options.args ?? [])]];
    this.process = pty.spawn(file, args, {
      name: env.TERM ?? "xterm-256color",
      cols,
      rows,
      cwd: this.cwd,
      env,
    });
    this.process.onData((data) => {
      this.output += data;
      this.terminal.write(data);
    });
    this.exited = new Promise((resolve) => {
      this.process.onExit(({ exitCode }) => {
        this.exitCode = exitCode;
        resolve(exitCode);
      });
    });
  }

  /** Starts the binary. */
  static start(pty: NodePty, options: PtyOptions = {}): PtySession {
    return new PtySession(pty, options);
  }

  /** Types (or pastes, when `data` is long) into the terminal in one write. */
  write(data: string): void {
    this.process.write(data);
  }

  /** Resizes the pseudo-terminal and the screen model. */
  resize(cols: number, rows: number): void {
    this.process.resize(cols, rows);
    this.terminal.resize(cols, rows);
  }

  /** The whole buffer (scrollback and screen) as text, trailing spaces trimmed. */
  text(): string {
    const buffer = this.terminal.buffer.active;
    const lines: string[] = [];
    for (let row = 0; row < buffer.length; row++) {
      lines.push(buffer.getLine(row)?.translateToString(true) ?? "");
    }
    return lines.join("\n").replace(/\n+$/, "");
  }

  /**
   * The whole buffer with the terminal's own soft wraps undone: each logical line whole,
   * as a person copying it would get it.
   */
  logicalText(): string {
    const buffer = this.terminal.buffer.active;
    let out = "";
    for (let row = 0; row < buffer.length; row++) {
      const line = buffer.getLine(row);
      if (row > 0 && !line?.isWrapped) out += "\n";
      out += line?.translateToString(!buffer.getLine(row + 1)?.isWrapped) ?? "";
    }
    return out.replace(/\n+$/, "");
  }

  /** The visible screen only. */
  screen(): string {
    const buffer = this.terminal.buffer.active;
    const lines: string[] = [];
    for (let row = 0; row < this.terminal.rows; row++) {
      lines.push(buffer.getLine(buffer.viewportY + row)?.translateToString(true) ?? "");
    }
    return lines.join("\n");
  }

  /** Where the terminal's cursor is on the screen. */
  cursor(): { x: number; y: number } {
    const buffer = this.terminal.buffer.active;
    return { x: buffer.cursorX, y: buffer.cursorY };
  }

  /** Waits (polling the screen) until `check` holds; throws with the screen after `timeoutMs`. */
  async waitFor(check: (text: string) => boolean, what: string, timeoutMs = 15_000): Promise<void> {
    const started = Date.now();
    for (;;) {
      // xterm parses asynchronously: flush it before reading.
      await new Promise<void>((resolve) => this.terminal.write("", resolve));
      if (check(this.text())) return;
      if (this.exitCode !== undefined)
        throw new Error(`exited (${this.exitCode}) before ${what}:\n${this.text()}`);
      if (Date.now() - started > timeoutMs)
        throw new Error(`timed out waiting for ${what}; screen:\n${this.text()}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Waits until the buffer contains `text` (a string or a pattern). */
  waitForText(text: string | RegExp, timeoutMs?: number): Promise<void> {
    const check = (screen: string) => (typeof text === "string" ? screen.includes(text) : text.test(screen));
    return this.waitFor(check, JSON.stringify(String(text)), timeoutMs);
  }

  /** Waits until the buffer holds `phrase`, however the terminal or the chat broke its lines. */
  waitForPhrase(phrase: string, timeoutMs?: number): Promise<void> {
    const wanted = phrase.replace(/\s+/g, " ");
    return this.waitFor(
      (text) => text.replace(/\s+/g, " ").includes(wanted),
      JSON.stringify(phrase),
      timeoutMs,
    );
  }

  /**
   * Waits until `question` has been echoed `times` times and no answer is pending (the
   * chat's "looking through the sources" line is gone): an answer, cited or not, is drawn.
   */
  waitForAnswer(question: string, times = 1, timeoutMs?: number): Promise<void> {
    const echo = `› ${question}`;
    return this.waitFor(
      (text) => {
        const pieces = text.split(echo);
        if (pieces.length - 1 < times || text.includes("looking through the sources")) return false;
        // The echo, not the input line still holding the typed question: an answer (at least
        // a line, a blank line, then the prompt and the hint bar) follows it.
        return (pieces[times] ?? "").split("\n").length >= 4;
      },
      `the answer to ${JSON.stringify(question)}`,
      timeoutMs,
    );
  }

  /** Waits for the process to exit; kills it after `timeoutMs`. */
  async exit(timeoutMs = 10_000): Promise<number> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<number>((_, reject) => {
      timer = setTimeout(() => {
        this.process.kill();
        reject(new Error(`did not exit within ${timeoutMs} ms; screen:\n${this.text()}`));
      }, timeoutMs);
    });
    try {
      return await Promise.race([this.exited, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Sends a signal to the process. */
  kill(signal: string): void {
    this.process.kill(signal);
  }

  /** Kills the process if it is still running. */
  dispose(): void {
    if (this.exitCode === undefined) this.process.kill();
    this.terminal.dispose();
  }
}

/**
 * A `start` for one test file's sessions: each session is disposed after its test. Throws
 * when node-pty is missing (the tests calling it are skipped then).
 */
export function ptySessions(pty: NodePty | undefined): (options?: PtyOptions) => PtySession {
  const sessions: PtySession[] = [];
  afterEach(() => {
    for (const session of sessions.splice(0)) session.dispose();
  });
  return (options = {}) => {
    if (!pty) throw new Error("node-pty is not available");
    const session = PtySession.start(pty, options);
    sessions.push(session);
    return session;
  };
}

/**
 * When node-pty is missing: on CI, a failing test (the pseudo-terminal tests must run
 * there); elsewhere a skipped one naming the reason (the line {@link nodePtyOrSkip} printed says it too).
 */
export function requirePtyOnCi(name: string, pty: NodePty | undefined): void {
  describe.skipIf(!!pty)(`${name} (node-pty missing)`, () => {
    const loaded = loadNodePty();
    const reason = "reason" in loaded ? loaded.reason : "";
    // A developer's machine may lack the headers node-pty compiles against; CI must not.
    if (process.env.CI) {
      it("has node-pty on CI", () => {
        throw new Error(`the pseudo-terminal tests cannot run on CI: ${reason}`);
      });
    } else {
      it.skip(`needs node-pty: ${reason}`, () => {});
    }
  });
}
