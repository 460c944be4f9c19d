/** A piece of text found by {@link segmentText}: `segment === text.slice(index, index + segment.length)`. */
export interface TextSegment {
  readonly index: number;
  readonly segment: string;
}

/** The first window; segments straddling its end are read again in the next one. */
const WINDOW = 2048;

/**
 * Iterates `segmenter.segment(text)` in linear time. Node 20's `Intl.Segmenter` copies the
 * whole input for every segment it returns, so a megabyte of text with many segments costs
 * minutes; here the text is segmented a window at a time. The last two segments of a
 * window are read again at the start of the next (a break may depend on the text after
 * it: "etc. (1999) and" does not break, "etc. (1999) And" does), so the segments are the
 * ones `segmenter.segment(text)` gives wherever a break looks no further ahead than the
 * window. A segment longer than a window is found by doubling the window, reading only
 * the first segment of a grown window.
 *
 * @example
 * const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });
 * [...segmentText(graphemes, "e\u0301!")].map((part) => part.segment); // ["é", "!"]
 */
export function* segmentText(segmenter: Intl.Segmenter, text: string): Generator<TextSegment> {
  if (text.length <= WINDOW) {
    for (const { index, segment } of segmenter.segment(text)) yield { index, segment };
    return;
  }
  let from = 0;
  let window = WINDOW;
  while (from < text.length) {
    let to = Math.min(text.length, from + window);
    // Never end a window between the halves of a surrogate pair.
    const last = text.charCodeAt(to - 1);
    if (to < text.length && last >= 0xd800 && last <= 0xdbff) to++;
    const final = to >= text.length;
    const grown = window > WINDOW;
    // Two segments behind the one being read: a segment is yielded once two more follow it.
    const pending: TextSegment[] = [];
    let yielded = 0;
    for (const { index, segment } of segmenter.segment(text.slice(from, to))) {
      pending.push({ index: from + index, segment });
      if (final) continue;
      if (pending.length > 2) {
        yield pending.shift() as TextSegment;
        yielded++;
        // In a grown window only its first segment is taken: the window is long, and every
        // further segment read in it would cost the whole window again.
        if (grown) break;
      }
    }
    if (final) {
      yield* pending;
      return;
    }
    if (yielded === 0) {
      window *= 2;
      continue;
    }
    const next = pending[0];
    from = next ? next.index : to;
    window = WINDOW;
  }
}
