import { MAX_ANSWER_LENGTH, tidySentence } from "./compose.js";
import { type Draft, type StrategyInput, spanOf } from "./draft.js";
import type { SentenceRecord } from "./evidence-index.js";

// Words that name the document itself, and words that only ask what it is about.
const DOCUMENT_NOUNS = new Set(
  "piece article report analysis document text paper essay story writeup source sources".split(" "),
);
const TOPIC_WORDS = new Set(
  "about gist summary summarize summarise sum topic topics subject theme themes point takeaway takeaways overview tldr nutshell argument thesis".split(
    " ",
  ),
);
const FRAME_WORDS = new Set(
  "what whats what's is are was were the this that these a an it its it's in of on for so me us you i can could would please tell give describe explain mainly main mostly basically overall generally really short brief briefly up key central big picture idea one sentence line quick quickly core essence primary chief overarching all".split(
    " ",
  ),
);

/**
 * True for "what's this piece about?", "the gist of the article in a nutshell", "summarize the
 * report": a question about the document as a whole, with nothing asked but its topic.
 */
export function asksDocumentTopic(question: string): boolean {
  const words = (question
    .toLowerCase()
    .replace(/[’]/g, "'")
    .replace(/tl;?dr/g, "tldr")
    .match(/[a-z']+/g) ?? []) as string[];
  if (words.length === 0) return false;
  const topic = words.some((word) => TOPIC_WORDS.has(word));
  const document = words.some((word) => DOCUMENT_NOUNS.has(word));
  if (!topic || !(document || words.includes("tldr"))) return false;
  return words.every((word) => DOCUMENT_NOUNS.has(word) || TOPIC_WORDS.has(word) || FRAME_WORDS.has(word));
}

/** Answers a question about the document's topic with its standfirst (the summary under the title). */
export function answerDocumentTopic(input: StrategyInput): Draft | undefined {
  if (!asksDocumentTopic(input.analysis.question)) return undefined;
  const summary = input.context.index.sentences.filter((record) => record.passage.role === "standfirst");
  if (summary.length === 0) return undefined;
  const composer = input.newComposer();
  const sentences: SentenceRecord[] = [];
  for (const record of summary) {
    const text = tidySentence(record.text);
    if (composer.lengthWith(text) > MAX_ANSWER_LENGTH) break;
    composer.sentence({ text, spans: [spanOf(record)] });
    sentences.push(record);
  }
  if (sentences.length === 0) return undefined;
  return {
    composer,
    intent: "definition",
    sentences,
    long: false,
    best: input.ranked.find((r) => r.record.id === sentences[0]?.id) ?? input.ranked[0],
    confident: true,
  };
}
