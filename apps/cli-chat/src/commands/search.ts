import { stripControl, toSingleLine } from "@newind/core/text";
import { type CitationHit, STOP_WORDS } from "@newind/search";
import type { CommandContext } from "../context.js";
import { documentLabel } from "../document-label.js";
import { ExitCode, UsageError } from "../errors.js";
import { commandIndexOptions, loadSearchIndex } from "../index-cache.js";

const DEFAULT_LIMIT = 5;
const BOLD_YELLOW = "\u001b[1;33m";
const DIM = "\u001b[2m";
const RESET = "\u001b[0m";

/**
 * `newind search "query" [--limit N] [--json]`: ranked citation hits over the corpus.
 * People get numbered quotes with their ¶ and the matched words highlighted; `--json`
 * prints `{query, hits: [{docId, passageId, paragraph, start, end, quote, score,
 * matchedTerms, highlights}]}` where `quote === document.text.slice(start, end)` and
 * `highlights` are absolute `[start, end)` offsets like `start`/`end`.
 */
export async function run(context: CommandContext): Promise<number> {
  // Escape sequences are not part of what anyone meant to search for.
  const query = stripControl(context.options.positionals.join(" "));
  if (!/[\p{L}\p{N}]/u.test(query)) {
    throw new UsageError(
      'search needs a query with at least one word, e.g. newind search "local protectionism".',
    );
  }
  const corpus = await context.loadCorpus();
  const index = await loadSearchIndex(corpus, commandIndexOptions(context));
  const hits = index.searchCitations(query, { limit: context.options.limit ?? DEFAULT_LIMIT });
  if (context.options.json) {
    context.stdout.write(`${JSON.stringify({ query, hits })}\n`);
    return ExitCode.ok;
  }
  const shownQuery = toSingleLine(query).slice(0, 200);
  if (hits.length === 0) {
    context.stdout.write(`No passages match “${shownQuery}”.\n`);
    return ExitCode.ok;
  }
  // Corrections to stop words ("wat" → "what") change nothing searched: not worth a note.
  const corrections = index
    .analyze(query)
    .corrections.filter((correction) => correction.from !== correction.to && !STOP_WORDS.has(correction.to));
  if (corrections.length > 0) {
    const note = corrections.map((correction) => `${correction.from} → ${correction.to}`).join(", ");
    context.stdout.write(`${paint(context.color, DIM, `(spelling: ${toSingleLine(note)})`)}\n`);
  }
  const manyDocuments = new Set(hits.map((hit) => hit.docId)).size > 1 || corpus.documents.length > 1;
  const labelOf = documentLabel(corpus);
  hits.forEach((hit, i) => {
    const where = manyDocuments ? `${labelOf(hit.docId)} ¶${hit.paragraph}` : `¶${hit.paragraph}`;
    context.stdout.write(
      `${i + 1}. ${paint(context.color, DIM, where)}  ${renderQuote(hit, context.color)}\n`,
    );
  });
  return ExitCode.ok;
}

function paint(color: boolean, style: string, text: string): string {
  return color ? `${style}${text}${RESET}` : text;
}

/** The quote on one line, its matched words in bold colour when colour is allowed. */
function renderQuote(hit: CitationHit, color: boolean): string {
  let out = "";
  let at = hit.start;
  for (const span of hit.highlights) {
    if (span.start < at || span.end > hit.end) continue;
    out += clean(hit.quote.slice(at - hit.start, span.start - hit.start));
    const word = clean(hit.quote.slice(span.start - hit.start, span.end - hit.start));
    out += color ? `${BOLD_YELLOW}${word}${RESET}` : word;
    at = span.end;
  }
  out += clean(hit.quote.slice(at - hit.start));
  return out.trim();
}

/** Terminal-safe text with line breaks folded to spaces, keeping surrounding spaces. */
function clean(text: string): string {
  return stripControl(text).replace(/\s+/g, " ");
}
