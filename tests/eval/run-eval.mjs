#!/usr/bin/env node
// `pnpm eval`: the project's own evaluation on ../shared/eval (or its copies in
// questions/), plus the held-back validation sets. Each part is a module
// exporting one function; this file runs them in turn and fails when one throws.
import { fileURLToPath } from "node:url";
import { runAnswerEval } from "./answers.mjs";
import { runRetrievalEval } from "./retrieval.mjs";

// Questions written apart from the code and never tuned on (questions/validation/README.md).
const UNSEEN = ["unseen-1.jsonl", "unseen-2.jsonl"].map((name) =>
  fileURLToPath(new URL(`./questions/validation/${name}`, import.meta.url)),
);

const parts = [
  ["retrieval", () => runRetrievalEval()],
  ["answers", () => runAnswerEval()],
  ["answers on unseen questions", () => runAnswerEval({ questions: UNSEEN })],
];

let failed = false;
for (const [name, part] of parts) {
  console.log(`\n## ${name}\n`);
  try {
    await part();
  } catch (error) {
    failed = true;
    console.error(`${name} eval failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
process.exitCode = failed ? 1 : 0;
