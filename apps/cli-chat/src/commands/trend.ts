import type { TermTrend } from "@newind/analytics";
import type { CommandContext } from "../context.js";
import { ExitCode, UsageError } from "../errors.js";
import { oneOutput, runAnalytics } from "./analytics-command.js";
import { printResult } from "./print-view.js";

/**
 * `newind trend TERM… [--json|--csv] [--translate]`: how often each term is used, year by
 * year, over the primary collection (and any `--corpus` folders). People get a bar chart
 * in which a year without any document is shown as missing, not as zero; `--json` prints
 * `{terms, documents: [{docId, title, kind?, year, date?, chars, counts}], years: [{year,
 * counts}], missingYears}` (plus `forms` with `--translate`); `--csv` one row per document.
 */
export async function run(context: CommandContext): Promise<number> {
  oneOutput(context);
  const terms = context.options.positionals;
  if (terms.length === 0) {
    throw new UsageError(
      'trend needs at least one term, e.g. newind trend 新型工业化 (quote terms with spaces: "new industrialization").',
    );
  }
  const trend = await runAnalytics(context, terms, (analytics, _corpus, inputs) =>
    analytics.termTrend(_corpus, inputs),
  );
  if (context.options.csv) {
    context.stdout.write(trendCsv(trend));
    return ExitCode.ok;
  }
  await printResult(context, trend, async () => (await import("../chat/views/trend-view.js")).trendView);
  return ExitCode.ok;
}

/**
 * The trend as CSV (RFC 4180): a header, then one row per document — docId, title, kind,
 * year, date, chars and one column per term. Cells a spreadsheet would read as a formula
 * (starting with =, +, -, @) are prefixed with an apostrophe.
 */
export function trendCsv(trend: TermTrend): string {
  const rows = [["docId", "title", "kind", "year", "date", "chars", ...trend.terms]];
  for (const document of trend.documents) {
    rows.push([
      document.docId,
      document.title,
      document.kind ?? "",
      document.year === null ? "" : String(document.year),
      document.date ?? "",
      String(document.chars),
      ...trend.terms.map((term) => String(document.counts[term] ?? 0)),
    ]);
  }
  return rows.map((row) => `${row.map(csvCell).join(",")}\r\n`).join("");
}

function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
