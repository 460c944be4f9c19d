import { useRef } from "react";
import { type KeyAction, KeyDecoder } from "../../chat/key-decoder.js";
import { useRawInput } from "./use-raw-input.js";

/**
 * Calls `onAction` for every key press or paste, decoded by {@link KeyDecoder} from the raw
 * input (see {@link useRawInput} for why not Ink's `useInput`): Backspace and Delete apart,
 * a bracketed paste as one action.
 */
export function useLineInput(onAction: (action: KeyAction) => void, isActive = true): void {
  const decoder = useRef<KeyDecoder | undefined>(undefined);
  decoder.current ??= new KeyDecoder();
  const handler = useRef(onAction);
  handler.current = onAction;
  useRawInput((chunk) => {
    for (const action of (decoder.current as KeyDecoder).push(chunk)) handler.current(action);
  }, isActive);
}
