import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type InputLine, readLines } from "./json-lines.js";

async function* chunks(bytes: Buffer, sizes: readonly number[]): AsyncGenerator<Buffer> {
  let at = 0;
  for (const size of sizes) {
    if (at >= bytes.length) break;
    yield bytes.subarray(at, at + size);
    at += size;
  }
  if (at < bytes.length) yield bytes.subarray(at);
}

async function collect(lines: AsyncIterable<InputLine>): Promise<InputLine[]> {
  const out: InputLine[] = [];
  for await (const line of lines) out.push(line);
  return out;
}

describe(readLines, () => {
  it("gives the same lines however the input is cut into chunks, CRLF and all", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.string({ unit: "grapheme", maxLength: 12 }).map((s) => s.replace(/[\r\n]/g, "")),
          {
            maxLength: 8,
          },
        ),
        fc.array(fc.integer({ min: 1, max: 7 }), { maxLength: 40 }),
        fc.boolean(),
        async (texts, sizes, crlf) => {
          const input = Buffer.from(texts.map((text) => `${text}${crlf ? "\r\n" : "\n"}`).join(""), "utf8");
          const lines = await collect(readLines(chunks(input, sizes)));
          expect(lines).toEqual(texts.map((text, i) => ({ number: i + 1, text })));
        },
      ),
    );
  });

  it("drops a byte-order mark starting a line, even split over chunks, and keeps any other", async () => {
    const input = Buffer.from("\ufeff{}\n\ufeffx\ufeff\n", "utf8");
    const lines = await collect(readLines(chunks(input, [1, 1, 1, 1])));
    expect(lines).toEqual([
      { number: 1, text: "{}" },
      { number: 2, text: "x\ufeff" },
    ]);
  });

  it("reports a line over the limit without keeping it, and goes on", async () => {
    const input = Buffer.from(`short\n${"x".repeat(100)}\nnext\n${"y".repeat(100)}`, "utf8");
    const lines = await collect(readLines(chunks(input, [3, 10, 10, 50, 50, 50]), 20));
    expect(lines).toEqual([
      { number: 1, text: "short" },
      { number: 2, tooLong: true, bytes: 100 },
      { number: 3, text: "next" },
      { number: 4, tooLong: true, bytes: 100 },
    ]);
  });
});
