import { answerQuestion, deliberate } from "../dist/answer-question.js";
import { BotContext } from "../dist/bot-context.js";
import { FITTED_MODEL as M } from "../dist/scoring/fitted-model.js";
import { RANKING_FEATURES } from "../dist/scoring/features.js";
import { ABSTAIN, goldSpans, loadSetCorpus, overlapsGold, readQuestions } from "./eval-sets.mjs";
for (const file of process.argv.slice(2)) {
  const corpusName = file.includes("docs") ? "docs/other-docs" : "builtin";
  const { corpus, index } = await loadSetCorpus(corpusName);
  const context = new BotContext(corpus, index);
  for (const q of readQuestions(file)) {
    if (ABSTAIN.has(q.kind)) continue;
    const states = [];
    for (const t of q.turns ?? []) states.push(answerQuestion(context, M, t, states).state);
    const d = deliberate(context, M, q.question, states);
    const gold = goldSpans(q, corpus);
    const isGold = (c) => { const s = corpus.sentences[c.sentence]; return overlapsGold({ docId: s.docId, ...s.span }, gold); };
    const gr = d.candidates.findIndex(isGold);
    if (gr <= 0) continue;
    const b = d.candidates[0], g = d.candidates[gr];
    const diff = RANKING_FEATURES.map((n, i) => [n, b.features[i], g.features[i], M.ranking.weights[i] * (g.features[i] - b.features[i])]).filter(x => Math.abs(x[3]) > 0.15).sort((x, y) => x[3] - y[3]).map(x => `${x[0]}:${x[1].toFixed(2)}→${x[2].toFixed(2)}(${x[3].toFixed(2)})`);
    console.log(`${q.id} [${q.kind}] gr=${gr} Δ=${(g.logit - b.logit).toFixed(2)} ${q.question.slice(0, 100)}`);
    console.log(`   concepts: ${d.analysis.concepts.map(c => `${c.word}:${c.role.slice(0,3)}${c.known ? "" : "?"}:${c.weight.toFixed(1)}`).join(" ")}`);
    console.log(`   best: ${corpus.sentences[b.sentence].text.slice(0, 120)}`);
    console.log(`   gold: ${corpus.sentences[g.sentence].text.slice(0, 120)}`);
    console.log(`   ${diff.join(" ")}`);
  }
}
