import { useStdin } from "ink";
import { useEffect, useRef } from "react";
import { type KeyAction, KeyDecoder } from "../chat/key-decoder.js";

/**
 * Calls `onAction` for every key press or paste. It listens to the input events Ink splits
 * stdin into, rather than `useInput`, because `useInput` reports Backspace (DEL) and Delete
 * alike and turns the bracketed-paste markers into text; {@link KeyDecoder} knows them.
 */
export function useLineInput(onAction: (action: KeyAction) => void, isActive = true): void {
  const { internal_eventEmitter: events, setRawMode, isRawModeSupported } = useStdin();
  const handler = useRef(onAction);
  handler.current = onAction;
  useEffect(() => {
    if (!isActive || !isRawModeSupported) return;
    setRawMode(true);
    return () => setRawMode(false);
  }, [isActive, isRawModeSupported, setRawMode]);
  useEffect(() => {
    if (!isActive) return;
    const decoder = new KeyDecoder();
    const listener = (event: string) => {
      for (const action of decoder.push(event)) handler.current(action);
    };
    events.on("input", listener);
    return () => {
      events.off("input", listener);
    };
  }, [events, isActive]);
}
