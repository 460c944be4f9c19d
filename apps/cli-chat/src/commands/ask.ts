import type { Bot } from "@newind/bot";
import type { Answer, Citation, Corpus, Evidence } from "@newind/core";
import { stripControl, toSingleLine } from "@newind/core/text";
import { MAX_HISTORY_TURNS } from "../chat/backend.js";
import type { CommandContext } from "../context.js";
import { documentLabel } from "../document-label.js";
import { ExitCode, UsageError } from "../errors.js";
import { commandIndexOptions, loadSearchIndex } from "../index-cache.js";
import { MAX_LINE_BYTES, readLines, writeWithBackpressure } from "./json-lines.js";

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
  const [{ createBot }, { sentenceVectorCache }, { openStore, userCacheDir }] = await Promise.all([
    import("@newind/bot"),
    import("../vector-cache.js"),
    import("@newind/cache"),
  ]);
  // The prebuilt index for the built-in corpus; folder corpora use the cached index.
  const index = await loadSearchIndex(corpus, commandIndexOptions(context));
  // Folder corpora keep their sentence vectors in the same store; the built-in corpus ships its own.
  const semantic = await sentenceVectorCache(corpus, openStore(userCacheDir(context.env)));
  return createBot({ corpus, index, ...(semantic && { semantic }) });
}

/** The most of a piped question read (`echo question | newind ask`); the bot reads 2,000 characters. */
const MAX_STDIN_QUESTION_BYTES = 64 * 1024;

/**
 * `newind ask "question" [--json]` prints one answer whose claims carry [n], then the
 * numbered sources (or, when the sources don't answer, the closest passages): on a terminal
 * wrapped to its width and coloured as in the chat, plain otherwise; `--json` prints the
 * `Answer`. Without a question argument the question is read from stdin when it is not a
 * terminal (`echo "question" | newind ask`). `newind ask --jsonl` reads JSON lines `{"id"?,
 * "question", "turns"?}` from stdin and writes one JSON line per input; a bad line gives
 * `{"id"?, "line": N, "error": "..."}` and the rest still run.
 */
export async function run(context: CommandContext): Promise<number> {
  if (context.options.jsonl) return runJsonLines(context);
  const { normalizeQuestion, MAX_QUESTION_LENGTH } = await import("@newind/bot");
  let raw = context.options.positionals.join(" ");
  if (context.options.positionals.length === 0 && !context.stdin.isTTY) {
    raw = await readQuestion(context.stdin);
  }
  const question = normalizeQuestion(raw);
  if (!/[\p{L}\p{N}]/u.test(question.text)) {
    context.stderr.write(`newind: ask needs a question to answer, for example:\n  ${EXAMPLE}\n`);
    return ExitCode.usage;
  }
  if (question.truncated) {
    context.stderr.write(
      `newind: the question was longer than ${MAX_QUESTION_LENGTH} characters; only its end (where a pasted question usually is) was read.\n`,
    );
  }
  const corpus = await context.loadCorpus();
  const bot = await createAskBot(context, corpus);
  const answer = await bot.ask(question.text);
  if (context.options.json) {
    context.stdout.write(`${JSON.stringify(answer)}\n`);
    return ExitCode.ok;
  }
  if (context.stdout.isTTY) {
    context.stdout.write(await formatAnswerForTerminal(answer, question.text, corpus, context));
    return ExitCode.ok;
  }
  context.stdout.write(formatAnswer(answer, corpus.documents.length > 1 ? documentLabel(corpus) : undefined));
  return ExitCode.ok;
}

/** Reads a piped question: stdin to its end, or its first 64 KiB (the rest is not read). */
async function readQuestion(stdin: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const data of stdin as AsyncIterable<Buffer | string>) {
    const chunk = typeof data === "string" ? Buffer.from(data, "utf8") : data;
    chunks.push(chunk);
    length += chunk.length;
    if (length >= MAX_STDIN_QUESTION_BYTES) break;
  }
  return new TextDecoder().decode(Buffer.concat(chunks, length).subarray(0, MAX_STDIN_QUESTION_BYTES));
}

