#!/usr/bin/env node
// Grades the built bot (dist) on question sets: `node scripts/eval.mjs [set…] [--verbose]`.
import { createBot } from "../dist/index.js";
import {
  gradeBot,
  HOLDOUT,
  loadSetCorpus,
  readQuestions,
  SETS,
  summarize,
  TRAINING_CORPORA,
} from "./eval-sets.mjs";

const args = process.argv.slice(2);
const verbose = args.includes("--verbose");
// --save=FILE writes every graded row (with its answer) as JSON, for comparing two runs.
const saveTo = args.find((arg) => arg.startsWith("--save="))?.slice(7);
const saved = [];
const names = args.filter((arg) => !arg.startsWith("--"));
const ALL = { ...SETS, ...HOLDOUT };
const wantsHoldout = args.includes("--holdout");
const extra = names.filter((name) => !(name in ALL));
const sets = Object.entries(wantsHoldout ? HOLDOUT : ALL).filter(
  ([name]) => (names.length === 0 && (wantsHoldout || name in SETS)) || names.includes(name),
);
for (const file of extra) {
  const corpus =
    TRAINING_CORPORA[file.split("/").pop()] ?? (file.includes("other-docs") ? "docs/other-docs" : "builtin");
  sets.push([file, { file, corpus }]);
}
for (const [name, set] of sets) {
  const { corpus, index } = await loadSetCorpus(set.corpus);
  const bot = createBot({
    corpus,
    index,
    options: {
      onError: (error) => {
        throw error;
      },
    },
  });
  const rows = await gradeBot(bot, readQuestions(set.file), corpus);
  saved.push(...rows.map((row) => ({ set: name, ...row })));
  const byKind = {};
  for (const row of rows) {
    byKind[row.kind] ??= { n: 0, ok: 0 };
    const k = byKind[row.kind];
    k.n++;
    if (row.ok) k.ok++;
  }
  console.log(`${name.padEnd(12)} ${JSON.stringify(summarize(rows))}`);
  console.log(
    `  ${Object.entries(byKind)
      .map(([k, v]) => `${k} ${v.ok}/${v.n}`)
      .join("  ")}`,
  );
  if (verbose) {
    for (const row of rows) {
      if (row.ok && (row.cited || row.kind === "unanswerable" || row.kind === "offtopic")) continue;
      console.log(
        `  ✗ ${row.id} [${row.kind}] ${row.question}\n     ${row.ok ? "ok" : "WRONG"} ${row.cited ? "cited" : "uncited"} → ${row.answer.answer.replace(/\n/g, " / ").slice(0, 300)}`,
      );
    }
  }
}
if (saveTo) {
  const { writeFileSync } = await import("node:fs");
  writeFileSync(saveTo, JSON.stringify(saved));
}
