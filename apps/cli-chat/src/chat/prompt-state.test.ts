import { describe, expect, it } from "vitest";
import type { KeyAction } from "./key-decoder.js";
import { INITIAL_PROMPT, type PromptEvent, type PromptState, reducePrompt } from "./prompt-state.js";

function run(
  actions: KeyAction[],
  history: string[] = [],
  citations: number[] = [],
): { state: PromptState; events: PromptEvent[] } {
  let state = INITIAL_PROMPT;
  const events: PromptEvent[] = [];
  for (const action of actions) {
    const result = reducePrompt(state, action, history, citations);
    state = result.state;
    events.push(...result.events);
  }
  return { state, events };
}

const type = (text: string): KeyAction => ({ type: "insert", text });

describe(reducePrompt, () => {
  it("submits the trimmed line once and clears it", () => {
    const { state, events } = run([type(" why? "), { type: "submit" }]);
    expect(events).toEqual([{ type: "submit", text: "why?" }]);
    expect(state.line.text).toBe("");
  });
  it("does not submit an empty line", () => {
    expect(run([{ type: "submit" }]).events).toEqual([]);
  });
  it("submits a pasted question joined to what was typed before it", () => {
    const { events } = run([type("Q: "), { type: "paste", text: "when?", submit: true }]);
    expect(events).toEqual([{ type: "submit", text: "Q: when?" }]);
  });
  it("walks the history with up and down and restores the draft", () => {
    const history = ["first", "second"];
    const up1 = run([type("dra"), { type: "up" }], history);
    expect(up1.state.line.text).toBe("second");
    const up2 = run([type("dra"), { type: "up" }, { type: "up" }, { type: "up" }], history);
    expect(up2.state.line.text).toBe("first");
    const back = run(
      [type("dra"), { type: "up" }, { type: "up" }, { type: "down" }, { type: "down" }],
      history,
    );
    expect(back.state.line.text).toBe("dra");
  });
  it("Ctrl+C clears the line, and a second Ctrl+C exits", () => {
    const once = run([type("abc"), { type: "interrupt" }]);
    expect(once.state.line.text).toBe("");
    expect(once.events).toEqual([]);
    expect(run([type("abc"), { type: "interrupt" }, { type: "interrupt" }]).events).toEqual([
      { type: "exit" },
    ]);
    expect(run([{ type: "interrupt" }, { type: "interrupt" }]).events).toEqual([{ type: "exit" }]);
  });
  it("a key between two Ctrl+C presses disarms the exit", () => {
    expect(run([{ type: "interrupt" }, type("x"), { type: "interrupt" }]).events).toEqual([]);
  });
  it("Ctrl+D exits on an empty line and deletes forward otherwise", () => {
    expect(run([{ type: "eof" }]).events).toEqual([{ type: "exit" }]);
    const some = run([type("ab"), { type: "home" }, { type: "eof" }]);
    expect(some.events).toEqual([]);
    expect(some.state.line.text).toBe("b");
  });
  it("Tab completes a unique command and cycles through ambiguous ones", () => {
    expect(run([type("/me"), { type: "tab" }]).state.line.text).toBe("/metrics ");
    expect(run([type("/s"), { type: "tab" }]).state.line.text).toBe("/sources");
    expect(run([type("/s"), { type: "tab" }, { type: "tab" }]).state.line.text).toBe("/search");
    expect(run([type("/c"), { type: "tab" }]).state.line.text).toBe("/compare");
    expect(run([type("/c"), { type: "tab" }, { type: "tab" }]).state.line.text).toBe("/copy");
    expect(run([type("/c"), { type: "tab" }, { type: "tab" }, { type: "tab" }]).state.line.text).toBe(
      "/clear",
    );
  });
  it("Tab after /open cycles through the last answer's citation numbers", () => {
    expect(run([type("/open "), { type: "tab" }], [], [1, 2, 3]).state.line.text).toBe("/open 1");
    expect(run([type("/open "), { type: "tab" }, { type: "tab" }], [], [1, 2, 3]).state.line.text).toBe(
      "/open 2",
    );
    expect(run([type("/sources 1"), { type: "tab" }], [], [1, 2, 12]).state.line.text).toBe("/sources 1");
    expect(run([type("/open "), { type: "tab" }], [], []).state.line.text).toBe("/open ");
  });
});
