#!/usr/bin/env node
// Compares two saved eval runs (scripts/eval.mjs --save=FILE): the questions whose grade changed.
import { readFileSync } from "node:fs";

const [a, b] = process.argv.slice(2).map((file) => JSON.parse(readFileSync(file, "utf8")));
const before = new Map(a.map((row) => [`${row.set}/${row.id}`, row]));
let gained = 0;
let lost = 0;
for (const row of b) {
  const old = before.get(`${row.set}/${row.id}`);
  if (!old || old.ok === row.ok) continue;
  if (row.ok) gained++;
  else lost++;
  console.log(`${row.ok ? "+" : "-"} ${row.set}/${row.id} [${row.kind}] ${row.question.slice(0, 100)}`);
  console.log(`    before: ${old.answer.answer.replace(/\n/g, " / ").slice(0, 260)}`);
  console.log(`    after:  ${row.answer.answer.replace(/\n/g, " / ").slice(0, 260)}`);
}
console.log(`${gained} gained, ${lost} lost`);
