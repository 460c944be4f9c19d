import { createInterface, type Interface } from "node:readline";
import type { Corpus } from "@newind/core";
import type { SearchIndex } from "@newind/search";
import { type ChatBackend, createChatBackend } from "./backend.js";
import type { Entry, ViewContext } from "./entries.js";
import { appendToStore, HistoryStore, type LoadedHistory, unsavedHistoryNotice } from "./history-store.js";
import { supportsHyperlinks } from "./hyperlinks.js";
import { osc52 } from "./osc52.js";
import { ChatSession } from "./session.js";
import { clearScreenKeepingScrollback, renderPlain } from "./styled-text.js";
import { renderEntry } from "./views/render-entry.js";

/** Streams and settings of the line-mode chat. */
export interface LineChatOptions {
  readonly corpus: Corpus;
  readonly input: NodeJS.ReadableStream;
  readonly output: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  readonly env: NodeJS.ProcessEnv;
  readonly color: boolean;
  readonly plain: boolean;
  /** A person is typing at a terminal (`--plain` in a TTY): show a prompt, keep a history. */
  readonly interactive: boolean;
  readonly cwd: string;
  readonly loadIndex: () => Promise<SearchIndex>;
  /** The corpus of /trend, /kwic and /compare (see {@link ChatSession}). */
  readonly loadAnalyticsCorpus?: () => Promise<Corpus>;
  /** Replaces the bot and index (tests). */
  readonly backend?: ChatBackend;
}

/** The width to lay plain output out at: the terminal's, or 80 when piped. */
export function outputWidth(output: { isTTY?: boolean; columns?: number }): number {
  return output.isTTY && output.columns ? Math.min(output.columns, 120) : 80;
}

/**
 * The chat without Ink: each input line is a question (or a /command) and its answer is
 * written as plain text. Used when stdin or stdout is not a terminal (`echo q | newind`), and
 * with `--plain` in a terminal, where node's readline gives line editing and history and a
 * screen reader only ever hears new lines, never redraws.
 */
export async function runLineChat(options: LineChatOptions): Promise<number> {
  const { output, corpus } = options;
  const session = new ChatSession({
    corpus,
    backend: options.backend ?? createChatBackend(corpus, options.loadIndex, options.env),
    cwd: options.cwd,
    ...(options.loadAnalyticsCorpus && { loadAnalyticsCorpus: options.loadAnalyticsCorpus }),
    env: options.env,
  });
  const context = (): ViewContext => ({
    width: outputWidth(output),
    corpus,
    color: options.color,
    plain: options.plain,
  });
  const hyperlinks = supportsHyperlinks(options.env, output);
  const print = (entries: readonly Entry[]) => {
    for (const entry of entries)
      output.write(renderPlain(renderEntry(entry, context()), { color: options.color, hyperlinks }));
  };

  const store = options.interactive ? HistoryStore.forEnvironment(options.env) : undefined;
  const loaded = store?.load();
  let history = loaded?.entries ?? [];
  const lines = openLines(options, history);
  if (options.interactive) startPrompt(lines, output, print, loaded);

  let toldUnsaved = false;
  for await (const raw of lines) {
    const text = raw.trim();
    if (text === "") {
      if (options.interactive) lines.prompt();
      continue;
    }
    if (store) {
      history = appendToStore(store, text, history);
      if (store.lastError && !toldUnsaved) {
        toldUnsaved = true;
        print([{ kind: "notice", tone: "error", text: unsavedHistoryNotice(store) }]);
      }
    } else {
      print([{ kind: "input", text }]);
    }
    const outcome = await session.handle(text);
    print(outcome.entries);
    let quit = false;
    for (const effect of outcome.effects) {
      if (effect.type === "quit") quit = true;
      else if (effect.type === "copy" && output.isTTY) output.write(osc52(effect.text, options.env));
      else if (effect.type === "clear" && output.isTTY) {
        output.write(clearScreenKeepingScrollback((output as { rows?: number }).rows ?? 24));
      }
    }
    if (quit) break;
    if (options.interactive) lines.prompt();
  }
  lines.close();
  return 0;
}

/** The lines of input: with the terminal's line editing and the history when interactive. */
function openLines(options: LineChatOptions, history: readonly string[]): Interface {
  const { output } = options;
  return createInterface({
    input: options.input,
    ...(options.interactive && options.env.TERM !== "dumb"
      ? {
          output,
          terminal: true,
          history: [...history].reverse(),
          historySize: 500,
          removeHistoryDuplicates: true,
        }
      : // A dumb terminal gets the prompt but no line editing; a pipe gets neither.
        options.interactive
        ? { output, terminal: false }
        : { terminal: false }),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
}

/** The interactive start: the header, what loading the history found, the prompt, and Ctrl+C twice to leave. */
function startPrompt(
  lines: Interface,
  output: NodeJS.WritableStream,
  print: (entries: readonly Entry[]) => void,
  loaded: LoadedHistory | undefined,
): void {
  print([{ kind: "header" }]);
  if (loaded?.setAside) {
    print([
      {
        kind: "notice",
        tone: "error",
        text: `The history file could not be read; it was kept as ${loaded.setAside}.`,
      },
    ]);
  }
  if (loaded?.problem) print([{ kind: "notice", tone: "error", text: loaded.problem }]);
  lines.setPrompt("› ");
  let armed = false;
  lines.on("SIGINT", () => {
    if (lines.line === "" && armed) {
      lines.close();
      return;
    }
    armed = true;
    lines.write(null, { ctrl: true, name: "u" });
    output.write("\n(Ctrl+C again or Ctrl+D to leave)\n");
    lines.prompt();
  });
  lines.on("line", () => {
    armed = false;
  });
  lines.prompt();
}
