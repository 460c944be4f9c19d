import { answerQuestion, deliberate } from "../dist/answer-question.js";
import { BotContext } from "../dist/bot-context.js";
import { FITTED_MODEL } from "../dist/scoring/fitted-model.js";
const M = FITTED_MODEL.lexical; const MM = FITTED_MODEL;
import { ANSWER_FEATURES } from "../dist/scoring/features.js";
import { ABSTAIN, loadSetCorpus, readQuestions } from "./eval-sets.mjs";
const files = process.argv.slice(2);
const rows = [];
for (const file of files) {
  const corpusName = file.includes("docs") ? "docs/other-docs" : "builtin";
  const { corpus, index } = await loadSetCorpus(corpusName);
  const context = new BotContext(corpus, index);
  for (const q of readQuestions(file)) {
    const states = [];
    for (const t of q.turns ?? []) states.push(answerQuestion(context, MM, t, states).state);
    const d = deliberate(context, MM, q.question, states);
    rows.push({ q, d, ab: ABSTAIN.has(q.kind), s: corpus.sentences[d.candidates[0]?.sentence]?.text ?? "" });
  }
}
rows.sort((a, b) => b.d.confidence - a.d.confidence);
for (const r of rows.filter(r => r.ab && r.d.confidence >= M.threshold)) {
  const f = Object.fromEntries(ANSWER_FEATURES.map((n, i) => [n, +r.d.answerFeatures[i].toFixed(2)]));
  console.log(`${r.d.confidence.toFixed(2)} [${r.q.kind}] ${r.q.question.slice(0, 110)}\n     ${JSON.stringify(f)}\n     best: ${r.s.slice(0, 140)}`);
}
