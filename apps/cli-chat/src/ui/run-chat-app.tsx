import type { Corpus } from "@newind/core";
import type { SearchIndex } from "@newind/search";
import { render } from "ink";
import { createChatBackend } from "../chat/backend.js";
import type { Entry } from "../chat/entries.js";
import { HistoryStore } from "../chat/history-store.js";
import { ChatSession } from "../chat/session.js";
import { ChatApp } from "./components/ChatApp.js";

/** What the interactive chat needs from the command line. */
export interface RunChatOptions {
  /** The corpus, or its promise: the first frame is drawn without waiting for it. */
  readonly corpus: Corpus | Promise<Corpus>;
  readonly stdin: NodeJS.ReadStream;
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
  readonly env: NodeJS.ProcessEnv;
  readonly color: boolean;
  readonly plain: boolean;
  readonly cwd: string;
  readonly loadIndex: () => Promise<SearchIndex>;
  /** The corpus of /trend, /kwic and /compare (see `ChatSession`). */
  readonly loadAnalyticsCorpus?: () => Promise<Corpus>;
}

const BRACKETED_PASTE_ON = "\u001b[?2004h";
const BRACKETED_PASTE_OFF = "\u001b[?2004l";

/**
 * Runs the Ink chat until the user leaves; resolves with the exit code (0). The terminal is
 * put back however the process ends: raw mode off, cursor shown, bracketed paste off.
 */
export async function runChatApp(options: RunChatOptions): Promise<number> {
  const { stdout, env } = options;
  const store = HistoryStore.forEnvironment(env);
  const loaded = store.load();
  const notices: Entry[] = [];
  if (loaded.setAside) {
    notices.push({
      kind: "notice",
      tone: "error",
      text: `The history file could not be read; it was kept as ${loaded.setAside} and a new one started.`,
    });
  }
  if (loaded.problem) notices.push({ kind: "notice", tone: "error", text: loaded.problem });
  // The prompt is drawn first; the corpus, then the index, load behind it.
  let failure: unknown;
  let closed = false;
  const session = Promise.resolve(options.corpus).then((corpus) => {
    const backend = new Promise<Awaited<ReturnType<typeof createChatBackend>>>((resolve, reject) => {
      // Someone who left before the index was needed should not wait for it to load.
      setImmediate(() => {
        if (!closed) createChatBackend(corpus, options.loadIndex, env).then(resolve, reject);
      });
    });
    return new ChatSession({
      corpus,
      backend,
      cwd: options.cwd,
      env,
      ...(options.loadAnalyticsCorpus && { loadAnalyticsCorpus: options.loadAnalyticsCorpus }),
    });
  });
  session.catch((error: unknown) => {
    failure = error;
    instance.unmount();
  });

  let restored = false;
  const restore = () => {
    if (restored) return;
    restored = true;
    if (options.stdin.isTTY) options.stdin.setRawMode(false);
    stdout.write(`${BRACKETED_PASTE_OFF}\u001b[?25h`);
  };
  const onSignal = (signal: NodeJS.Signals) => {
    instance.unmount();
    restore();
    process.exit(signal === "SIGINT" ? 130 : signal === "SIGHUP" ? 129 : 143);
  };
  // Raw mode before the first frame: keys typed as the header appears are kept for the input
  // line instead of being echoed by the terminal onto the screen.
  if (options.stdin.isTTY) options.stdin.setRawMode(true);
  stdout.write(BRACKETED_PASTE_ON);
  process.on("exit", restore);
  process.once("SIGTERM", onSignal);
  process.once("SIGHUP", onSignal);
  process.once("SIGINT", onSignal);

  const instance = render(
    <ChatApp
      session={session}
      color={options.color}
      plain={options.plain}
      history={loaded.entries}
      historyStore={store}
      notices={notices}
      env={env}
    />,
    {
      stdin: options.stdin,
      stdout,
      stderr: options.stderr,
      exitOnCtrlC: false,
      // Not Ink's incrementalRendering: in ink 6.8.0 it moves up one row too few before
      // redrawing (after a frame that ends in a newline, i.e. any frame shorter than the
      // screen), so each frame lands a row lower and old rows stay behind — reproduced with a
      // two-line <Text> app in a pty, with or without a cursor. Flicker is avoided anyway:
      // finished entries are <Static> (written once), the live area is two or three rows, and
      // Ink wraps each frame in synchronized-output markers.
      incrementalRendering: false,
      maxFps: 60,
    },
  );
  try {
    await instance.waitUntilExit();
    if (failure !== undefined) throw failure;
  } finally {
    closed = true;
    restore();
    process.off("exit", restore);
    process.off("SIGTERM", onSignal);
    process.off("SIGHUP", onSignal);
    process.off("SIGINT", onSignal);
  }
  return 0;
}
