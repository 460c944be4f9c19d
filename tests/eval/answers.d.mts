/** Types of answers.mjs, for the TypeScript tests that import it. */
export interface AnswerSummary {
  n: number;
  answer: number;
  cite: number;
  spansValid: number;
  abstain: number;
  falseAbstain: number;
  tooLong: number;
}
export interface AnswerRow {
  id: string;
  kind: string;
  ok: boolean;
  cited: boolean;
  abstained: boolean | null;
  long: boolean;
}
export function gradeAnswers(
  questions: Array<{ id: string; kind: string; must_include: string[][]; evidence: string[] }>,
  answers: Map<
    string,
    { answer: string; abstained: boolean; citations: Array<{ start: number; end: number; quote: string }> }
  >,
  text: string,
): {
  summary: AnswerSummary;
  byKind: Record<string, { n: number; ok: number; cited: number }>;
  rows: AnswerRow[];
};
export function runAnswerEval(options?: {
  questions?: string[];
  print?: (line: string) => void;
  verbose?: boolean;
}): Promise<{
  summary: AnswerSummary;
  baseline: AnswerSummary;
  byKind: Record<string, { n: number; ok: number; cited: number }>;
  misses: AnswerRow[];
}>;
