import { writeFileSync } from "node:fs";
import { extname, resolve } from "node:path";
import type { Answer, Corpus } from "@newind/core";
import { stripControl, toSingleLine } from "@newind/core/text";
import { documentTitle } from "./entries.js";

/** One question and its answer. */
export interface Turn {
  readonly question: string;
  readonly answer: Answer;
}

/** The answer text followed by its numbered references, as plain text (for /copy). */
export function answerWithReferences(answer: Answer, corpus: Corpus): string {
  const lines = [stripControl(answer.answer).trim()];
  if (answer.citations.length > 0) {
    lines.push("", "Sources");
    for (const citation of answer.citations) {
      lines.push(
        `[${citation.n}] ${toSingleLine(documentTitle(corpus, citation.docId))}, ¶${citation.paragraph}: “${toSingleLine(citation.quote)}”`,
      );
    }
  }
  return lines.join("\n");
}

/** The conversation as Markdown: each question, its answer, and its sources with their quotes. */
export function conversationMarkdown(turns: readonly Turn[], corpus: Corpus, exportedAt: Date): string {
  const out = ["# newind conversation", ""];
  // Italic rather than quoted: titles often open with a quotation mark of their own.
  const titles = corpus.documents.map((document) => `*${toSingleLine(document.title)}*`).join(", ");
  out.push(`Exported ${exportedAt.toISOString()} · offline answers from ${titles}`, "");
  turns.forEach((turn, index) => {
    out.push(
      `## ${index + 1}. ${toSingleLine(turn.question)}`,
      "",
      stripControl(turn.answer.answer).trim(),
      "",
    );
    if (turn.answer.citations.length > 0) {
      out.push("**Sources**", "");
      for (const citation of turn.answer.citations) {
        const document = corpus.documents.find((doc) => doc.id === citation.docId);
        const title = toSingleLine(document?.title ?? citation.docId);
        const where = document?.url ? `[${title}](${document.url})` : title;
        out.push(
          `${citation.n}. ${where}, ¶${citation.paragraph} (characters ${citation.start}–${citation.end})`,
          `   > ${toSingleLine(citation.quote)}`,
          "",
        );
      }
    }
  });
  return `${out.join("\n").trimEnd()}\n`;
}

/** The conversation as JSON: every turn's full `Answer`, with the corpus's documents. */
export function conversationJson(turns: readonly Turn[], corpus: Corpus, exportedAt: Date): string {
  const value = {
    exportedAt: exportedAt.toISOString(),
    documents: corpus.documents.map((document) => ({
      id: document.id,
      title: document.title,
      ...(document.url ? { url: document.url } : {}),
    })),
    turns: turns.map((turn) => ({ question: turn.question, answer: turn.answer })),
  };
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** `newind-chat-2026-12-01T09-30-00.md`: a file name that sorts by time and is safe everywhere. */
export function defaultExportName(now: Date, extension = ".md"): string {
  const stamp = now
    .toISOString()
    .replace(/\.\d+Z$/, "")
    .replace(/:/g, "-");
  return `newind-chat-${stamp}${extension}`;
}

/**
 * Writes the conversation to `file` (relative to `cwd`; a timestamped `.md` name when
 * omitted). `.json` writes JSON; anything else Markdown. Returns the absolute path.
 */
export function exportConversation(
  turns: readonly Turn[],
  corpus: Corpus,
  options: { file?: string; cwd: string; now: Date },
): string {
  let file = options.file?.trim() || defaultExportName(options.now);
  const extension = extname(file).toLowerCase();
  if (![".md", ".markdown", ".json", ".txt"].includes(extension)) file += ".md";
  const path = resolve(options.cwd, file);
  const text =
    extname(path).toLowerCase() === ".json"
      ? conversationJson(turns, corpus, options.now)
      : conversationMarkdown(turns, corpus, options.now);
  writeFileSync(path, text, "utf8");
  return path;
}
