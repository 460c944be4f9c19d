// Retrieval eval: recall@1/3/5 of @newind/search on ../shared/eval/dev.jsonl (or another
// question file), beside plain MiniSearch (default options, the same sentences), under the
// grader's rules (../shared/eval/README.md): a hit counts when its [start, end) overlaps
// the span of an evidence quote in the raw text and is at most 750 characters long.
// Answerable questions without earlier turns only, as ../shared/eval/grade.mjs does.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { seededRandom } from "@newind/bench-kit";
import { loadDefaultCorpus } from "@newind/data";
import { createSearchIndex } from "@newind/search";
import MiniSearch from "minisearch";

/** The repository root (this file is tests/eval/retrieval.mjs). */
export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
/**
 * The question sets: the shared eval folder beside the repository when it is there, else
 * the copies in tests/eval/questions (a clone on its own still evaluates).
 */
export const SHARED_EVAL_DIR = existsSync(
  fileURLToPath(new URL("../../../shared/eval/dev.jsonl", import.meta.url)),
)
  ? fileURLToPath(new URL("../../../shared/eval/", import.meta.url))
  : fileURLToPath(new URL("./questions/builtin/", import.meta.url));
const MAX_CITATION = 750;
const KS = [1, 3, 5];
const UNANSWERABLE = new Set(["unanswerable", "offtopic"]);

/** `question` with one typo (a dropped, doubled or swapped letter) in each of up to two long words. */
export function misspell(question, seed) {
  const random = seededRandom(seed);
  const words = question.split(" ");
  const long = words.map((word, i) => [word, i]).filter(([word]) => /^[a-z]{5,}$/i.test(word));
  for (let n = 0; n < 2 && long.length > 0; n++) {
    const [[word, at]] = long.splice(Math.floor(random() * long.length), 1);
    const i = 1 + Math.floor(random() * (word.length - 2));
    const kind = Math.floor(random() * 3);
    words[at] =
      kind === 0
        ? word.slice(0, i) + word.slice(i + 1)
        : kind === 1
          ? word.slice(0, i) + word[i] + word.slice(i)
          : word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
  }
  return words.join(" ");
}

/** Reads a JSON-lines question file; throws a clear error when it is missing. */
export function readQuestions(file = `${SHARED_EVAL_DIR}dev.jsonl`) {
  if (!existsSync(file)) {
    throw new Error(
      `retrieval eval: ${file} not found. The eval reads the shared question set from ../shared/eval ` +
        "beside the repository (see ../shared/eval/README.md).",
    );
  }
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line));
}

function spansOf(text, quote) {
  const spans = [];
  for (let i = text.indexOf(quote); i >= 0; i = text.indexOf(quote, i + 1)) spans.push([i, i + quote.length]);
  return spans;
}

/**
 * Recall@k of one ranking function over the answerable questions.
 * @param {Array<{id: string, kind: string, question: string, turns?: string[], evidence: string[]}>} questions
 * @param {string} text the raw document text evidence quotes are found in
 * @param {(question: string) => Array<{start: number, end: number}>} search top hits, best first
 */
export function recallAt(questions, text, search) {
  const hitsAt = Object.fromEntries(KS.map((k) => [k, 0]));
  const byKind = {};
  const ranks = [];
  let n = 0;
  for (const q of questions) {
    if (UNANSWERABLE.has(q.kind) || q.turns) continue;
    n++;
    const gold = q.evidence.flatMap((quote) => spansOf(text, quote));
    const good = (hit) =>
      hit.end - hit.start <= MAX_CITATION && gold.some(([s, e]) => hit.start < e && s < hit.end);
    const hits = search(q.question).slice(0, Math.max(...KS));
    const rank = hits.findIndex(good);
    ranks.push({ id: q.id, kind: q.kind, rank });
    byKind[q.kind] ??= { n: 0, 1: 0, 3: 0, 5: 0 };
    const kind = byKind[q.kind];
    kind.n++;
    for (const k of KS) {
      if (rank >= 0 && rank < k) {
        hitsAt[k]++;
        kind[k]++;
      }
    }
  }
  const recall = Object.fromEntries(KS.map((k) => [`r@${k}`, n ? +(hitsAt[k] / n).toFixed(3) : 0]));
  return { n, recall, byKind, ranks };
}

