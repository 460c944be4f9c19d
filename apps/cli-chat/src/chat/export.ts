import { statSync, writeFileSync } from "node:fs";
import { dirname, extname, join, resolve } from "node:path";
import type { Answer, Corpus, Evidence } from "@newind/core";
import { escapeControl, stripControl, toSingleLine } from "@newind/core/text";
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
    const where = (evidence: Evidence) => {
      const document = corpus.documents.find((doc) => doc.id === evidence.docId);
      const title = toSingleLine(document?.title ?? evidence.docId);
      return `${document?.url ? `[${title}](${document.url})` : title}, ¶${evidence.paragraph} (characters ${evidence.start}–${evidence.end})`;
    };
    if (turn.answer.citations.length > 0) {
      out.push("**Sources**", "");
      for (const citation of turn.answer.citations) {
        out.push(`${citation.n}. ${where(citation)}`, `   > ${toSingleLine(citation.quote)}`, "");
      }
    }
    // What the screen shows when the sources don't answer: the passages that came closest.
    const related = turn.answer.related ?? [];
    if (turn.answer.citations.length === 0 && related.length > 0) {
      out.push("**Closest passages**", "");
      related.forEach((evidence, i) => {
        out.push(`${i + 1}. ${where(evidence)}`, `   > ${toSingleLine(evidence.quote)}`, "");
      });
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

/** Why `/export` wrote nothing, in a sentence for the transcript. */
export class ExportError extends Error {
  override name = "ExportError";
}

/**
 * Writes the conversation to `file` (relative to `cwd`, `~/` meaning `home`; a timestamped
 * `.md` name when omitted). `.json` writes JSON; anything else Markdown. An existing file
 * is never overwritten, and a missing folder is not created: both are an
 * {@link ExportError} saying so, as is any other reason the file cannot be written.
 * Returns the absolute path.
 */
export function exportConversation(
  turns: readonly Turn[],
  corpus: Corpus,
  options: { file?: string; cwd: string; now: Date; home: string },
): string {
  let file = options.file?.trim() || defaultExportName(options.now);
  if (file === "~" || file.startsWith("~/")) file = join(options.home, file.slice(2));
  const extension = extname(file).toLowerCase();
  if (![".md", ".markdown", ".json", ".txt"].includes(extension)) file += ".md";
  const path = resolve(options.cwd, file);
  const shown = escapeControl(path);
  const folder = dirname(path);
  const folderInfo = statSync(folder, { throwIfNoEntry: false });
  if (!folderInfo)
    throw new ExportError(`Nothing exported: the folder ${escapeControl(folder)} does not exist.`);
  if (!folderInfo.isDirectory())
    throw new ExportError(`Nothing exported: ${escapeControl(folder)} is not a folder.`);
  const text =
    extname(path).toLowerCase() === ".json"
      ? conversationJson(turns, corpus, options.now)
      : conversationMarkdown(turns, corpus, options.now);
  try {
    // "wx": never overwrite a file, even one that appeared a moment ago.
    writeFileSync(path, text, { encoding: "utf8", flag: "wx" });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") {
      throw new ExportError(
        `Nothing exported: ${shown} already exists. Give another name, e.g. /export ${exportAlternative(file)}`,
      );
    }
    const why =
      code === "EACCES" || code === "EPERM"
        ? "permission denied"
        : code === "EISDIR"
          ? "it is a folder"
          : code === "ENOSPC"
            ? "no space left on the device"
            : escapeControl((error as Error).message.replace(/\s+/g, " "));
    throw new ExportError(`Nothing exported: cannot write ${shown} (${why}).`);
  }
  return path;
}

/** "notes.md" → "notes-2.md": a name to suggest when the one given is taken. */
function exportAlternative(file: string): string {
  const extension = extname(file);
  const stem = file.slice(0, file.length - extension.length);
  return escapeControl(`${stem}-2${extension}`);
}
