import { useRef, useState } from "react";
import type { KeyAction } from "../../chat/key-decoder.js";
import { INITIAL_PROMPT, type PromptEvent, type PromptState, reducePrompt } from "../../chat/prompt-state.js";
import { useLineInput } from "./use-line-input.js";

/** What the prompt does with what is typed: {@link usePrompt}'s options. */
export interface PromptHandlers {
  /** Earlier inputs, oldest first, for ↑/↓. */
  readonly history: readonly string[];
  /** The last answer's citation numbers, which Tab completes after /open. */
  readonly citations: readonly number[];
  readonly onSubmit: (text: string) => void;
  readonly onExit: () => void;
  readonly onRedraw?: (() => void) | undefined;
}

/**
 * The prompt's editing state, driven by the keyboard: each key press or paste goes through
 * `reducePrompt`, and what it produces (a submitted line, leaving, Ctrl+L) goes to the
 * handlers. The state lives in a ref so several actions from one chunk of input (a paste,
 * then Enter) see each other's results; a counter only asks React to draw.
 */
export function usePrompt({ history, citations, onSubmit, onExit, onRedraw }: PromptHandlers): PromptState {
  const state = useRef<PromptState>(INITIAL_PROMPT);
  const [, setVersion] = useState(0);
  const dispatch = (event: PromptEvent) => {
    if (event.type === "submit") onSubmit(event.text);
    else if (event.type === "exit") onExit();
    else onRedraw?.();
  };
  useLineInput((action: KeyAction) => {
    const { state: next, events } = reducePrompt(state.current, action, history, citations);
    const changed = next !== state.current;
    state.current = next;
    if (changed) setVersion((version) => version + 1);
    for (const event of events) dispatch(event);
  });
  return state.current;
}
