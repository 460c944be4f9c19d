import { homedir } from "node:os";
import type { Answer, Corpus } from "@newind/core";
import { toSingleLine } from "@newind/core/text";
import { type ChatBackend, MAX_HISTORY_TURNS } from "./backend.js";
import { copyNotice, loadTmuxBuffer, type TmuxBufferLoader } from "./clipboard.js";
import type { Entry } from "./entries.js";
import { answerWithReferences, ExportError, exportConversation, type Turn } from "./export.js";
import { termsOf } from "./highlight.js";
import { closestCommand, parseSlash, SLASH_COMMANDS } from "./slash-commands.js";

/** Something the user interface must do besides showing entries. */
export type Effect =
  | { readonly type: "quit" }
  | { readonly type: "clear" }
  | { readonly type: "copy"; readonly text: string };

/** What one submitted line produced. */
export interface Outcome {
  readonly entries: readonly Entry[];
  readonly effects: readonly Effect[];
}

/** How a {@link ChatSession} reaches the answering packages and the file system. */
export interface SessionOptions {
  readonly corpus: Corpus;
  /** The backend, or a promise of it (the index may still be building). */
  readonly backend: ChatBackend | Promise<ChatBackend>;
  /** Where `/export` writes a relative or default file name. */
  readonly cwd: string;
  /**
   * The corpus of `/trend`, `/kwic` and `/compare` — the primary collection plus the user's
   * folders — loaded on first use; without it those commands say they are not available.
   */
  readonly loadAnalyticsCorpus?: () => Promise<Corpus>;
  readonly now?: () => Date;
  /** Where `~` in an `/export` path points; default the user's home folder. */
  readonly home?: string;
  /** The environment (`TMUX` decides how `/copy` copies); default `process.env`. */
  readonly env?: NodeJS.ProcessEnv;
  /** Sets tmux's paste buffer (tests pass a fake); default `tmux load-buffer`. */
  readonly loadTmuxBuffer?: TmuxBufferLoader;
}

const SEARCH_LIMIT = 5;
const KWIC_LIMIT = 20;

/**
 * The conversation, independent of any terminal: turns each submitted line (a question or a
 * slash command) into transcript entries and effects. The Ink app and the plain line mode
 * both drive it.
 */
export class ChatSession {
  readonly corpus: Corpus;
  private readonly backend: Promise<ChatBackend>;
  private readonly cwd: string;
  private readonly now: () => Date;
  private readonly loadAnalyticsCorpus: (() => Promise<Corpus>) | undefined;
  private readonly home: string;
  private readonly env: NodeJS.ProcessEnv;
  private readonly loadTmuxBuffer: TmuxBufferLoader;
  private turns: { question: string; answer: Answer; terms: string[] }[] = [];

  constructor(options: SessionOptions) {
    this.corpus = options.corpus;
    this.backend = Promise.resolve(options.backend);
    // A rejected backend is reported when a question needs it, not as an unhandled rejection.
    this.backend.catch(() => undefined);
    this.cwd = options.cwd;
    this.now = options.now ?? (() => new Date());
    this.loadAnalyticsCorpus = options.loadAnalyticsCorpus;
    this.home = options.home ?? homedir();
    this.env = options.env ?? process.env;
    this.loadTmuxBuffer = options.loadTmuxBuffer ?? loadTmuxBuffer;
  }

  /** The questions and answers so far, oldest first. */
  get conversation(): readonly Turn[] {
    return this.turns;
  }

  /** Handles one submitted line. Never throws: failures become error notices. */
  async handle(text: string): Promise<Outcome> {
    const input = text.trim();
    if (input === "") return { entries: [], effects: [] };
    try {
      const slash = parseSlash(input);
      if (slash && !/^\/\d/.test(input)) return await this.command(slash.word, slash.args);
      return await this.ask(input);
    } catch (error) {
      if (error instanceof ExportError) return notice(error.message, "error");
      return notice(`Something went wrong: ${toSingleLine((error as Error).message)}`, "error");
    }
  }

  private async ask(question: string): Promise<Outcome> {
    const backend = await this.backend;
    // Follow-ups depend on the last few turns only: a long conversation must not slow every answer.
    const answer = await backend.ask(
      question,
      this.turns.slice(-MAX_HISTORY_TURNS).map((turn) => turn.question),
    );
    const terms = termsOf(question);
    this.turns.push({ question, answer, terms });
    return { entries: [{ kind: "answer", answer, terms }], effects: [] };
  }

  private last() {
    return this.turns[this.turns.length - 1];
  }

