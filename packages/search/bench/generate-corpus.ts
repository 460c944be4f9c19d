import { seededRandom } from "@newind/bench-kit";
import type { Corpus, Passage, Sentence, SourceDocument } from "@newind/core";

/**
 * Generates a corpus of `passageCount` passages of realistic text: sentences from a word
 * bigram chain trained on `source`'s sentences, with `source`'s distribution of sentence
 * lengths and of sentences per passage. Documents of 1,000 passages each; spans exact.
 */
export function generateCorpus(source: Corpus, passageCount: number, seed = 42): Corpus {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const next = new Map<string, string[]>();
  const starts: string[] = [];
  const lengths: number[] = [];
  for (const sentence of source.sentences) {
    const words = sentence.text.split(/\s+/).filter((word) => word.length > 0);
    if (words.length < 3) continue;
    lengths.push(words.length);
    starts.push(words[0] as string);
    for (let i = 0; i + 1 < words.length; i++) {
      const list = next.get(words[i] as string) ?? [];
      list.push(words[i + 1] as string);
      next.set(words[i] as string, list);
    }
  }
  const perPassage = source.passages
    .map((passage) => source.sentences.filter((sentence) => sentence.passageId === passage.id).length)
    .filter((count) => count > 0);
  const sentenceText = () => {
    const length = pick(lengths);
    let word = pick(starts);
    const words = [word];
    while (words.length < length) {
      const options = next.get(word);
      word = options ? pick(options) : pick(starts);
      words.push(word);
    }
    const text = words.join(" ").replace(/[.:;,!?]+$/, "");
    return `${text}.`;
  };

  const documents: SourceDocument[] = [];
  const passages: Passage[] = [];
  const sentences: Sentence[] = [];
  const perDocument = 1000;
  for (let d = 0; d * perDocument < passageCount; d++) {
    const docId = `generated-${d}`;
    // Parts joined once at the end: slicing a string that keeps growing would pin a flat
    // copy of the whole document for every passage.
    const parts: string[] = [];
    let length = 0;
    for (let p = 0; p < perDocument && d * perDocument + p < passageCount; p++) {
      const passageId = `${docId}:p${p}`;
      const start = length;
      const count = pick(perPassage);
      const texts: string[] = [];
      let offset = start;
      for (let s = 0; s < count; s++) {
        if (s > 0) offset += 1;
        const sentence = sentenceText();
        sentences.push({
          id: `${passageId}.s${s}`,
          docId,
          passageId,
          paragraph: p + 1,
          span: { start: offset, end: offset + sentence.length },
          text: sentence,
        });
        texts.push(sentence);
        offset += sentence.length;
      }
      const passageText = texts.join(" ");
      passages.push({
        id: passageId,
        docId,
        kind: "paragraph",
        role: "body",
        paragraph: p + 1,
        span: { start, end: start + passageText.length },
        text: passageText,
        footnotes: [],
      });
      parts.push(passageText, "\n\n");
      length += passageText.length + 2;
    }
    const text = parts.join("");
    documents.push({ id: docId, title: `Generated ${d}`, authors: [], sha256: "0".repeat(64), text });
  }
  return {
    documents,
    passages,
    sentences,
    footnotes: [],
    datasets: source.datasets,
    hash: `generated-${passageCount}-${seed}`,
  };
}

/**
 * Queries for a generated corpus: the dev questions, plus `count` short queries of 2–4
 * content words from random sentences, a third of them with one typo (a dropped,
 * doubled or swapped letter).
 */
export function generateQueries(
  corpus: Corpus,
  questions: readonly string[],
  count: number,
  seed = 7,
): string[] {
  const random = seededRandom(seed);
  const queries = [...questions];
  const words = (text: string) => text.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 3);
  while (queries.length < questions.length + count) {
    const sentence = corpus.sentences[Math.floor(random() * corpus.sentences.length)];
    const candidates = words(sentence?.text ?? "");
    if (candidates.length < 2) continue;
    const size = 2 + Math.floor(random() * 3);
    const chosen: string[] = [];
    for (let i = 0; i < size; i++)
      chosen.push(candidates[Math.floor(random() * candidates.length)] as string);
    if (random() < 1 / 3) {
      const i = Math.floor(random() * chosen.length);
      chosen[i] = typo(chosen[i] as string, random);
    }
    queries.push(chosen.join(" ").toLowerCase());
  }
  return queries;
}

function typo(word: string, random: () => number): string {
  const at = 1 + Math.floor(random() * (word.length - 2));
  const kind = Math.floor(random() * 3);
  if (kind === 0) return word.slice(0, at) + word.slice(at + 1);
  if (kind === 1) return word.slice(0, at) + word.charAt(at) + word.slice(at);
  return word.slice(0, at) + word.charAt(at + 1) + word.charAt(at) + word.slice(at + 2);
}
