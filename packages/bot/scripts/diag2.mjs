import { answerQuestion, deliberate } from "../dist/answer-question.js";
import { BotContext } from "../dist/bot-context.js";
import { createBot } from "../dist/index.js";
import { FITTED_MODEL as M } from "../dist/scoring/fitted-model.js";
import { ABSTAIN, goldSpans, gradeAnswer, loadSetCorpus, overlapsGold, readQuestions } from "./eval-sets.mjs";

const files = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const show = process.argv.find((a) => a.startsWith("--show="))?.slice(7);
const cats = {};
for (const file of files) {
  const corpusName = file.includes("docs") ? "docs/other-docs" : "builtin";
  const { corpus, index } = await loadSetCorpus(corpusName);
  const context = new BotContext(corpus, index);
  const bot = createBot({ corpus, index });
  for (const q of readQuestions(file)) {
    if (ABSTAIN.has(q.kind)) continue;
    const states = [];
    for (const t of q.turns ?? []) states.push(answerQuestion(context, M, t, states).state);
    const d = deliberate(context, M, q.question, states);
    const gold = goldSpans(q, corpus);
    const isGold = (c) => {
      const s = corpus.sentences[c.sentence];
      return overlapsGold({ docId: s.docId, ...s.span }, gold);
    };
    const gr = d.candidates.findIndex(isGold);
    const a = await bot.ask(q.question, { history: q.turns ?? [] });
    const g = gradeAnswer(q, a, corpus);
    const cat = g.ok
      ? "ok"
      : a.abstained
        ? "abstained"
        : gr === 0
          ? "top1-gold-but-wrong"
          : gr < 0
            ? "gold-not-candidate"
            : "ranking";
    (cats[cat] ??= []).push(q.kind);
    if (show && cat === show) {
      console.log(
        `${q.id} [${q.kind}] goldRank=${gr} conf=${d.confidence.toFixed(2)} ${q.question}${q.turns ? "  (turns: " + q.turns.join(" | ") + ")" : ""}`,
      );
      console.log(`   must: ${JSON.stringify(q.must_include)}`);
      console.log(`   ans: ${a.answer.replace(/\n/g, " / ").slice(0, 400)}`);
      if (gr > 0) console.log(`   gold: ${corpus.sentences[d.candidates[gr].sentence].text.slice(0, 200)}`);
    }
  }
}
for (const [k, v] of Object.entries(cats)) {
  const by = {};
  for (const x of v) by[x] = (by[x] ?? 0) + 1;
  console.log(k, v.length, JSON.stringify(by));
}
