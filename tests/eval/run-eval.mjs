#!/usr/bin/env node
// `pnpm eval`: the project's own evaluation on ../shared/eval. Each part is a module
// exporting one function; this file runs them in turn and fails when one throws.
import { runAnswerEval } from "./answers.mjs";
import { runRetrievalEval } from "./retrieval.mjs";

const parts = [
  ["retrieval", () => runRetrievalEval()],
  ["answers", () => runAnswerEval()],
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
