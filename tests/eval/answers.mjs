// Answer eval: @newind/bot on ../shared/eval/dev.jsonl and dev-abstain.jsonl under the
// grader's rules (../shared/eval/README.md, ../shared/eval/grade.mjs), per kind, beside a
// plain-MiniSearch baseline that answers with its top sentence and never abstains.
//   answer accuracy    answerable, not abstained, ≤ 600 chars (900 list/multi), every must_include group met
//   citation accuracy  answerable, some citation ≤ 750 chars overlapping an evidence quote's span
//   span validity      every citation's quote === text.slice(start, end)
//   abstention         unanswerable/offtopic answered with abstained: true
//   false abstention   answerable answered with abstained: true
import { loadDefaultCorpus } from "@newind/data";
import { createSearchIndex } from "@newind/search";
import MiniSearch from "minisearch";
import { readQuestions, SHARED_EVAL_DIR } from "./retrieval.mjs";

const ABSTAIN_KINDS = new Set(["unanswerable", "offtopic"]);
const MAX_CITATION = 750;
const maxAnswer = (kind) => (kind === "list" || kind === "multi" ? 900 : 600);

function spansOf(text, quote) {
  const spans = [];
  for (let i = text.indexOf(quote); i >= 0; i = text.indexOf(quote, i + 1)) spans.push([i, i + quote.length]);
  return spans;
}

/**
 * Grades answers the way ../shared/eval/grade.mjs does.
 * @param {Array<object>} questions eval questions
 * @param {Map<string, {answer: string, abstained: boolean, citations: Array<{start: number, end: number, quote: string}>}>} answers by id
 * @param {string} text the raw document text
 */
export function gradeAnswers(questions, answers, text) {
  const rows = [];
  let spansTotal = 0;
  let spansBad = 0;
  for (const q of questions) {
    const r = answers.get(q.id);
    const row = {
      id: q.id,
      kind: q.kind,
      ok: false,
      cited: false,
      abstained: r?.abstained ?? null,
      long: false,
    };
    if (r) {
      for (const c of r.citations ?? []) {
        spansTotal++;
        if (text.slice(c.start, c.end) !== c.quote) spansBad++;
      }
      if (ABSTAIN_KINDS.has(q.kind)) {
        row.ok = r.abstained === true;
      } else {
        const answer = (r.answer ?? "").toLowerCase();
        row.long = answer.length > maxAnswer(q.kind);
        row.ok =
          !r.abstained &&
          !row.long &&
          q.must_include.every((group) => group.some((alt) => answer.includes(alt.toLowerCase())));
        const gold = q.evidence.flatMap((quote) => spansOf(text, quote));
        row.cited = (r.citations ?? []).some(
          (c) => c.end - c.start <= MAX_CITATION && gold.some(([s, e]) => c.start < e && s < c.end),
        );
      }
    }
    rows.push(row);
  }
  const answerable = rows.filter((row) => !ABSTAIN_KINDS.has(row.kind));
  const unanswerable = rows.filter((row) => ABSTAIN_KINDS.has(row.kind));
  const frac = (xs, f) => (xs.length ? +(xs.filter(f).length / xs.length).toFixed(3) : 0);
  const summary = {
    n: rows.length,
    answer: frac(answerable, (row) => row.ok),
    cite: frac(answerable, (row) => row.cited),
    spansValid: spansTotal ? +(1 - spansBad / spansTotal).toFixed(3) : 1,
    abstain: frac(unanswerable, (row) => row.ok),
    falseAbstain: frac(answerable, (row) => row.abstained === true),
    tooLong: answerable.filter((row) => row.long).length,
  };
  const byKind = {};
  for (const row of rows) {
    byKind[row.kind] ??= { n: 0, ok: 0, cited: 0 };
    const kind = byKind[row.kind];
    kind.n++;
    if (row.ok) kind.ok++;
    if (row.cited) kind.cited++;
  }
  return { summary, byKind, rows };
}

