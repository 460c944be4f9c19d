import { documentAuthors } from "./document-authors.js";
import { documentLead } from "./document-lead.js";
import type { Strategy } from "./strategy.js";

/**
 * The strategies tried before the general path, in order. Each is kept only while the question
 * banks' cross-validated scores are better with it than without (`scripts/fit-model.mjs
 * --report --without=NAME`). document-lead, 2026-12-07: citation accuracy 0.805 with it, 0.803
 * without on the built-in document; 0.674 and 0.661 on documents without curated data, whose
 * false abstention is 0.023 with it, 0.028 without; answer accuracy the same. document-authors,
 * 2026-12-08: documents without curated data answer 0.587 with it, 0.578 without (citations
 * 0.679 and 0.670; its who-questions 9/21 and 7/21); built-in 0.768 either way (0.769 while
 * its cues echoed one training follow-up's "who did she write…", since dropped), citations and
 * abstention the same.
 */
export const STRATEGIES: readonly Strategy[] = [documentLead, documentAuthors];