/** The answer as the chat shows it — wrapped to the terminal, [n] and matched words coloured. */
async function formatAnswerForTerminal(
  answer: Answer,
  question: string,
  corpus: Corpus,
  context: CommandContext,
): Promise<string> {
  const [{ answerView }, { termsOf }, { outputWidth }, { renderPlain }] = await Promise.all([
    import("../chat/views/answer-view.js"),
    import("../chat/highlight.js"),
    import("../chat/line-chat.js"),
    import("../chat/styled-text.js"),
  ]);
  const lines = answerView(answer, termsOf(question), {
    width: outputWidth(context.stdout),
    corpus,
    color: context.color,
    plain: context.options.plain,
  });
  return renderPlain(lines, { color: context.color }).replace(/\n+$/, "\n");
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

/**
 * `ask --jsonl`. The corpus and the bot are loaded before stdin is read, so a corpus that
 * cannot load is one line and exit 1 (a usage mistake exit 2), not an error per input line.
 */
async function runJsonLines(context: CommandContext): Promise<number> {
  if (context.options.positionals.length > 0) {
    throw new UsageError(
      "ask --jsonl reads its questions from stdin, one JSON object a line; give no question argument.",
    );
  }
  const { normalizeQuestion, MAX_QUESTION_LENGTH } = await import("@newind/bot");
  const bot = await createAskBot(context, await context.loadCorpus());
  const write = (value: object) => writeWithBackpressure(context.stdout, `${JSON.stringify(value)}\n`);
  for await (const line of readLines(context.stdin as AsyncIterable<Buffer | string>)) {
    const lineNumber = line.number;
    if (line.tooLong) {
      await write({
        line: lineNumber,
        error: `the line is longer than ${MAX_LINE_BYTES / (1024 * 1024)} MiB (${line.bytes} bytes); skipped`,
      });
      continue;
    }
    if (line.text.trim().length === 0) continue;
    let id: string | number | undefined;
    try {
      const input: unknown = JSON.parse(line.text);
      if (input === null || typeof input !== "object" || Array.isArray(input)) {
        throw new Error('each line must be a JSON object like {"id": "q1", "question": "..."}');
      }
      const record = input as Record<string, unknown>;
      if (typeof record.id === "string") id = record.id;
      else if (typeof record.id === "number") {
        // An id is echoed as it came: one JSON cannot give back exactly (1e400 is Infinity) is refused.
        if (
          !Number.isFinite(record.id) ||
          (Number.isInteger(record.id) && !Number.isSafeInteger(record.id))
        ) {
          throw new Error('"id" is a number too large to give back exactly; use a string id');
        }
        id = record.id;
      }
      if (typeof record.question !== "string") throw new Error('"question" must be a string');
      const question = normalizeQuestion(record.question);
      if (question.truncated) {
        context.stderr.write(
          `newind: line ${lineNumber}: the question was longer than ${MAX_QUESTION_LENGTH} characters; only its end (where a pasted question usually is) was read.\n`,
        );
      }
      if (!/[\p{L}\p{N}]/u.test(question.text)) throw new Error('"question" is empty');
      const turns = record.turns;
      if (turns !== undefined && (!Array.isArray(turns) || turns.some((turn) => typeof turn !== "string"))) {
        throw new Error('"turns" must be an array of strings');
      }
      // Follow-ups depend on the last few turns only: a long history is cut to its end.
      const history = ((turns as string[] | undefined) ?? []).slice(-MAX_HISTORY_TURNS);
      const answer = await bot.ask(question.text, { history });
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
      await write(out);
    } catch (error) {
      await write({
        ...(id === undefined ? {} : { id }),
        line: lineNumber,
        error: toSingleLine(describe(error)),
      });
    }
  }
  return ExitCode.ok;
}
