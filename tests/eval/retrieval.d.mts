/** Types of retrieval.mjs, for the TypeScript tests that import it. */
export interface EvalQuestion {
  id: string;
  kind: string;
  question: string;
  turns?: string[];
  evidence: string[];
}
export type Recall = Record<"r@1" | "r@3" | "r@5", number>;
export const REPO_ROOT: string;
export const SHARED_EVAL_DIR: string;
export function readQuestions(file?: string): EvalQuestion[];
export function recallAt(
  questions: EvalQuestion[],
  text: string,
  search: (question: string) => Array<{ start: number; end: number }>,
): {
  n: number;
  recall: Recall;
  byKind: Record<string, { n: number; 1: number; 3: number; 5: number }>;
  ranks: Array<{ id: string; kind: string; rank: number }>;
};
export function misspell(question: string, seed: number): string;
export function runRetrievalEval(options?: { questions?: string; print?: (line: string) => void }): Promise<{
  n: number;
  newind: Recall;
  plain: Recall;
  newindTypos: Recall;
  plainTypos: Recall;
  byKind: Record<string, { n: number; 1: number; 3: number; 5: number }>;
  misses: Array<{ id: string; kind: string; rank: number }>;
}>;
