import { foldText } from "@newind/search";

const HAN = /\p{Script=Han}/u;

/** A question's words for cue matching: folded, apostrophes unified, punctuation dropped. */
export function cueWords(text: string): string[] {
  return foldText(text)
    .replace(/[’ʼ`]/g, "'")
    .split(/[^\p{L}\p{N}']+/u)
    .map((word) => word.replace(/^'+|'+$/g, ""))
    .filter((word) => word.length > 0 && !HAN.test(word));
}

/** A set of cue phrases compiled for matching against {@link cueWords}. */
export class CueSet {
  readonly #phrases: ReadonlyMap<string, ReadonlyArray<readonly string[]>>;
  readonly #chinese: readonly string[];

  constructor(english: readonly string[], chinese: readonly string[] = []) {
    const byFirst = new Map<string, string[][]>();
    for (const phrase of english) {
      const words = cueWords(phrase);
      const first = words[0];
      if (first === undefined) continue;
      const list = byFirst.get(first) ?? [];
      list.push(words);
      byFirst.set(first, list);
    }
    this.#phrases = byFirst;
    this.#chinese = chinese;
  }

  /** Where the first cue starts in `words` (or -1), and whether any Chinese cue is in `text`. */
  find(words: readonly string[], text = ""): number {
    for (let i = 0; i < words.length; i++) {
      for (const phrase of this.#phrases.get(words[i] as string) ?? []) {
        if (phrase.every((word, j) => words[i + j] === word)) return i;
      }
    }
    if (this.#chinese.length > 0 && HAN.test(text) && this.#chinese.some((cue) => text.includes(cue)))
      return words.length;
    return -1;
  }

  /** True when a word of the question (a Chinese word, as the search analyser segments it) is one of this set's Chinese cues. */
  isChineseCue(word: string): boolean {
    return this.#chinese.includes(word);
  }

  /** True when a cue of this set occurs in the words or (Chinese) in the text. */
  has(words: readonly string[], text = ""): boolean {
    return this.find(words, text) >= 0;
  }

  /** How many of the words are covered by cues of this set (each word counted once). */
  coveredWords(words: readonly string[]): Set<number> {
    const covered = new Set<number>();
    for (let i = 0; i < words.length; i++) {
      for (const phrase of this.#phrases.get(words[i] as string) ?? []) {
        if (phrase.every((word, j) => words[i + j] === word))
          for (let j = 0; j < phrase.length; j++) covered.add(i + j);
      }
    }
    return covered;
  }
}
