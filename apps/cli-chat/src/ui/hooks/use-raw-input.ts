import { useStdin } from "ink";
import { useEffect, useRef } from "react";

/**
 * Calls `onInput` with each chunk of input as Ink reads it from stdin, raw mode on while
 * active — the one place this app uses a private Ink API, and why:
 *
 * Ink 6.8's public `useInput` cannot tell Backspace (DEL) from Delete, and it turns the
 * bracketed-paste markers into typed text, so a paste cannot be told from typing; the
 * `usePaste` hook that fixes the latter arrived in a later Ink than the 6.8 this app is
 * pinned to. Reading `process.stdin` beside Ink would race Ink's own reader for the same
 * bytes. So the chunks are taken from the event emitter Ink splits stdin into,
 * `useStdin().internal_eventEmitter` (its "input" event). Moving to a newer Ink means
 * replacing this module only.
 */
export function useRawInput(onInput: (chunk: string) => void, isActive = true): void {
  const { internal_eventEmitter: events, setRawMode, isRawModeSupported } = useStdin();
  const handler = useRef(onInput);
  handler.current = onInput;
  useEffect(() => {
    if (!isActive || !isRawModeSupported) return;
    setRawMode(true);
    return () => setRawMode(false);
  }, [isActive, isRawModeSupported, setRawMode]);
  useEffect(() => {
    if (!isActive) return;
    const listener = (chunk: string) => handler.current(chunk);
    events.on("input", listener);
    return () => {
      events.off("input", listener);
    };
  }, [events, isActive]);
}