/** The baseline: plain MiniSearch (default options) over the sentences; its top sentence is the answer. */
export function plainBaseline(corpus) {
  const document = corpus.documents[0];
  const plain = new MiniSearch({ fields: ["text"] });
  plain.addAll(corpus.sentences.map((sentence, id) => ({ id, text: sentence.text })));
  return (question) => {
    const top = plain.search(question)[0];
    const sentence = top === undefined ? undefined : corpus.sentences[top.id];
    if (!sentence) return { answer: "", abstained: false, citations: [] };
    const { start, end } = sentence.span;
    return {
      answer: sentence.text,
      abstained: false,
      citations: [{ n: 1, docId: sentence.docId, start, end, quote: document.text.slice(start, end) }],
    };
  };
}

/**
 * Runs the answer eval on the default corpus.
 * @param {{questions?: string[], print?: (line: string) => void, verbose?: boolean}} [options]
 */
export async function runAnswerEval(options = {}) {
  const print = options.print ?? ((line) => console.log(line));
  const files = options.questions ?? [`${SHARED_EVAL_DIR}dev.jsonl`, `${SHARED_EVAL_DIR}dev-abstain.jsonl`];
  const questions = files.flatMap((file) => readQuestions(file));
  const corpus = await loadDefaultCorpus();
  const document = corpus.documents[0];
  if (!document) throw new Error("answer eval: the default corpus has no document");
  const { createBot } = await import("@newind/bot");
  const index = await createSearchIndex(corpus);
  const bot = createBot({ corpus, index });
  const baseline = plainBaseline(corpus);
  const ours = new Map();
  const theirs = new Map();
  for (const q of questions) {
    ours.set(q.id, await bot.ask(q.question, { history: q.turns ?? [] }));
    theirs.set(q.id, baseline(q.question));
  }
  const mine = gradeAnswers(questions, ours, document.text);
  const base = gradeAnswers(questions, theirs, document.text);

  print(
    `answers on ${questions.length} questions (${files.map((f) => f.replace(SHARED_EVAL_DIR, "")).join(" + ")})`,
  );
  print("");
  print("| metric             | @newind/bot | plain MiniSearch top sentence |");
  print("| ------------------ | ----------- | ----------------------------- |");
  for (const key of ["answer", "cite", "spansValid", "abstain", "falseAbstain"]) {
    const label = {
      answer: "answer accuracy",
      cite: "citation accuracy",
      spansValid: "span validity",
      abstain: "abstention",
      falseAbstain: "false abstention",
    }[key];
    print(
      `| ${label.padEnd(18)} | ${mine.summary[key].toFixed(3).padStart(11)} | ${base.summary[key].toFixed(3).padStart(29)} |`,
    );
  }
  print("");
  print("| kind         |  n | bot answer | bot cited | plain answer | plain cited |");
  print("| ------------ | -- | ---------- | --------- | ------------ | ----------- |");
  for (const [kind, counts] of Object.entries(mine.byKind)) {
    const b = base.byKind[kind] ?? { ok: 0, cited: 0 };
    const abstainKind = ABSTAIN_KINDS.has(kind);
    print(
      `| ${kind.padEnd(12)} | ${String(counts.n).padStart(2)} | ${`${counts.ok}/${counts.n}`.padStart(10)} | ` +
        `${(abstainKind ? "—" : `${counts.cited}/${counts.n}`).padStart(9)} | ${`${b.ok}/${counts.n}`.padStart(12)} | ` +
        `${(abstainKind ? "—" : `${b.cited}/${counts.n}`).padStart(11)} |`,
    );
  }
  const misses = mine.rows.filter((row) => !row.ok || (!ABSTAIN_KINDS.has(row.kind) && !row.cited));
  if (misses.length > 0) {
    print("");
    print(
      `misses: ${misses.map((m) => `${m.id} (${m.kind}${m.ok ? ", uncited" : m.abstained ? ", abstained" : ""})`).join(", ")}`,
    );
  }
  if (options.verbose) {
    for (const m of misses) {
      const q = questions.find((x) => x.id === m.id);
      const a = ours.get(m.id);
      print(
        `\n${m.id} ${q.kind}: ${q.question}\n  -> [${a.intent}${a.abstained ? ", abstained" : ""}] ${a.answer}`,
      );
    }
  }
  return { summary: mine.summary, baseline: base.summary, byKind: mine.byKind, misses };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runAnswerEval({ verbose: process.argv.includes("--verbose") });
}
