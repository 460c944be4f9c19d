// Runs the question sets through the shared graders (../shared/eval/grade.mjs and
// grade-docs.mjs, beside the repository): the one grader behind every question-set figure and
// test. Each grader runs a command that speaks the `newind` contract — the built binary, or the
// plain-MiniSearch baseline — over `ask --jsonl`.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
/** The shared eval folder beside the repository, when it is there. */
export const SHARED = here("../../../shared/");
export const HAS_SHARED = existsSync(`${SHARED}eval/grade.mjs`) && existsSync(`${SHARED}eval/grade-docs.mjs`);
const QUESTIONS = here("./questions/");
const BUILTIN_TEXT = `${SHARED}corpus/new-industrialization.txt`;

/** The built `newind` binary, as a grader's --cmd. */
export const NEWIND = `node ${here("../../apps/cli-chat/dist/newind.js")}`;
/** Plain MiniSearch's top sentence, as a grader's --cmd. */
export const PLAIN = `node ${here("./plain-minisearch.mjs")}`;
/** Runs $NEWIND_INNER with `--primary` for the sets over the primary collection (see with-primary.mjs). */
const WITH_PRIMARY = `node ${here("./with-primary.mjs")}`;

/**
 * The question sets, by name. `fitted` sets are the ones the bot's model was fitted on (their
 * honest figures are the cross-validated ones of packages/bot/scripts/fit-model.mjs); `holdout`
 * sets were written apart from the code and never fitted or tuned on.
 */
export const SETS = [
  { name: "dev", questions: `${SHARED}eval/dev.jsonl`, fitted: true },
  { name: "dev-abstain", questions: `${SHARED}eval/dev-abstain.jsonl`, fitted: true },
  { name: "bank-a", questions: `${SHARED}eval/bank-a.jsonl`, fitted: true },
  { name: "bank-b", questions: `${SHARED}eval/bank-b.jsonl`, fitted: true },
  {
    name: "other-docs",
    questions: `${SHARED}eval/other-docs.jsonl`,
    dir: `${SHARED}eval/other-docs`,
    fitted: true,
  },
  { name: "holdout-builtin", questions: `${QUESTIONS}holdout/builtin-2026-12.jsonl`, fitted: false },
  {
    name: "holdout-builtin-final",
    questions: `${QUESTIONS}holdout/builtin-2026-12-final.jsonl`,
    fitted: false,
  },
  {
    name: "holdout-final-docs",
    questions: `${QUESTIONS}holdout/final-docs-2026-12.jsonl`,
    dir: `${QUESTIONS}docs/final-docs`,
    fitted: false,
  },
  {
    name: "other-docs-2",
    questions: `${QUESTIONS}training/other-docs-2026-12.jsonl`,
    dir: `${QUESTIONS}docs/other-docs`,
    fitted: true,
  },
  {
    name: "written-docs",
    questions: `${QUESTIONS}training/written-docs-2026-12.jsonl`,
    dir: `${QUESTIONS}docs/written-docs`,
    fitted: true,
  },
  {
    name: "primary",
    questions: `${QUESTIONS}training/primary-2026-12.jsonl`,
    primary: true,
    fitted: true,
  },
  {
    name: "primary-2",
    questions: `${QUESTIONS}training/primary-2026-12-2.jsonl`,
    primary: true,
    fitted: true,
  },
  {
    name: "holdout-primary",
    questions: `${QUESTIONS}holdout/primary-2026-12-b.jsonl`,
    primary: true,
    fitted: false,
  },
  { name: "validation-unseen-1", questions: `${QUESTIONS}validation/unseen-1.jsonl`, fitted: false },
  { name: "validation-unseen-2", questions: `${QUESTIONS}validation/unseen-2.jsonl`, fitted: false },
];

/** Parses a grader's "key=value key=value" summary line. */
function parseSummary(line) {
  return Object.fromEntries(
    line
      .trim()
      .split(/\s+/)
      .map((pair) => pair.split("="))
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => [key, Number(value)]),
  );
}

/**
 * Grades one set with the shared grader for its kind of corpus, running `command`.
 * @returns {{summary: Record<string, number>, byKind?: Record<string, {n: number, ok: number, cited: number}>, output: string}}
 */
export function gradeSet(set, command = NEWIND) {
  if (!HAS_SHARED) throw new Error("the shared graders (../shared/eval) are not beside the repository");
  if (set.dir || set.primary) {
    // The primary sets run through with-primary.mjs, which drops the folder grade-docs.mjs passes.
    const run = spawnSync(
      process.execPath,
      [
        `${SHARED}eval/grade-docs.mjs`,
        "--questions",
        set.questions,
        "--dir",
        set.dir ?? QUESTIONS,
        "--cmd",
        set.primary ? WITH_PRIMARY : command,
      ],
      {
        encoding: "utf8",
        maxBuffer: 64 << 20,
        timeout: 600_000,
        env: set.primary ? { ...process.env, NEWIND_INNER: command } : process.env,
      },
    );
    const line = run.stdout.split("\n").find((l) => l.startsWith("n=")) ?? "";
    return { summary: parseSummary(line), output: run.stdout + run.stderr };
  }
  const folder = mkdtempSync(join(tmpdir(), "newind-grade-"));
  try {
    const out = join(folder, "grade.json");
    const run = spawnSync(
      process.execPath,
      [
        `${SHARED}eval/grade.mjs`,
        "--questions",
        set.questions,
        "--corpus",
        BUILTIN_TEXT,
        "--cmd",
        command,
        "--search",
        "off",
        "--json",
        out,
      ],
      { encoding: "utf8", maxBuffer: 64 << 20, timeout: 600_000 },
    );
    if (!existsSync(out)) return { summary: {}, output: run.stdout + run.stderr };
    const { summary, byKind } = JSON.parse(readFileSync(out, "utf8"));
    return { summary, byKind, output: run.stdout + run.stderr };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
