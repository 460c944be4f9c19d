import { useCallback, useRef, useState } from "react";
import type { Entry } from "../../chat/entries.js";
import {
  addToHistory,
  appendToStore,
  type HistoryStore,
  unsavedHistoryNotice,
} from "../../chat/history-store.js";

/** The prompt's input history, as {@link useInputHistory} keeps it. */
export interface InputHistory {
  /** Earlier inputs of this session and those before it, oldest first (for ↑/↓). */
  readonly history: readonly string[];
  /** Adds a submitted line, to this session's history and to the file. */
  readonly remember: (text: string) => void;
  /** The notice that the history cannot be saved — once a session, then nothing. */
  readonly takeNotices: () => Entry[];
}

/**
 * The history ↑/↓ walk: this session's lines on top of `initial`, each also appended to
 * `store` (which keeps what other sessions add). A history that cannot be saved is said
 * once a session, not on every question.
 */
export function useInputHistory(initial: readonly string[], store: HistoryStore | undefined): InputHistory {
  const [history, setHistory] = useState<readonly string[]>(initial);
  const told = useRef(false);
  const remember = useCallback(
    (text: string) => {
      setHistory((current) => addToHistory(current, text));
      if (store) appendToStore(store, text, history);
    },
    [store, history],
  );
  const takeNotices = useCallback((): Entry[] => {
    if (!store?.lastError || told.current) return [];
    told.current = true;
    return [{ kind: "notice", tone: "error", text: unsavedHistoryNotice(store) }];
  }, [store]);
  return { history, remember, takeNotices };
}
