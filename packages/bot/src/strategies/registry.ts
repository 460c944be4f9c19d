import { documentLead } from "./document-lead.js";
import type { Strategy } from "./strategy.js";

/**
 * The strategies tried before the general path, in order. Each was kept because the question
 * banks' cross-validated scores were better with it than without (scripts/fit-model.mjs --ablate).
 */
export const STRATEGIES: readonly Strategy[] = [documentLead];
