/** Types of shared-graders.mjs, for the TypeScript tests that import it. */
export interface QuestionSet {
  name: string;
  questions: string;
  dir?: string;
  /** Asked of the primary collection beside the built-in document (`--primary`). */
  primary?: boolean;
  fitted: boolean;
}
export interface Graded {
  summary: Record<string, number>;
  byKind?: Record<string, { n: number; ok: number; cited: number }>;
  output: string;
}
export const SHARED: string;
export const HAS_SHARED: boolean;
export const NEWIND: string;
export const PLAIN: string;
export const SETS: QuestionSet[];
export function gradeSet(set: QuestionSet, command?: string): Graded;