/**
 * Runs the retrieval eval on the default corpus: @newind/search against plain MiniSearch.
 * @param {{questions?: string, print?: (line: string) => void}} [options]
 * @returns {Promise<{n: number, newind: Record<string, number>, plain: Record<string, number>, byKind: object, misses: object[]}>}
 */
export async function runRetrievalEval(options = {}) {
  const print = options.print ?? ((line) => console.log(line));
  const questions = readQuestions(options.questions);
  const corpus = await loadDefaultCorpus();
  const document = corpus.documents[0];
  if (!document) throw new Error("retrieval eval: the default corpus has no document");
  const index = await createSearchIndex(corpus);
  const plain = new MiniSearch({ fields: ["text"] });
  plain.addAll(corpus.sentences.map((sentence, id) => ({ id, text: sentence.text })));

  const ours = recallAt(questions, document.text, (question) =>
    index.searchCitations(question, { limit: 5 }),
  );
  const baseline = recallAt(questions, document.text, (question) =>
    plain
      .search(question)
      .slice(0, 5)
      .map((result) => corpus.sentences[result.id].span),
  );

  // The same questions with seeded typos (one edit in each of up to two words of 5+
  // letters): how much of the ranking survives misspelling, beyond the dev set's own typos.
  const misspelt = questions.map((q, i) => ({ ...q, question: misspell(q.question, i + 1) }));
  const oursTypos = recallAt(misspelt, document.text, (question) =>
    index.searchCitations(question, { limit: 5 }),
  );
  const baselineTypos = recallAt(misspelt, document.text, (question) =>
    plain
      .search(question)
      .slice(0, 5)
      .map((result) => corpus.sentences[result.id].span),
  );

  print(`retrieval on ${ours.n} answerable questions (${options.questions ?? "../shared/eval/dev.jsonl"})`);
  print("");
  print("| ranker                        | recall@1 | recall@3 | recall@5 |");
  print("| ----------------------------- | -------- | -------- | -------- |");
  const row = (name, r) =>
    `| ${name.padEnd(29)} | ${KS.map((k) => r.recall[`r@${k}`].toFixed(3).padStart(8)).join(" | ")} |`;
  print(row("@newind/search", ours));
  print(row("plain MiniSearch (defaults)", baseline));
  print(row("@newind/search, typos added", oursTypos));
  print(row("plain MiniSearch, typos added", baselineTypos));
  print("");
  print("| kind         |  n | ours r@1 | ours r@3 | plain r@3 |");
  print("| ------------ | -- | -------- | -------- | --------- |");
  for (const [kind, counts] of Object.entries(ours.byKind)) {
    const base = baseline.byKind[kind];
    print(
      `| ${kind.padEnd(12)} | ${String(counts.n).padStart(2)} | ${`${counts[1]}/${counts.n}`.padStart(8)} | ` +
        `${`${counts[3]}/${counts.n}`.padStart(8)} | ${`${base?.[3] ?? 0}/${counts.n}`.padStart(9)} |`,
    );
  }
  const misses = ours.ranks.filter((entry) => entry.rank < 0 || entry.rank >= 3);
  if (misses.length > 0) {
    print("");
    print(
      `not in the top 3: ${misses.map((m) => `${m.id} (${m.kind}, rank ${m.rank < 0 ? ">5" : m.rank + 1})`).join(", ")}`,
    );
  }
  return {
    n: ours.n,
    newind: ours.recall,
    plain: baseline.recall,
    newindTypos: oursTypos.recall,
    plainTypos: baselineTypos.recall,
    byKind: ours.byKind,
    misses,
  };
}
