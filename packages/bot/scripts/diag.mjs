import { deliberate, answerQuestion } from "/work/main/packages/bot/dist/answer-question.js";
import { BotContext } from "/work/main/packages/bot/dist/bot-context.js";
import { FITTED_MODEL } from "/work/main/packages/bot/dist/scoring/fitted-model.js";
import { FEATURES } from "/work/main/packages/bot/dist/scoring/features.js";
import { ABSTAIN, goldSpans, loadSetCorpus, overlapsGold, readQuestions } from "/work/main/packages/bot/scripts/eval-sets.mjs";
const [file, corpusName = "builtin", mode = "unans"] = process.argv.slice(2);
const { corpus, index } = await loadSetCorpus(corpusName);
const context = new BotContext(corpus, index);
const f = (c, n) => c.features[FEATURES.indexOf(n)].toFixed(2);
for (const q of readQuestions(file)) {
  const states = [];
  for (const t of q.turns ?? []) states.push(answerQuestion(context, FITTED_MODEL, t, states).state);
  const d = deliberate(context, FITTED_MODEL, q.question, states);
  const best = d.candidates[0];
  const isAb = ABSTAIN.has(q.kind);
  if (mode === "unans" && !isAb) continue;
  if (mode === "ans" && isAb) continue;
  const gold = isAb ? [] : goldSpans(q, corpus);
  const goldRank = d.candidates.findIndex(c => { const s = corpus.sentences[c.sentence]; return overlapsGold({docId: s.docId, ...s.span}, gold); });
  if (mode === "ans" && goldRank === 0) continue;
  const s = corpus.sentences[best.sentence];
  console.log(`${q.id} [${q.kind}] p=${best.probability.toFixed(2)} goldRank=${goldRank} intent=${d.analysis.intent} ${q.question}`);
  console.log(`   concepts: ${d.analysis.concepts.map(c => `${c.word}:${c.role[0]}${c.known?"":"?"}:${c.weight.toFixed(1)}`).join(" ")}${d.inherited.length ? " | inh: " + d.inherited.map(c=>c.word).join(" ") : ""}`);
  console.log(`   cov=${f(best,"coverage")} ctx=${f(best,"coverageInContext")} cur=${f(best,"coverageCurated")} miss=${f(best,"missing")} unk=${f(best,"unknown")} type=${f(best,"answerType")} :: ${s.text.slice(0, 160)}`);
  if (goldRank > 0) { const g = d.candidates[goldRank]; console.log(`   GOLD p=${g.probability.toFixed(2)} cov=${f(g,"coverage")} ctx=${f(g,"coverageInContext")} :: ${corpus.sentences[g.sentence].text.slice(0,160)}`); }
}
