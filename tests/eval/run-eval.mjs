#!/usr/bin/env node
// `pnpm eval`: answer quality on every question set, through the shared graders
// (../shared/eval/grade.mjs, grade-docs.mjs), beside the previous engine's figures and plain
// MiniSearch's; then the cross-validated figures of the sets the model was fitted on
// (packages/bot/scripts/fit-model.mjs --report); then retrieval recall.
//
//   pnpm eval            everything (a few minutes)
//   pnpm eval --quick    the graders only (no cross-validation)
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { runRetrievalEval } from "./retrieval.mjs";
import { gradeSet, HAS_SHARED, NEWIND, PLAIN, SETS } from "./shared-graders.mjs";

const quick = process.argv.includes("--quick");
const previous = JSON.parse(
  readFileSync(new URL("./baselines/previous-engine.json", import.meta.url), "utf8"),
).sets;
const metric = (value) => (value === undefined || Number.isNaN(value) ? "  —  " : value.toFixed(3));

let failed = false;
let perKind = [];
if (!HAS_SHARED) {
  console.log(
    "The shared graders (../shared/eval) are not beside this repository: the answer eval is skipped.",
  );
} else {
  console.log("## Answers, through the shared graders\n");
  console.log(
    "`fitted`: the model was fitted on this set (see the cross-validated figures below); `held out`: never fitted or tuned on.\n",
  );
  console.log("| set | | n | engine | answer | citation | abstention | false abstention |");
  console.log("| --- | --- | --- | --- | --- | --- | --- | --- |");
  perKind = [];
  for (const set of SETS) {
    const graded = gradeSet(set, NEWIND);
    const plainGraded = gradeSet(set, PLAIN);
    const ours = graded.summary;
    const plain = plainGraded.summary;
    if (graded.byKind) perKind.push([set.name, graded.byKind, plainGraded.byKind ?? {}]);
    if (ours.spansValid !== undefined && ours.spansValid !== 1 && ours.spansValid !== 0) failed = true;
    const rows = [
      ["newind", ours],
      ["previous engine", previous[set.name]],
      ["plain MiniSearch", plain],
    ];
    for (const [engine, s] of rows) {
      if (!s) continue;
      console.log(
        `| ${set.name} | ${set.fitted ? "fitted" : "held out"} | ${s.n} | ${engine} | ${metric(s.answer)} | ${metric(s.cite)} | ${metric(s.abstain)} | ${metric(s.falseAbstain)} |`,
      );
    }
  }
}

if (!quick) {
  console.log(
    "\n## Cross-validated (5 folds by question; each fold answered by a model fitted without it)\n",
  );
  const fit = spawnSync(
    process.execPath,
    [fileURLToPath(new URL("../../packages/bot/scripts/fit-model.mjs", import.meta.url)), "--report"],
    {
      encoding: "utf8",
      maxBuffer: 64 << 20,
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  process.stdout.write(fit.stdout);
  if (fit.status !== 0) failed = true;
}

console.log("\n## Retrieval\n");
try {
  await runRetrievalEval();
} catch (error) {
  failed = true;
  console.error(`retrieval eval failed: ${error instanceof Error ? error.message : String(error)}`);
}
process.exitCode = failed ? 1 : 0;
