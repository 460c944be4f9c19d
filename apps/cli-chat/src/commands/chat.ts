import { PassThrough } from "node:stream";
import type { CommandContext } from "../context.js";
import { commandIndexOptions, loadSearchIndex } from "../index-cache.js";
import { createCorpusLoader } from "../load-corpus.js";

/**
 * `newind` / `newind chat`: the Ink chat when stdin and stdout are both terminals (loaded
 * only then, so piped use never pays for React); otherwise — or with `--plain` — a line
 * mode that answers each input line in plain text (also when TERM=dumb).
 */
export async function run(context: CommandContext): Promise<number> {
  const { stdin, stdout, options } = context;
  const terminal = Boolean(stdin.isTTY && stdout.isTTY);
  const loadIndex = async () => loadSearchIndex(await context.loadCorpus(), commandIndexOptions(context));
  // /trend, /kwic and /compare read the primary collection plus the same folders, loaded
  // when first asked for; the folders' warnings were already printed with the chat's corpus.
  const loadAnalyticsCorpus = createCorpusLoader(
    { ...options, includeDefaultCorpus: true, defaultCorpus: "primary" },
    new PassThrough(),
    context.env,
  );
  // A dumb terminal (Emacs shell-mode, some CI consoles) cannot take cursor movement.
  const dumb = context.env.TERM === "dumb";
  if (terminal && !options.plain && !dumb) {
    // The user's own folders may print warnings: let them finish before Ink owns the screen.
    // Otherwise the corpus starts loading only once the UI code is in, so the first frame
    // (drawn synchronously by runChatApp) does not share the CPU with parsing the corpus.
    if (options.corpusDirs.length > 0) await context.loadCorpus();
    const { runChatApp } = await loadChatApp();
    return runChatApp({
      corpus: context.loadCorpus(),
      stdin: stdin as NodeJS.ReadStream,
      stdout: stdout as NodeJS.WriteStream,
      stderr: context.stderr as NodeJS.WriteStream,
      env: context.env,
      color: context.color,
      plain: options.plain,
      cwd: process.cwd(),
      loadIndex,
      loadAnalyticsCorpus,
    });
  }
  const [{ runLineChat }, corpus] = await Promise.all([import("../chat/line-chat.js"), context.loadCorpus()]);
  return runLineChat({
    corpus,
    input: stdin,
    output: stdout,
    env: context.env,
    color: context.color,
    plain: options.plain,
    interactive: terminal,
    cwd: process.cwd(),
    loadIndex,
    loadAnalyticsCorpus,
  });
}

type ChatAppModule = typeof import("../ui/run-chat-app.js");

/**
 * The Ink chat: the build's single-file bundle of it (ink and react included), which loads
 * about three times faster than the modules it is made from; the modules themselves when
 * running from a plain `tsc` build.
 */
async function loadChatApp(): Promise<ChatAppModule> {
  const bundle = new URL("../ui/chat-app.bundle.js", import.meta.url);
  try {
    return (await import(bundle.href)) as ChatAppModule;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ERR_MODULE_NOT_FOUND") throw error;
    return import("../ui/run-chat-app.js");
  }
}
