import { type Corpus, escapeControl, type SourceDocument, toSingleLine } from "@newind/core/text";
import type { CommandContext } from "../context.js";
import { ExitCode, UsageError } from "../errors.js";

/** One document as `newind sources --json` prints it; `text` is what citation offsets index. */
export interface SourceListing {
  id: string;
  title: string;
  authors: SourceDocument["authors"];
  publisher: string | null;
  url: string | null;
  path?: string;
  /** When the document was published ("2023-09-01", "2023"), when known. */
  published?: string;
  /** `text.length`: UTF-16 code units, the unit of every citation offset. */
  chars: number;
  sha256: string;
  text: string;
}

/** The `--json` output of `newind sources`. */
export function listSources(corpus: Corpus): { documents: SourceListing[] } {
  return {
    documents: corpus.documents.map((document) => {
      const listing: SourceListing = {
        id: document.id,
        title: document.title,
        authors: document.authors,
        publisher: document.publisher ?? null,
        url: document.url ?? null,
        chars: document.text.length,
        sha256: document.sha256,
        text: document.text,
      };
      if (document.path !== undefined) listing.path = document.path;
      if (document.published !== undefined) listing.published = document.published;
      return listing;
    }),
  };
}

/** The plain-text table of `newind sources`: one row per document, then each document's details. */
export function formatSources(corpus: Corpus): string {
  const passageCounts = new Map<string, number>();
  for (const passage of corpus.passages) {
    passageCounts.set(passage.docId, (passageCounts.get(passage.docId) ?? 0) + 1);
  }
  const count = corpus.documents.length;
  const rows = [
    ["ID", "CHARS", "PASSAGES", "SHA256"],
    ...corpus.documents.map((document) => [
      toSingleLine(document.id),
      document.text.length.toLocaleString("en-US"),
      String(passageCounts.get(document.id) ?? 0),
      `${document.sha256.slice(0, 12)}…`,
    ]),
  ];
  const widths =
    rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? "").length))) ?? [];
  const table = rows.map((row) =>
    row
      .map((cell, column) =>
        column === 1 || column === 2 ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0),
      )
      .join("  ")
      .trimEnd(),
  );
  const details = corpus.documents.map((document) => {
    const lines = [`${toSingleLine(document.id)}`, `  Title:     ${toSingleLine(document.title)}`];
    if (document.authors.length > 0) {
      const authors = document.authors.map((author) =>
        author.role
          ? `${toSingleLine(author.name)} (${toSingleLine(author.role)})`
          : toSingleLine(author.name),
      );
      lines.push(`  Authors:   ${authors.join("; ")}`);
    }
    if (document.publisher) lines.push(`  Publisher: ${toSingleLine(document.publisher)}`);
    if (document.url) lines.push(`  URL:       ${toSingleLine(document.url)}`);
    if (document.path) lines.push(`  Path:      ${toSingleLine(document.path)}`);
    lines.push(`  SHA-256:   ${document.sha256}`);
    return lines.join("\n");
  });
  return `${count} source document${count === 1 ? "" : "s"}\n\n${table.join("\n")}\n\n${details.join("\n\n")}\n`;
}

/** `newind sources [--json]`: the corpus documents, as a table for people or JSON for programs. */
export async function run(context: CommandContext): Promise<number> {
  if (context.options.positionals.length > 0) {
    const got = escapeControl(context.options.positionals.join(" "));
    throw new UsageError(`sources takes no arguments (got "${got}").`);
  }
  const corpus = await context.loadCorpus();
  const output = context.options.json ? `${JSON.stringify(listSources(corpus))}\n` : formatSources(corpus);
  context.stdout.write(output);
  return ExitCode.ok;
}
