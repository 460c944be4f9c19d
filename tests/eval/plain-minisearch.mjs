#!/usr/bin/env node
// The baseline every figure of `pnpm eval` is set beside: plain MiniSearch (default options)
// over the same sentences, answering with its top sentence and never abstaining. It speaks the
// `newind` contract the shared graders run (../shared/eval/grade.mjs, grade-docs.mjs):
//   plain-minisearch.mjs ask --jsonl [--corpus DIR --no-default-corpus] [--primary]   JSON lines in, answers out
//   plain-minisearch.mjs search QUERY --limit N --json                    ranked hits
//   plain-minisearch.mjs sources --json [--corpus DIR --no-default-corpus] [--primary]
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { loadCorpus, loadDefaultCorpus } from "@newind/data/loaders";
import MiniSearch from "minisearch";

const { values, positionals } = parseArgs({
  options: {
    jsonl: { type: "boolean" },
    json: { type: "boolean" },
    limit: { type: "string" },
    corpus: { type: "string", multiple: true },
    "no-default-corpus": { type: "boolean" },
    primary: { type: "boolean" },
  },
  allowPositionals: true,
});
const corpus =
  (values.corpus && values.corpus.length > 0) || values.primary
    ? await loadCorpus({
        dirs: values.corpus ?? [],
        includeDefault: !values["no-default-corpus"],
        includePrimary: values.primary === true,
      })
    : await loadDefaultCorpus();
const texts = new Map(corpus.documents.map((document) => [document.id, document.text]));
const index = new MiniSearch({ fields: ["text"] });
index.addAll(corpus.sentences.map((sentence, id) => ({ id, text: sentence.text })));

/** The top `limit` sentences for a query, as citations. */
function hits(query, limit) {
  return index
    .search(query)
    .slice(0, limit)
    .map((result, i) => {
      const sentence = corpus.sentences[result.id];
      const { start, end } = sentence.span;
      return {
        n: i + 1,
        docId: sentence.docId,
        passageId: sentence.passageId,
        paragraph: sentence.paragraph,
        start,
        end,
        quote: texts.get(sentence.docId).slice(start, end),
        score: result.score,
      };
    });
}

const [command, ...words] = positionals;
if (command === "ask" && values.jsonl) {
  for await (const line of createInterface({ input: process.stdin })) {
    if (!line.trim()) continue;
    const { id, question } = JSON.parse(line);
    const [top] = hits(question, 1);
    const answer = top ? { answer: top.quote, citations: [top] } : { answer: "", citations: [] };
    process.stdout.write(
      `${JSON.stringify({ id, question, abstained: false, intent: "other", ...answer })}\n`,
    );
  }
} else if (command === "search") {
  process.stdout.write(
    `${JSON.stringify({ query: words.join(" "), hits: hits(words.join(" "), Number(values.limit ?? 5)) })}\n`,
  );
} else if (command === "sources") {
  process.stdout.write(`${JSON.stringify({ documents: corpus.documents })}\n`);
} else {
  process.stderr.write(
    "usage: plain-minisearch.mjs ask --jsonl | search QUERY --limit N --json | sources --json\n",
  );
  process.exitCode = 2;
}
