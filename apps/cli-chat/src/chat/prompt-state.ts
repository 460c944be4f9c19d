import type { KeyAction } from "./key-decoder.js";
import {
  deleteBackward,
  deleteForward,
  deleteToEnd,
  deleteToStart,
  deleteWordBackward,
  EMPTY_LINE,
  insertText,
  type LineState,
  lineOf,
  moveEnd,
  moveHome,
  moveLeft,
  moveRight,
  moveWordLeft,
  moveWordRight,
} from "./line-editor.js";
import { completeSlash } from "./slash-commands.js";

/** The prompt: the line being edited, where ↑/↓ are in the history, and Ctrl+C's state. */
export interface PromptState {
  readonly line: LineState;
  /** -1 while editing a new line; otherwise how many entries back from the newest. */
  readonly historyIndex: number;
  /** The line that was being typed before ↑ was pressed. */
  readonly draft: string;
  /** A Ctrl+C was just pressed: another one (or Ctrl+D on an empty line) exits. */
  readonly armed: boolean;
  /** Consecutive Tab presses, to cycle through ambiguous completions. */
  readonly tabs: number;
  /** What was typed when Tab started cycling. */
  readonly tabBase: string | undefined;
}

/** What the prompt asks its owner to do. */
export type PromptEvent =
  | { readonly type: "submit"; readonly text: string }
  | { readonly type: "exit" }
  | { readonly type: "redraw" };

/** A fresh prompt. */
export const INITIAL_PROMPT: PromptState = {
  line: EMPTY_LINE,
  historyIndex: -1,
  draft: "",
  armed: false,
  tabs: 0,
  tabBase: undefined,
};

function edit(state: PromptState, line: LineState): PromptState {
  return { ...state, line, armed: false, tabs: 0, tabBase: undefined };
}

/**
 * Applies one key action to the prompt. `history` is oldest first. Returns the next state and
 * the events it caused (a submitted line, an exit request).
 *
 * @example
 * reducePrompt(INITIAL_PROMPT, { type: "paste", text: "why?", submit: true }, []).events
 * // [{ type: "submit", text: "why?" }]
 */
export function reducePrompt(
  state: PromptState,
  action: KeyAction,
  history: readonly string[],
  /** Citation numbers of the last answer, for Tab after `/open ` and `/sources `. */
  citations: readonly number[] = [],
): { state: PromptState; events: PromptEvent[] } {
  const none = (next: PromptState) => ({ state: next, events: [] as PromptEvent[] });
  const submit = (text: string) => {
    const events: PromptEvent[] = text.trim() === "" ? [] : [{ type: "submit", text: text.trim() }];
    return { state: INITIAL_PROMPT, events };
  };
  switch (action.type) {
    case "insert":
      return none(edit(state, insertText(state.line, action.text)));
    case "paste": {
      const line = insertText(state.line, action.text);
      return action.submit ? submit(line.text) : none(edit(state, line));
    }
    case "submit":
      return submit(state.line.text);
    case "left":
      return none(edit(state, moveLeft(state.line)));
    case "right":
      return none(edit(state, moveRight(state.line)));
    case "home":
      return none(edit(state, moveHome(state.line)));
    case "end":
      return none(edit(state, moveEnd(state.line)));
    case "word-left":
      return none(edit(state, moveWordLeft(state.line)));
    case "word-right":
      return none(edit(state, moveWordRight(state.line)));
    case "backspace":
      return none(edit(state, deleteBackward(state.line)));
    case "delete":
      return none(edit(state, deleteForward(state.line)));
    case "delete-to-start":
      return none(edit(state, deleteToStart(state.line)));
    case "delete-to-end":
      return none(edit(state, deleteToEnd(state.line)));
    case "delete-word":
      return none(edit(state, deleteWordBackward(state.line)));
    case "up": {
      if (history.length === 0) return none(state);
      const index = Math.min(state.historyIndex + 1, history.length - 1);
      const draft = state.historyIndex === -1 ? state.line.text : state.draft;
      const text = history[history.length - 1 - index] ?? "";
      return none({ ...edit(state, lineOf(text)), historyIndex: index, draft });
    }
    case "down": {
      if (state.historyIndex < 0) return none(state);
      const index = state.historyIndex - 1;
      const text = index < 0 ? state.draft : (history[history.length - 1 - index] ?? "");
      return none({ ...edit(state, lineOf(text)), historyIndex: index, draft: state.draft });
    }
    case "interrupt":
      if (state.line.text !== "") return none({ ...INITIAL_PROMPT, armed: true });
      if (state.armed) return { state: INITIAL_PROMPT, events: [{ type: "exit" }] };
      return none({ ...state, armed: true });
    case "eof":
      if (state.line.text === "") return { state: INITIAL_PROMPT, events: [{ type: "exit" }] };
      return none(edit(state, deleteForward(state.line)));
    case "tab": {
      const base = state.tabBase ?? state.line.text;
      const argument = /^(\/(?:open|sources)\s+)(\d*)$/.exec(base);
      if (argument && citations.length > 0) {
        const typed = argument[2] ?? "";
        const choices = citations.filter((n) => String(n).startsWith(typed));
        if (choices.length === 0) return none(state);
        const tabs = state.tabs + 1;
        const pick = choices[(tabs - 1) % choices.length] as number;
        return none({ ...state, line: lineOf(`${argument[1]}${pick}`), armed: false, tabs, tabBase: base });
      }
      const completion = completeSlash(base, 0);
      const { candidates } = completion;
      if (candidates.length === 0) return none(state);
      if (candidates.length === 1) return none(edit(state, lineOf(completion.text)));
      if (state.tabBase === undefined && completion.text !== base) {
        return none({ ...edit(state, lineOf(completion.text)), tabBase: completion.text });
      }
      const tabs = state.tabs + 1;
      const pick = candidates[(tabs - 1) % candidates.length] as { name: string };
      return none({ ...state, line: lineOf(`/${pick.name}`), armed: false, tabs, tabBase: base });
    }
    case "redraw":
      return { state: { ...state, armed: false }, events: [{ type: "redraw" }] };
    case "escape":
      return none({ ...state, armed: false, tabs: 0, tabBase: undefined });
    case "page-up":
    case "page-down":
      return none(state);
  }
}
