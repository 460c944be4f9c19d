import type { Intent } from "@newind/core";
import type { Concept } from "../question/analyze-question.js";

/**
 * What a turn of a conversation leaves for the next: the subject it was about, what it asked
 * for, and the sentences its answer cited. A refused turn carries no subject forward.
 */
export interface TurnState {
  /** The question as analysed. */
  question: string;
  /** The content concepts the turn was about (its own, and any it inherited). */
  subject: readonly Concept[];
  intent: Intent;
  /** Sentence numbers its answer cited. */
  evidence: readonly number[];
  /** False when the turn was refused (off topic, or not in the documents). */
  answered: boolean;
}
