import type { Keyness, KeyWord } from "@newind/analytics";
import type { ViewContext } from "../entries.js";
import { BLANK, fit, type Line, line, segment, textWidth, wrap } from "../styled-text.js";
import { count, plural } from "./analytics-text.js";

/**
 * `newind compare` and `/compare`: the words each side says markedly more than the other
 * (log-likelihood keyness), each with its count on both sides, how many times as frequent
 * it is (relative to the sides' sizes) and its G².
 */
export function compareView(result: Keyness, context: ViewContext): Line[] {
  const { width } = context;
  const lines: Line[] = [
    ...wrap(
      [
        segment(`${result.a.label} vs ${result.b.label}`, "heading"),
        segment(" — keyness (log-likelihood)", "dim"),
      ],
      width,
    ),
  ];
  for (const [name, side] of [
    ["A", result.a],
    ["B", result.b],
  ] as const) {
    lines.push(
      ...wrap(
        [
          segment(
            `${name}: ${side.label} — ${plural(side.docIds.length, "document")}, ${plural(side.words, "word")}`,
            "dim",
          ),
        ],
        width,
      ),
    );
  }
  lines.push(BLANK);
  section(lines, `More in ${result.a.label}`, result.moreInA, "A");
  section(lines, `More in ${result.b.label}`, result.moreInB, "B");
  lines.push(
    ...wrap(
      [
        segment(
          "A / B: occurrences on each side · ×: how many times as frequent, for the sides' sizes · G² above 15.13 is p < 0.0001",
          "dim",
        ),
      ],
      width,
    ),
    BLANK,
  );
  return lines;
}

function section(lines: Line[], title: string, words: readonly KeyWord[], side: "A" | "B"): void {
  lines.push(line(segment(title, "title")));
  if (words.length === 0) {
    lines.push(line(segment("  nothing markedly more", "dim")), BLANK);
    return;
  }
  const wordWidth = Math.min(16, Math.max(4, ...words.map((key) => textWidth(key.word))));
  const countsOf = (key: KeyWord) => `${count(key.countA)} / ${count(key.countB)}`;
  const countsWidth = Math.max(...words.map((key) => countsOf(key).length));
  for (const key of words) {
    const times = 2 ** Math.abs(key.logRatio);
    const ratio = key.countA === 0 || key.countB === 0 ? `only ${side}` : `×${times.toFixed(1)}`;
    lines.push(
      line(
        "  ",
        segment(fit(key.word, wordWidth), "accent"),
        `  ${fit(countsOf(key), countsWidth, "right")}  ${fit(ratio, 7, "right")}  G² ${key.score.toFixed(1)}`,
      ),
    );
  }
  lines.push(BLANK);
}
