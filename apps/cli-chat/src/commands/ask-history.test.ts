import { PassThrough } from "node:stream";
import type { AskOptions } from "@newind/bot";
import { loadDefaultCorpus } from "@newind/data";
import { describe, expect, it, vi } from "vitest";
import { MAX_HISTORY_TURNS } from "../chat/backend.js";
import { run } from "./ask.js";
import { captured, commandContext } from "./testing/run-command.js";

// The real bot, with every history it is given recorded.
const histories: number[] = [];
vi.mock("@newind/bot", async (importOriginal) => {
  const bot = await importOriginal<typeof import("@newind/bot")>();
  return {
    ...bot,
    createBot: (input: Parameters<typeof bot.createBot>[0]) => {
      const created = bot.createBot(input);
      return {
        ...created,
        ask: (question: unknown, options?: AskOptions) => {
          histories.push(options?.history?.length ?? 0);
          return created.ask(question as string, options);
        },
      };
    },
  };
});

describe("newind ask --jsonl with a long conversation", () => {
  it(`passes the bot only the last ${MAX_HISTORY_TURNS} turns`, async () => {
    const turns = Array.from({ length: 100_000 }, (_, i) => `earlier question ${i} about BYD?`);
    const stdin = new PassThrough();
    stdin.end(`${JSON.stringify({ id: "q", question: "When did it start making batteries?", turns })}\n`);
    const stdout = new PassThrough();
    const out = captured(stdout);
    expect(
      await run(commandContext(["ask", "--jsonl"], { stdin, stdout, loadCorpus: loadDefaultCorpus })),
    ).toBe(0);
    expect(JSON.parse(out.text)).toMatchObject({ id: "q" });
    expect(histories).toEqual([MAX_HISTORY_TURNS]);
  });
});
