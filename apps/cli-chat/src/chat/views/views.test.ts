import { readFileSync } from "node:fs";
import { concordance, keyness, termTrend } from "@newind/analytics";
import type { Citation, Corpus, Metric } from "@newind/core";
import { loadDefaultCorpus } from "@newind/data";
import { describe, expect, it } from "vitest";
import type { ViewContext } from "../entries.js";
import { lineText, lineWidth, renderPlain } from "../styled-text.js";
import { makeFolderCorpus } from "../testing/analytics-corpus.js";
import { fakeBackend, fakeCorpus } from "../testing/fake-corpus.js";
import { answerView, inputView, MAX_ECHO_ROWS, sourcesView } from "./answer-view.js";
import { compareView } from "./compare-view.js";
import { HELP_KEYS } from "./help-view.js";
import { kwicView } from "./kwic-view.js";
import { bar, formatValue, groupMetrics, metricsView } from "./metrics-view.js";
import { footnoteMark, passageView, passageWindow } from "./passage-view.js";
import { renderEntry } from "./render-entry.js";
import { sortEvents, timelineView } from "./timeline-view.js";
import { trendView } from "./trend-view.js";

const context = (width = 80, overrides: Partial<ViewContext> = {}): ViewContext => ({
  width,
  corpus: fakeCorpus,
  color: false,
  plain: false,
  ...overrides,
});
const text = (lines: readonly (readonly { text: string }[])[]) => lines.map(lineText).join("\n");

describe(answerView, () => {
  it("lists each citation with its number, document title, ¶ and the quote", async () => {
    const answer = await fakeBackend().ask("When did BYD make batteries?", []);
    const out = text(answerView(answer, ["batteries"], context()));
    expect(out).toContain("Sources");
    expect(out).toContain("[1] “New Industrialization”: The Industrial Upgrading Theory ¶4");
    expect(out).toContain("“BYD began to make lithium-ion batteries in 1995");
  });
  it("marks [n] and the question's terms with their tones", async () => {
    const answer = await fakeBackend().ask("When did BYD make batteries?", []);
    const lines = answerView(answer, ["battery"], context());
    const segments = lines.flat();
    expect(segments).toContainEqual({ text: "[1]", tone: "marker" });
    expect(segments).toContainEqual({ text: "batteries", tone: "highlight" });
  });
});

describe(sourcesView, () => {
  it("prints the document's address whole, on a line of its own when it does not fit, and links it", async () => {
    const answer = await fakeBackend().ask("When did BYD make batteries?", []);
    const lines = sourcesView(answer, [], context(24), 1);
    const url = "https://interpret.csis.org/example/";
    expect(lines.map(lineText)).toContain(url);
    const linked = renderPlain(lines, { color: false, hyperlinks: true });
    expect(linked).toContain(`\u001b]8;;${url}\u001b\\${url}\u001b]8;;\u001b\\`);
    expect(renderPlain(lines, { color: false })).not.toContain("\u001b");
  });
});

describe(inputView, () => {
  it("echoes a short question whole, and folds a long one to its first rows", () => {
    expect(text(inputView("why now?", context()))).toBe("› why now?");
    const long = "What did the ministry say about batteries and capacity ".repeat(40);
    const lines = inputView(long, context(60));
    expect(lines).toHaveLength(MAX_ECHO_ROWS + 1);
    expect(lineText(lines[0] ?? [])).toMatch(/^› What did the ministry/);
    expect(lineText(lines[MAX_ECHO_ROWS] ?? [])).toMatch(/^ {2}… \d+ more lines$/);
  });
});

describe(passageView, () => {
  const quote = "China had 122 auto manufacturers";
  const start = (fakeCorpus.documents[0]?.text ?? "").indexOf(quote);
  const citation = {
    n: 2,
    docId: "doc",
    passageId: "doc:p3",
    paragraph: 3,
    start,
    end: start + quote.length,
    quote,
  };
  it("finds the passage and its neighbours", () => {
    const window = passageWindow(citation, fakeCorpus.passages);
    expect([window.before?.paragraph, window.passage?.paragraph, window.after?.paragraph]).toEqual([2, 3, 4]);
  });
  it("shows the neighbours and marks the cited span «…» without colour", () => {
    const out = text(passageView(citation, [], context()));
    expect(out).toMatch(/^¶2 {3}New Industrialization was first tabled/m);
    expect(out).toContain("In 2020, «China had 122 auto manufacturers», compared");
    expect(out).toMatch(/^¶4 {3}BYD began/m);
  });
  it("gives the cited span the cited tone with colour, and no marks", () => {
    const lines = passageView(citation, [], context(80, { color: true }));
    expect(lines.flat().some((part) => part.tone === "cited" && part.text.includes("122"))).toBe(true);
    expect(text(lines)).not.toContain("«");
  });
});

