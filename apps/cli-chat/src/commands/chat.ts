import type { CommandContext } from "../context.js";
import { commandIndexOptions, loadSearchIndex } from "../index-cache.js";

/**
 * `newind` / `newind chat`: the Ink chat when stdin and stdout are both terminals (loaded
 * only then, so piped use never pays for React); otherwise — or with `--plain` — a line
 * mode that answers each input line in plain text.
 */
export async function run(context: CommandContext): Promise<number> {
  const { stdin, stdout, options } = context;
  const terminal = Boolean(stdin.isTTY && stdout.isTTY);
  const loadIndex = async () => loadSearchIndex(await context.loadCorpus(), commandIndexOptions(context));
  if (terminal && !options.plain) {
    const [{ runChatApp }, corpus] = await Promise.all([
      import("../ui/run-chat-app.js"),
      context.loadCorpus(),
    ]);
    return runChatApp({
      corpus,
      stdin: stdin as NodeJS.ReadStream,
      stdout: stdout as NodeJS.WriteStream,
      stderr: context.stderr as NodeJS.WriteStream,
      env: context.env,
      color: context.color,
      plain: options.plain,
      cwd: process.cwd(),
      loadIndex,
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
  });
}
