import type { Metric } from "@newind/core";
import type { ViewContext } from "../entries.js";
import {
  BLANK,
  fit,
  type Line,
  line,
  lineWidth,
  type Segment,
  segment,
  textWidth,
  wrap,
} from "../styled-text.js";

const EIGHTHS = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];

/**
 * A horizontal bar `value / max` of `width` cells, in eighths of a cell.
 *
 * @example
 * bar(50, 100, 4) // "██"
 */
export function bar(value: number, max: number, width: number): string {
  if (max <= 0 || width <= 0 || value <= 0) return "";
  const eighths = Math.max(1, Math.round((Math.min(value, max) / max) * width * 8));
  return "█".repeat(Math.floor(eighths / 8)) + (EIGHTHS[eighths % 8] ?? "");
}

const number = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });

/** A metric's value with its unit, as a person would write it ("60%", "$650 billion", "122 manufacturers"). */
export function formatValue(metric: Pick<Metric, "value" | "unit">): string {
  const { value, unit } = metric;
  const lower = unit.toLowerCase();
  if (lower === "percent" || unit === "%") return `${number.format(value)}%`;
  if (lower === "year") return String(value);
  const scaled = scale(value);
  if (lower === "usd") return `$${scaled}`;
  if (lower === "cny" || lower === "rmb" || lower === "yuan") return `¥${scaled}`;
  return `${scaled} ${unit}`;
}

/** The value alone when its group heading already names the unit ("122" under "In manufacturers"). */
export function formatNumber(metric: Pick<Metric, "value" | "unit">): string {
  const lower = metric.unit.toLowerCase();
  if (lower === "percent" || metric.unit === "%" || lower === "usd" || lower === "year")
    return formatValue(metric);
  return scale(metric.value);
}

function scale(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1e12) return `${number.format(value / 1e12)} trillion`;
  if (abs >= 1e9) return `${number.format(value / 1e9)} billion`;
  if (abs >= 1e6) return `${number.format(value / 1e6)} million`;
  return number.format(value);
}

interface Group {
  readonly unit: string;
  readonly metrics: Metric[];
  readonly bars: boolean;
}

/**
 * Whether bars help compare a group's values: shares (of 100%) always do; other units when
 * there are two values or more that differ, and the largest is more than a handful — bars
 * for "5 countries" against "3" say nothing the digits don't. Years never get bars.
 */
function barsCompare(unit: string, metrics: readonly Metric[]): boolean {
  const lower = unit.toLowerCase();
  if (metrics.length < 2 || lower === "year") return false;
  if (lower === "percent" || unit === "%") return true;
  const values = metrics.map((metric) => metric.value);
  return Math.max(...values) > 10 && new Set(values).size > 1;
}

/** Groups metrics by unit; a group whose values bars compare gets bars (see {@link barsCompare}); the rest are "Other figures". */
export function groupMetrics(metrics: readonly Metric[]): Group[] {
  const byUnit = new Map<string, Metric[]>();
  for (const metric of metrics) {
    const list = byUnit.get(metric.unit) ?? [];
    list.push(metric);
    byUnit.set(metric.unit, list);
  }
  const groups: Group[] = [];
  const others: Metric[] = [];
  for (const [unit, list] of byUnit) {
    if (barsCompare(unit, list)) groups.push({ unit, metrics: list, bars: true });
    else others.push(...list);
  }
  if (others.length > 0) groups.push({ unit: "", metrics: others, bars: false });
  return groups;
}

/** A metric's label, with its year unless the label already says it ("…by 2030", not "…by 2030 (2030)"). */
function labelOf(metric: Metric): Segment[] {
  const year =
    metric.year !== undefined &&
    metric.unit.toLowerCase() !== "year" &&
    !new RegExp(`\\b${metric.year}\\b`).test(metric.label)
      ? ` (${metric.year})`
      : "";
  return [segment(metric.label), segment(year, "dim")];
}

function pad(value: Line, width: number): Line {
  const missing = width - lineWidth(value);
  return missing > 0 ? [...value, { text: " ".repeat(missing) }] : value;
}

/** `/metrics` and `newind metrics`: the curated figures grouped by unit, with bars where values compare. */
export function metricsView(context: ViewContext): Line[] {
  const metrics = context.corpus.datasets.metrics;
  const { width } = context;
  if (metrics.length === 0) return [line(segment("The corpus has no curated metrics.", "dim")), BLANK];
  const lines: Line[] = [
    ...wrap(
      [
        segment("Metrics", "heading"),
        segment(` · ${metrics.length} figures from the corpus, each cited by ¶`, "dim"),
      ],
      width,
    ),
    BLANK,
  ];
  const refWidth = Math.max(...metrics.map((metric) => textWidth(`¶${metric.evidence.paragraph}`)));
  for (const group of groupMetrics(metrics)) {
    lines.push(line(segment(group.unit === "" ? "Other figures" : `In ${group.unit}`, "title")));
    const showBars = group.bars && !context.plain;
    const format = group.bars ? formatNumber : formatValue;
    const valueWidth = Math.max(...group.metrics.map((metric) => textWidth(format(metric))));
    // Shares are drawn against the whole (100%), counts against the largest of the group.
    const isShare = group.unit.toLowerCase() === "percent" || group.unit === "%";
    const max = Math.max(isShare ? 100 : 0, ...group.metrics.map((metric) => metric.value));
    const wide = width >= 64;
    const available = width - 2 - valueWidth - refWidth - 4;
    const barWidth = showBars
      ? wide
        ? Math.min(24, Math.floor(available * 0.35))
        : Math.max(4, width - 4 - valueWidth - refWidth - 2)
      : 0;
    for (const metric of group.metrics) {
      const value = segment(fit(format(metric), valueWidth, "right"));
      const barText = showBars ? fit(bar(metric.value, max, barWidth), barWidth) : "";
      const ref = segment(`¶${metric.evidence.paragraph}`, "dim");
      if (wide) {
        const labelWidth = Math.max(10, available - (showBars ? barWidth + 1 : 0));
        const labelLines = wrap(labelOf(metric), labelWidth);
        labelLines.forEach((labelLine, index) => {
          if (index === 0) {
            lines.push([
              { text: "  " },
              ...pad(labelLine, labelWidth),
              { text: "  " },
              value,
              ...(showBars ? [{ text: " " }, segment(barText, "bar")] : []),
              { text: " " },
              ref,
            ]);
          } else lines.push([{ text: "  " }, ...labelLine]);
        });
      } else {
        lines.push(...wrap(labelOf(metric), width, { first: line("  "), rest: line("  ") }));
        // Narrow: numbers of a barred group line up; other values start at the indent.
        lines.push([
          { text: "    " },
          showBars ? value : segment(format(metric)),
          ...(showBars ? [{ text: " " }, segment(barText, "bar")] : []),
          { text: " " },
          ref,
        ]);
      }
    }
    lines.push(BLANK);
  }
  return lines;
}
