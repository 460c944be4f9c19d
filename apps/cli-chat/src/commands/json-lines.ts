/** One line of input: its text, or the news that it was too long to keep. */
export type InputLine =
  | { readonly number: number; readonly text: string; readonly tooLong?: undefined }
  | { readonly number: number; readonly tooLong: true; readonly bytes: number };

/**
 * The longest line `ask --jsonl` reads (16 MiB): room for a conversation of a hundred
 * thousand turns, far from what would exhaust memory (readline fails near 512 MiB).
 */
export const MAX_LINE_BYTES = 16 * 1024 * 1024;

const NEWLINE = 0x0a;

/**
 * Splits a byte stream into lines (LF or CRLF), numbered from 1, decoded as UTF-8. A UTF-8
 * byte-order mark starting a line is dropped (the file's first, or that of a file
 * concatenated after another). A line longer than `maxLineBytes` is not
 * kept: its bytes are skipped up to the next line break and it comes out as `tooLong`, so
 * one enormous line (readline fails on half a gigabyte) costs no memory and the rest are
 * still read. Reading is pulled: the next chunk is read only when the caller asks for the
 * next line, so a slow consumer holds the input back instead of buffering it.
 *
 * @example
 * for await (const line of readLines(process.stdin)) if (!line.tooLong) console.log(line.number, line.text);
 */
export async function* readLines(
  input: AsyncIterable<Buffer | string>,
  maxLineBytes = MAX_LINE_BYTES,
): AsyncGenerator<InputLine> {
  // TextDecoder drops a byte-order mark at the start of what it decodes: of each line.
  const decoder = new TextDecoder("utf-8");
  let pieces: Buffer[] = [];
  let length = 0;
  let skipping = false;
  let skipped = 0;
  let number = 0;
  const finish = (): InputLine => {
    number++;
    if (skipping) {
      skipping = false;
      const bytes = skipped;
      skipped = 0;
      return { number, tooLong: true, bytes };
    }
    const bytes = pieces.length === 1 ? (pieces[0] as Buffer) : Buffer.concat(pieces, length);
    pieces = [];
    length = 0;
    let text = decoder.decode(bytes);
    if (text.endsWith("\r")) text = text.slice(0, -1);
    return { number, text };
  };
  const keep = (chunk: Buffer) => {
    if (chunk.length === 0) return;
    if (skipping) {
      skipped += chunk.length;
      return;
    }
    if (length + chunk.length > maxLineBytes) {
      skipping = true;
      skipped = length + chunk.length;
      pieces = [];
      length = 0;
      return;
    }
    pieces.push(chunk);
    length += chunk.length;
  };
  for await (const data of input) {
    const chunk = typeof data === "string" ? Buffer.from(data, "utf8") : data;
    let from = 0;
    for (let at = chunk.indexOf(NEWLINE); at >= 0; at = chunk.indexOf(NEWLINE, from)) {
      keep(chunk.subarray(from, at));
      yield finish();
      from = at + 1;
    }
    keep(Buffer.from(chunk.subarray(from)));
  }
  if (skipping || length > 0) yield finish();
}

/**
 * Writes `text` to `output`, waiting for it to drain when its buffer is full, so a reader
 * that stalls holds newind back instead of making it buffer every answer in memory.
 */
export async function writeWithBackpressure(output: NodeJS.WritableStream, text: string): Promise<void> {
  if (output.write(text)) return;
  await new Promise<void>((resolve) => {
    const done = () => {
      output.off("drain", done);
      output.off("close", done);
      output.off("error", done);
      resolve();
    };
    output.on("drain", done);
    output.on("close", done);
    output.on("error", done);
  });
}
