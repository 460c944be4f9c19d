// The question sets the bot is fitted and judged on, and the grading rules of
// ../shared/eval/README.md applied in-process (the same rules as ../shared/eval/grade.mjs and
// grade-docs.mjs, which run the `newind` binary; fitting needs thousands of answers a second).
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { fileURLToPath } from "node:url";
import { loadCorpus, loadDefaultCorpus } from "@newind/data/loaders";
import { createSearchIndex } from "@newind/search";

/** The repository's copies of the question sets (tests/eval/questions). */
export const QUESTIONS = fileURLToPath(new URL("../../../tests/eval/questions/", import.meta.url));

/** Kinds whose right answer is to abstain. */
export const ABSTAIN = new Set(["unanswerable", "offtopic"]);
/** A user reads a short answer, not a pasted paragraph; a citation points at a passage, not a page. */
export const maxAnswer = (kind) => (kind === "list" || kind === "multi" ? 900 : 600);
export const MAX_CITATION = 750;

/** The question sets, by name: each is a list of questions on one corpus ("builtin", or a folder). */
export const SETS = {
  dev: { file: "builtin/dev.jsonl", corpus: "builtin" },
  "dev-abstain": { file: "builtin/dev-abstain.jsonl", corpus: "builtin" },
  "bank-a": { file: "builtin/bank-a.jsonl", corpus: "builtin" },
  "bank-b": { file: "builtin/bank-b.jsonl", corpus: "builtin" },
  "other-docs": { file: "docs/other-docs.jsonl", corpus: "docs/other-docs" },
};

/** The corpus of each question file of training/ (by file name): the built-in document unless named here. */
export const TRAINING_CORPORA = {
  "other-docs-2026-12.jsonl": "docs/other-docs",
  "written-docs-2026-12.jsonl": "docs/written-docs",
  "primary-2026-12.jsonl": "primary",
  "primary-2026-12-2.jsonl": "primary",
};

/**
 * Held-out sets: written apart from the code (by writers who saw only the documents and the
 * eval README) and never fitted or tuned on — reported, never used to choose anything.
 */
export const HOLDOUT = {
  "holdout-builtin": { file: "holdout/builtin-2026-12.jsonl", corpus: "builtin" },
  "holdout-builtin-final": { file: "holdout/builtin-2026-12-final.jsonl", corpus: "builtin" },
  "holdout-final-docs": { file: "holdout/final-docs-2026-12.jsonl", corpus: "docs/final-docs" },
  "holdout-primary": { file: "holdout/primary-2026-12-b.jsonl", corpus: "primary" },
  "validation-unseen": { file: "validation/unseen-1.jsonl", corpus: "builtin" },
  "validation-unseen-2": { file: "validation/unseen-2.jsonl", corpus: "builtin" },
};

/** Reads a JSON-lines question file (relative to {@link QUESTIONS}, or absolute). */
export function readQuestions(file) {
  const path = file.startsWith("/") ? file : `${QUESTIONS}${file}`;
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line));
}

const corpora = new Map();
/**
 * The corpus and search index of a set, loaded once: "builtin", "primary" (the built-in document
 * with the primary collection, as `--primary` loads it), or a folder under {@link QUESTIONS} or absolute.
 */
export function loadSetCorpus(name) {
  let loading = corpora.get(name);
  if (!loading) {
    loading = (async () => {
      const corpus =
        name === "builtin"
          ? await loadDefaultCorpus()
          : name === "primary"
            ? await loadCorpus({ dirs: [], includePrimary: true })
            : await loadCorpus({
                dirs: [name.startsWith("/") ? name : `${QUESTIONS}${name}`],
                includeDefault: false,
              });
      return { corpus, index: await createSearchIndex(corpus) };
    })();
    corpora.set(name, loading);
  }
  return loading;
}

/** Spans of `quote` in `text`, ignoring differences in whitespace (as grade-docs.mjs does). */
export function spansIn(text, quote) {
  const positions = [];
  let flat = "";
  let previousSpace = false;
  for (let i = 0; i < text.length; i++) {
    const space = /\s/.test(text[i]);
    if (space && previousSpace) continue;
    flat += space ? " " : text[i];
    positions.push(i);
    previousSpace = space;
  }
  const wanted = quote.replace(/\s+/g, " ").trim();
  const out = [];
  if (!wanted) return out;
  for (let i = flat.indexOf(wanted); i >= 0; i = flat.indexOf(wanted, i + 1)) {
    out.push([positions[i], positions[i + wanted.length - 1] + 1]);
  }
  return out;
}

/** The evidence spans of a question, as `{docId, start, end}`: in its `doc` file, or in every document. */
export function goldSpans(question, corpus) {
  const documents = question.doc
    ? corpus.documents.filter((document) => document.path && basename(document.path) === question.doc)
    : corpus.documents;
  return documents.flatMap((document) =>
    (question.evidence ?? []).flatMap((quote) =>
      spansIn(document.text, quote).map(([start, end]) => ({ docId: document.id, start, end })),
    ),
  );
}

/** True when a span `{docId, start, end}` overlaps one of the gold spans. */
export function overlapsGold(span, gold) {
  return gold.some((g) => g.docId === span.docId && span.start < g.end && g.start < span.end);
}

/**
 * Grades one answer by the README's rules: `ok` (right: not abstained, short enough, every
 * must_include group present; for unanswerable and off-topic kinds, abstained), `cited` (a
 * citation of at most 750 characters overlaps the evidence), and whether every span is exact.
 */
export function gradeAnswer(question, answer, corpus) {
  const documents = new Map(corpus.documents.map((document) => [document.id, document]));
  const spansExact = answer.citations.every(
    (c) => documents.get(c.docId)?.text.slice(c.start, c.end) === c.quote,
  );
  if (ABSTAIN.has(question.kind))
    return { ok: answer.abstained === true, cited: false, abstained: answer.abstained, spansExact };
  const text = answer.answer.toLowerCase();
  const long = text.length > maxAnswer(question.kind);
  const ok =
    !answer.abstained &&
    !long &&
    question.must_include.every((group) => group.some((alt) => text.includes(alt.toLowerCase())));
  const gold = goldSpans(question, corpus);
  const cited = answer.citations.some((c) => c.end - c.start <= MAX_CITATION && overlapsGold(c, gold));
  return { ok, cited, abstained: answer.abstained, long, spansExact };
}

/** The README's shares over graded rows `{kind, ok, cited, abstained, spansExact}`. */
export function summarize(rows) {
  const answerable = rows.filter((row) => !ABSTAIN.has(row.kind));
  const abstain = rows.filter((row) => ABSTAIN.has(row.kind));
  const share = (list, test) => (list.length ? +(list.filter(test).length / list.length).toFixed(3) : 0);
  return {
    n: rows.length,
    answer: share(answerable, (row) => row.ok),
    cite: share(answerable, (row) => row.cited),
    abstain: share(abstain, (row) => row.ok),
    falseAbstain: share(answerable, (row) => row.abstained === true),
    spansValid: share(rows, (row) => row.spansExact !== false),
  };
}

/** Runs a bot over questions and grades each answer: rows for {@link summarize}. */
export async function gradeBot(bot, questions, corpus) {
  const rows = [];
  for (const question of questions) {
    const answer = await bot.ask(question.question, { history: question.turns ?? [] });
    rows.push({
      id: question.id,
      kind: question.kind,
      question: question.question,
      answer,
      ...gradeAnswer(question, answer, corpus),
    });
  }
  return rows;
}