  private async command(word: string, args: string): Promise<Outcome> {
    const command = SLASH_COMMANDS.find((each) => each.name === word || each.aliases?.includes(word));
    if (!command) {
      const closest = closestCommand(word);
      const hint = closest ? ` Did you mean /${closest.name}?` : " Type /help for the list.";
      return notice(`Unknown command /${toSingleLine(word)}.${hint}`, "error");
    }
    switch (command.name) {
      case "help":
        return entries({ kind: "help" });
      case "metrics":
        return entries({ kind: "metrics" });
      case "timeline":
        return entries({ kind: "timeline" });
      case "trend":
      case "kwic":
      case "compare":
        return this.analytics(command.name, args);
      case "quit":
        return { entries: [], effects: [{ type: "quit" }] };
      case "clear":
        this.turns = [];
        return { entries: [], effects: [{ type: "clear" }] };
      case "search": {
        if (args === "")
          return notice("Usage: /search query — for example /search local protectionism", "error");
        const backend = await this.backend;
        const hits = await backend.search(args, SEARCH_LIMIT);
        return entries({ kind: "search", query: args, hits });
      }
      case "sources": {
        const last = this.last();
        if (!last) return notice("No answer yet — ask a question first.", "error");
        if (last.answer.citations.length === 0) return notice("The last answer has no sources.", "info");
        if (args === "") return entries({ kind: "sources", answer: last.answer, terms: last.terms });
        const n = this.citationNumber(args, last.answer, "sources");
        if (typeof n !== "number") return n;
        return entries({ kind: "sources", answer: last.answer, terms: last.terms, n });
      }
      case "open": {
        const last = this.last();
        if (!last) return notice("No answer yet — ask a question first, then /open 1.", "error");
        if (args === "")
          return notice("Usage: /open n — n is a citation number of the last answer, like /open 1", "error");
        const n = this.citationNumber(args, last.answer, "open");
        if (typeof n !== "number") return n;
        const citation = last.answer.citations.find((each) => each.n === n);
        if (!citation) return notice(`No citation [${n}].`, "error");
        return entries({ kind: "passage", citation, terms: last.terms });
      }
      case "export": {
        if (this.turns.length === 0) return notice("Nothing to export yet — ask a question first.", "error");
        const common = { cwd: this.cwd, now: this.now(), home: this.home };
        const path = exportConversation(
          this.turns,
          this.corpus,
          args === "" ? common : { ...common, file: args },
        );
        const count = this.turns.length;
        return notice(
          `Exported ${count} ${count === 1 ? "answer" : "answers"} with citations to ${path}`,
          "success",
        );
      }
      case "copy": {
        const last = this.last();
        if (!last) return notice("No answer yet — nothing to copy.", "error");
        const text = answerWithReferences(last.answer, this.corpus);
        const references = last.answer.citations.length;
        const summary = `the last answer and its ${references} ${references === 1 ? "reference" : "references"} (${text.length} characters)`;
        const told = copyNotice(summary, this.env, this.loadTmuxBuffer, text);
        return {
          entries: [{ kind: "notice", tone: told.tone, text: told.text }],
          effects: [{ type: "copy", text }],
        };
      }
      default:
        return notice(`/${command.name} is not available here.`, "error");
    }
  }

  /** `/trend`, `/kwic`, `/compare`: the analytics over the primary collection and the user's folders. */
  private async analytics(name: "trend" | "kwic" | "compare", args: string): Promise<Outcome> {
    const usage = {
      trend: "Usage: /trend term… — for example /trend 新型工业化 高质量发展 (quote a term with spaces)",
      kwic: "Usage: /kwic term — for example /kwic 新型工业化",
      compare: "Usage: /compare A B — document ids or years, for example /compare 2003-2015 2016-2023",
    }[name];
    const words = splitArguments(args);
    if (words.length === 0 || (name === "compare" && words.length !== 2)) return notice(usage, "error");
    if (!this.loadAnalyticsCorpus) return notice(`/${name} is not available here.`, "error");
    const [analytics, corpus] = await Promise.all([import("@newind/analytics"), this.loadAnalyticsCorpus()]);
    try {
      switch (name) {
        case "trend":
          return entries({ kind: "trend", trend: analytics.termTrend(corpus, words) });
        case "kwic":
          return entries({
            kind: "kwic",
            concordance: analytics.concordance(corpus, words.join(" "), { limit: KWIC_LIMIT }),
          });
        case "compare":
          return entries({
            kind: "compare",
            keyness: analytics.keyness(corpus, words[0] ?? "", words[1] ?? ""),
          });
      }
    } catch (error) {
      if (error instanceof analytics.AnalyticsInputError)
        return notice(`${error.message}. ${usage}`, "error");
      throw error;
    }
  }

  private citationNumber(args: string, answer: Answer, name: string): number | Outcome {
    const n = Number(args.replace(/^\[|\]$/g, ""));
    const numbers = answer.citations.map((citation) => citation.n);
    if (!Number.isInteger(n) || !numbers.includes(n)) {
      const range = numbers.length === 1 ? "[1]" : `[${Math.min(...numbers)}]–[${Math.max(...numbers)}]`;
      return notice(`/${name} takes a citation number of the last answer: ${range}.`, "error");
    }
    return n;
  }
}

function entries(...list: Entry[]): Outcome {
  return { entries: list, effects: [] };
}

function notice(text: string, tone: "info" | "error" | "success"): Outcome {
  return { entries: [{ kind: "notice", text, tone }], effects: [] };
}

/**
 * Splits a slash command's arguments at spaces, keeping quoted phrases ("new
 * industrialization", “新型工业化”, 'a b') together, without their quotes.
 *
 * @example
 * splitArguments('"new industrialization" 新型工业化'); // ["new industrialization", "新型工业化"]
 */
export function splitArguments(args: string): string[] {
  const words: string[] = [];
  for (const match of args.matchAll(/"([^"]*)"|“([^”]*)”|'([^']*)'|(\S+)/g)) {
    const word = (match[1] ?? match[2] ?? match[3] ?? match[4] ?? "").trim();
    if (word.length > 0) words.push(word);
  }
  return words;
}
