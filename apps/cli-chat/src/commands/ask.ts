import { createInterface } from "node:readline";
import type { Bot } from "@newind/bot";
import type { Answer, Citation, Corpus, Evidence } from "@newind/core";
import { stripControl, toSingleLine } from "@newind/core/text";
import type { CommandContext } from "../context.js";
import { documentLabel } from "../document-label.js";
import { ExitCode } from "../errors.js";
import { commandIndexOptions, loadSearchIndex } from "../index-cache.js";

const EXAMPLE = 'newind ask "When was New Industrialization first proposed?"';

/** One line of `newind ask --jsonl` output for an answered input line. */
interface JsonLineAnswer {
  id?: string | number;
  question: string;
  answer: string;
  abstained: boolean;
  intent: Answer["intent"];
  citations: Array<Pick<Citation, "n" | "docId" | "paragraph" | "start" | "end" | "quote">>;
}

async function createAskBot(context: CommandContext, corpus: Corpus): Promise<Bot> {
  const { createBot } = await import("@newind/bot");
  // The prebuilt index for the built-in corpus; folder corpora use the cached index.
  const index = await loadSearchIndex(corpus, commandIndexOptions(context));
  return createBot({ corpus, index });
}

/**
 * `newind ask "question" [--json]` prints one answer whose claims carry [n], then the
 * numbered sources (or, when the sources don't answer, the closest passages); `--json`
 * prints the `Answer`. `newind ask --jsonl` reads JSON lines `{"id"?, "question",
 * "turns"?}` from stdin and writes one JSON line per input; a bad line gives
 * `{"id"?, "line": N, "error": "..."}` and the rest still run.
 */
export async function run(context: CommandContext): Promise<number> {
  if (context.options.jsonl) return runJsonLines(context);
  const { normalizeQuestion, MAX_QUESTION_LENGTH } = await import("@newind/bot");
  const question = normalizeQuestion(context.options.positionals.join(" "));
  if (!/[\p{L}\p{N}]/u.test(question.text)) {
    context.stderr.write(`newind: ask needs a question to answer, for example:\n  ${EXAMPLE}\n`);
    return ExitCode.usage;
  }
  if (question.truncated) {
    context.stderr.write(
      `newind: the question was longer than ${MAX_QUESTION_LENGTH} characters; only the start was read.\n`,
    );
  }
  const corpus = await context.loadCorpus();
  const bot = await createAskBot(context, corpus);
  const answer = await bot.ask(question.text);
  if (context.options.json) {
    context.stdout.write(`${JSON.stringify(answer)}\n`);
    return ExitCode.ok;
  }
  context.stdout.write(formatAnswer(answer, corpus.documents.length > 1 ? documentLabel(corpus) : undefined));
  return ExitCode.ok;
}

/**
 * The answer as a person reads it: text, then numbered sources (or the closest passages).
 * With `labelOf` (several documents loaded) each source names its document's title.
 */
export function formatAnswer(answer: Answer, labelOf?: (docId: string) => string): string {
  const lines = [stripControl(answer.answer), ""];
  const where = (evidence: Evidence) =>
    labelOf ? `${labelOf(evidence.docId)} ¶${evidence.paragraph}` : `¶${evidence.paragraph}`;
  if (answer.citations.length > 0) {
    lines.push("Sources:");
    for (const citation of answer.citations) {
      lines.push(`[${citation.n}] ${where(citation)} “${toSingleLine(citation.quote)}”`);
    }
  } else if (answer.related && answer.related.length > 0) {
    lines.push("Closest passages:");
    answer.related.forEach((evidence, i) => {
      lines.push(`${i + 1}. ${where(evidence)} “${toSingleLine(evidence.quote)}”`);
    });
  }
  return `${lines.join("\n").trimEnd()}\n`;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function runJsonLines(context: CommandContext): Promise<number> {
  const { normalizeQuestion, MAX_QUESTION_LENGTH } = await import("@newind/bot");
  let bot: Bot | undefined;
  const lines = createInterface({ input: context.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  let lineNumber = 0;
  const write = (value: object) => context.stdout.write(`${JSON.stringify(value)}\n`);
  for await (const line of lines) {
    lineNumber++;
    if (line.trim().length === 0) continue;
    let id: string | number | undefined;
    try {
      const input: unknown = JSON.parse(line);
      if (input === null || typeof input !== "object" || Array.isArray(input)) {
        throw new Error('each line must be a JSON object like {"id": "q1", "question": "..."}');
      }
      const record = input as Record<string, unknown>;
      if (typeof record.id === "string" || typeof record.id === "number") id = record.id;
      if (typeof record.question !== "string") throw new Error('"question" must be a string');
      const question = normalizeQuestion(record.question);
      if (question.truncated) {
        context.stderr.write(
          `newind: line ${lineNumber}: the question was longer than ${MAX_QUESTION_LENGTH} characters; only the start was read.\n`,
        );
      }
      if (!/[\p{L}\p{N}]/u.test(question.text)) throw new Error('"question" is empty');
      const turns = record.turns;
      if (turns !== undefined && (!Array.isArray(turns) || turns.some((turn) => typeof turn !== "string"))) {
        throw new Error('"turns" must be an array of strings');
      }
      bot ??= await createAskBot(context, await context.loadCorpus());
      const answer = await bot.ask(question.text, { history: (turns as string[] | undefined) ?? [] });
      const out: JsonLineAnswer = {
        ...(id === undefined ? {} : { id }),
        question: answer.question,
        answer: answer.answer,
        abstained: answer.abstained,
        intent: answer.intent,
        citations: answer.citations.map(({ n, docId, paragraph, start, end, quote }) => ({
          n,
          docId,
          paragraph,
          start,
          end,
          quote,
        })),
      };
      write(out);
    } catch (error) {
      write({ ...(id === undefined ? {} : { id }), line: lineNumber, error: toSingleLine(describe(error)) });
    }
  }
  return ExitCode.ok;
}