describe("metrics view", () => {
  it("draws bars for values that compare, scaled to the largest", () => {
    expect(bar(122, 122, 10)).toBe("██████████");
    expect(bar(61, 122, 10)).toBe("█████");
    expect(bar(4, 122, 10)).toBe("▍");
  });
  it("groups by unit and keeps years out of the bars", () => {
    const groups = groupMetrics(fakeCorpus.datasets.metrics);
    expect(groups.map((group) => [group.unit, group.bars, group.metrics.length])).toEqual([
      ["manufacturers", true, 3],
      ["", false, 1],
    ]);
  });
  it("formats values as people write them", () => {
    expect(formatValue({ value: 60, unit: "percent" })).toBe("60%");
    expect(formatValue({ value: 650_000_000_000, unit: "USD" })).toBe("$650 billion");
    expect(formatValue({ value: 2035, unit: "year" })).toBe("2035");
    expect(formatValue({ value: 122, unit: "manufacturers" })).toBe("122 manufacturers");
  });
  it("fits 40 and 120 columns, with ¶ references", () => {
    for (const width of [40, 120]) {
      const lines = metricsView(context(width));
      for (const value of lines) expect(lineWidth(value)).toBeLessThanOrEqual(width);
      expect(text(lines)).toContain("¶3");
      expect(text(lines)).toContain("█");
    }
  });
  it("leaves the bars out in plain mode", () => {
    expect(text(metricsView(context(80, { plain: true })))).not.toContain("█");
  });
  it("draws bars only where they compare: shares, and counts that differ beyond a handful", () => {
    const metric = (id: string, value: number, unit: string, label = id): Metric =>
      ({ ...(fakeCorpus.datasets.metrics[0] as Metric), id, label, value, unit, year: 2020 }) as Metric;
    const groups = groupMetrics([
      metric("a", 5, "countries"),
      metric("b", 3, "countries"),
      metric("c", 30, "years"),
      metric("d", 30, "years"),
      metric("e", 9, "percent"),
      metric("f", 50, "percent"),
      metric("g", 2, "documents"),
    ]);
    expect(groups.map((group) => [group.unit, group.bars, group.metrics.length])).toEqual([
      ["percent", true, 2],
      ["", false, 5],
    ]);
  });
  it("does not repeat a year the label already says, and fits every row in 120 columns", async () => {
    const corpus = await loadDefaultCorpus();
    const lines = metricsView({ width: 120, corpus, color: false, plain: false });
    for (const value of lines) expect(lineWidth(value)).toBeLessThanOrEqual(120);
    const out = text(lines);
    expect(out).toMatch(/by 2030 /);
    expect(out).not.toMatch(/\b(\d{4})\b[^\n]*\(\1\)/);
    // Every metric on one row: as many rows with a ¶ reference as metrics.
    expect(out.split("\n").filter((row) => /¶\d+$/.test(row))).toHaveLength(corpus.datasets.metrics.length);
  });
});

describe(footnoteMark, () => {
  it("shows a glued footnote marker as a superscript note number, or (note n) in plain mode", () => {
    expect(footnoteMark("11", false)).toEqual({ text: "¹¹", tone: "dim" });
    expect(footnoteMark(" 7", false)).toEqual({ text: " ⁷", tone: "dim" });
    expect(footnoteMark("3", true)).toEqual({ text: " (note 3)", tone: "dim" });
  });
  it("keeps /open's note numbers apart from the text they follow", async () => {
    const corpus: Corpus = await loadDefaultCorpus();
    const sentence = corpus.sentences.find((candidate) => candidate.text.endsWith("old trees."));
    if (!sentence) throw new Error("no sentence ends with 'old trees.'");
    const citation: Citation = {
      n: 1,
      docId: sentence.docId,
      passageId: sentence.passageId,
      paragraph: sentence.paragraph,
      start: sentence.span.start,
      end: sentence.span.end,
      quote: sentence.text,
    };
    const out = text(passageView(citation, [], { width: 80, corpus, color: false, plain: false }));
    expect(out).toMatch(/old trees\.»¹¹/);
    expect(out).not.toMatch(/trees\.»?11/);
  });
});

