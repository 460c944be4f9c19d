import { useCallback, useEffect, useRef, useState } from "react";
import type { Entry } from "../../chat/entries.js";
import type { ChatSession, Effect } from "../../chat/session.js";

/** A finished transcript entry with its key for `<Static>`. */
export interface TranscriptEntry {
  readonly id: number;
  readonly entry: Entry;
}

/** What {@link useConversation} gives the chat. */
export interface Conversation {
  /** The session, once the corpus is loaded. */
  readonly session: ChatSession | undefined;
  /** The finished entries, oldest first. */
  readonly items: TranscriptEntry[];
  /** Changes when the transcript must be drawn again from the top (a resize, /clear). */
  readonly epoch: number;
  /** Lines sent and not yet answered. */
  readonly pending: number;
  /** Sends a line (a question or a slash command), with entries to show after its echo; kept until the session is ready. */
  send(text: string, notices?: readonly Entry[]): void;
  /** Starts the transcript afresh: the header alone (/clear). */
  clear(): void;
  /** Draws the transcript again (after the screen was cleared for a new width). */
  redraw(): void;
}

/**
 * The conversation of the chat: the session (or its promise, while the corpus loads), the
 * transcript, and the queue of lines sent — answered in order, one at a time; lines sent
 * before the session is ready are kept and sent once it is. Each answer's effects (quit,
 * copy, clear) go to `onEffects`.
 */
export function useConversation(
  sessionOrPromise: ChatSession | Promise<ChatSession>,
  notices: readonly Entry[],
  onEffects: (effects: readonly Effect[]) => void,
): Conversation {
  const nextId = useRef(0);
  const makeItems = useCallback(
    (entries: readonly Entry[]): TranscriptEntry[] =>
      entries.map((entry) => ({ id: nextId.current++, entry })),
    [],
  );
  const [session, setSession] = useState<ChatSession | undefined>(() =>
    "then" in sessionOrPromise ? undefined : sessionOrPromise,
  );
  const [items, setItems] = useState<TranscriptEntry[]>(() =>
    session ? makeItems([{ kind: "header" }, ...notices]) : [],
  );
  const [epoch, setEpoch] = useState(0);
  const [pending, setPending] = useState(0);
  // Lines submitted before the corpus was loaded, sent once it is.
  const early = useRef<string[]>([]);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const effects = useRef(onEffects);
  effects.current = onEffects;

  const ask = useCallback(
    (ready: ChatSession, text: string) => {
      setPending((count) => count + 1);
      // Lines are answered in the order they were sent, one at a time.
      queue.current = queue.current.then(async () => {
        const outcome = await ready.handle(text);
        if (outcome.entries.length > 0) setItems((current) => [...current, ...makeItems(outcome.entries)]);
        effects.current(outcome.effects);
        setPending((count) => count - 1);
      });
    },
    [makeItems],
  );

  useEffect(() => {
    if (session || !("then" in sessionOrPromise)) return;
    let live = true;
    sessionOrPromise.then(
      (ready) => {
        if (!live) return;
        const waiting = early.current.splice(0);
        const echoes = waiting.map((text) => ({ kind: "input" as const, text }));
        setItems(makeItems([{ kind: "header" }, ...notices, ...echoes]));
        setSession(ready);
        // Counted as pending when they were sent; ask() counts them again.
        setPending((count) => count - waiting.length);
        for (const text of waiting) ask(ready, text);
      },
      // The caller reports a corpus that cannot be loaded and ends the app.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [session, sessionOrPromise, makeItems, notices, ask]);

  const send = useCallback(
    (text: string, extra: readonly Entry[] = []) => {
      if (!session) {
        early.current.push(text);
        setPending((count) => count + 1);
        return;
      }
      setItems((current) => [...current, ...makeItems([{ kind: "input", text }, ...extra])]);
      ask(session, text);
    },
    [session, ask, makeItems],
  );
  const clear = useCallback(() => {
    setItems(makeItems([{ kind: "header" }]));
    setEpoch((value) => value + 1);
  }, [makeItems]);
  const redraw = useCallback(() => setEpoch((value) => value + 1), []);
  return { session, items, epoch, pending, send, clear, redraw };
}