describe("timeline view", () => {
  it("puts events in date order, decades and partial dates included", () => {
    const events = [
      { date: "2023-03", id: "a" },
      { date: "1950s", id: "b" },
      { date: "2023", id: "c" },
      { date: "2023-03-20", id: "d" },
      { date: "2002", id: "e" },
    ].map((event) => ({
      ...event,
      summary: "x",
      evidence: fakeCorpus.datasets.timeline[0]?.evidence as never,
    }));
    expect(sortEvents(events).map((event) => event.date)).toEqual([
      "1950s",
      "2002",
      "2023",
      "2023-03",
      "2023-03-20",
    ]);
  });
  it("draws each event on the rail with its actor and ¶", () => {
    const out = text(timelineView(context()));
    expect(out.indexOf("1995")).toBeLessThan(out.indexOf("2002"));
    expect(out).toMatch(/^1995 ● BYD began to make lithium-ion batteries\.$/m);
    expect(out).toMatch(/^ {5}│ BYD · ¶4$/m);
  });
});

describe(renderEntry, () => {
  it("lays every entry out within narrow widths, CJK included", async () => {
    const answer = await fakeBackend().ask("新型工业化 was first tabled when?", []);
    for (const width of [20, 40]) {
      for (const entry of [
        { kind: "header" as const },
        { kind: "help" as const },
        { kind: "input" as const, text: "新型工业化是什么？新型工业化是什么？" },
        { kind: "answer" as const, answer, terms: ["新型工业化"] },
        { kind: "timeline" as const },
      ]) {
        for (const value of renderEntry(entry, context(width)))
          expect(lineWidth(value)).toBeLessThanOrEqual(width);
      }
    }
  });
});

describe("/help and the README", () => {
  // The README's "keys" table: | keys | what they do |.
  const readme = readFileSync(new URL("../../../../../README.md", import.meta.url), "utf8");
  const table = readme.slice(readme.indexOf("| keys |"), readme.indexOf("| command |"));
  const rows = new Map(
    [...table.matchAll(/^\| ([^|]+) \| ([^|]+) \|$/gm)].map((match) => [match[1]?.trim(), match[2]?.trim()]),
  );

  it("say the same about every Ctrl key", () => {
    for (const [key, what] of HELP_KEYS) {
      for (const control of key.match(/Ctrl\+[A-Z]/g) ?? []) {
        expect(
          [...rows.keys()].some((cell) => cell?.includes(control)),
          `${control} is in the README`,
        ).toBe(true);
      }
      if (rows.has(key)) expect(rows.get(key), key).toBe(what);
    }
    expect(rows.get("Ctrl+U / Ctrl+K")).toBe("delete to the start / to the end of the line");
  });
});

describe(trendView, () => {
  it("shows missing years as missing, undated documents on a row of their own, never wider than the screen", async () => {
    const trend = termTrend(await makeFolderCorpus(), ["battery"]);
    for (const width of [30, 60, 100]) {
      const lines = trendView(trend, context(width));
      for (const each of lines) expect(lineWidth(each), lineText(each)).toBeLessThanOrEqual(width);
    }
    const out = text(trendView(trend, context(80)));
    expect(out).toMatch(/^2019 {5}█+ 1$/m);
    expect(out).toMatch(/^2020 {5}┄ no document$/m);
    expect(out).toMatch(/^undated {2}█+ 1$/m);
    expect(text(trendView(trend, context(80, { plain: true })))).toContain("2020: no document");
  });
});

describe(kwicView, () => {
  it("aligns the keyword, marks it «…» without colour, and fits the width", async () => {
    const result = concordance(await makeFolderCorpus(), "battery");
    const lines = kwicView(result, context(50));
    for (const each of lines) expect(lineWidth(each)).toBeLessThanOrEqual(50);
    const hits = lines.map(lineText).filter((line) => /«battery»/i.test(line));
    expect(hits).toHaveLength(4);
    expect(new Set(hits.map((line) => line.indexOf("«"))).size).toBe(1);
  });
});

describe(compareView, () => {
  it("lists each side's key words with their counts", async () => {
    const result = keyness(await makeFolderCorpus(), "2021", "2019", {
      minScore: 0,
      minCount: 1,
      minLogRatio: 0,
    });
    const out = text(compareView(result, context(80)));
    expect(out).toContain("2021 vs 2019 — keyness (log-likelihood)");
    expect(out).toContain("More in 2021");
  });
});
