import { Box, Static, Text, useApp, useStdout } from "ink";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Entry, ViewContext } from "../chat/entries.js";
import {
  addToHistory,
  appendToStore,
  type HistoryStore,
  unsavedHistoryNotice,
} from "../chat/history-store.js";
import { supportsHyperlinks } from "../chat/hyperlinks.js";
import { osc52 } from "../chat/osc52.js";
import type { ChatSession, Outcome } from "../chat/session.js";
import { clearScreenKeepingScrollback } from "../chat/styled-text.js";
import { PromptArea } from "./PromptArea.js";
import { TranscriptItem } from "./TranscriptItem.js";
import { toneStyle } from "./theme.js";
import { useTerminalWidth } from "./use-terminal-width.js";

/** Props of {@link ChatApp}. */
export interface ChatAppProps {
  /** The session, or a promise of it while the corpus loads (the prompt works meanwhile). */
  readonly session: ChatSession | Promise<ChatSession>;
  readonly color: boolean;
  readonly plain?: boolean;
  /** Earlier inputs, oldest first. */
  readonly history?: readonly string[];
  /** Where to persist the input history; none in tests. */
  readonly historyStore?: HistoryStore | undefined;
  /** Entries shown under the header at start (e.g. "history file was set aside"). */
  readonly notices?: readonly Entry[];
  /** Fixed width (tests); otherwise the terminal's, following resizes. */
  readonly width?: number;
  readonly env?: NodeJS.ProcessEnv;
}

const NO_ENTRIES: readonly Entry[] = [];

interface Item {
  readonly id: number;
  readonly entry: Entry;
}

/**
 * The chat: finished entries go to Ink's `<Static>` (written once, never redrawn, so long
 * transcripts do not flicker), and only the prompt area below them is live.
 */
export function ChatApp({
  session: sessionOrPromise,
  color,
  plain = false,
  history: initialHistory = [],
  historyStore,
  notices = NO_ENTRIES,
  width: fixedWidth,
  env = process.env,
}: ChatAppProps) {
  const { exit } = useApp();
  const { write, stdout } = useStdout();
  const clearScreen = useCallback(
    () => write(clearScreenKeepingScrollback(stdout.rows ?? 24)),
    [write, stdout],
  );
  const width = useTerminalWidth(fixedWidth);
  const nextId = useRef(0);
  const makeItems = useCallback(
    (entries: readonly Entry[]): Item[] => entries.map((entry) => ({ id: nextId.current++, entry })),
    [],
  );
  const [session, setSession] = useState<ChatSession | undefined>(() =>
    "then" in sessionOrPromise ? undefined : sessionOrPromise,
  );
  const [items, setItems] = useState<Item[]>(() =>
    session ? makeItems([{ kind: "header" }, ...notices]) : [],
  );
  // Lines submitted before the corpus was loaded, sent once it is.
  const early = useRef<string[]>([]);
  const [epoch, setEpoch] = useState(0);
  const [history, setHistory] = useState<readonly string[]>(initialHistory);
  const [pending, setPending] = useState(0);
  const [exiting, setExiting] = useState(false);
  const queue = useRef<Promise<void>>(Promise.resolve());
  // A history that cannot be saved is said once a session, not on every question.
  const toldUnsaved = useRef(false);
  const corpus = session?.corpus;
  const hyperlinks = useMemo(() => supportsHyperlinks(env, stdout), [env, stdout]);
  const context: ViewContext | undefined = useMemo(
    () => (corpus ? { width, corpus, color, plain, hyperlinks } : undefined),
    [width, corpus, color, plain, hyperlinks],
  );

  // A new width re-lays-out the whole transcript: clear, and remount <Static> to redraw it.
  const firstWidth = useRef(width);
  useEffect(() => {
    if (width === firstWidth.current) return;
    firstWidth.current = width;
    clearScreen();
    setEpoch((value) => value + 1);
  }, [width, clearScreen]);

  useEffect(() => {
    if (!exiting) return;
    // Exit after the empty frame is drawn, so the prompt does not stay on the screen.
    const timer = setTimeout(() => exit(), 0);
    return () => clearTimeout(timer);
  }, [exiting, exit]);

  const apply = useCallback(
    (outcome: Outcome) => {
      if (outcome.entries.length > 0) setItems((current) => [...current, ...makeItems(outcome.entries)]);
      for (const effect of outcome.effects) {
        if (effect.type === "quit") setExiting(true);
        else if (effect.type === "copy") write(osc52(effect.text, env));
        else if (effect.type === "clear") {
          clearScreen();
          setItems(makeItems([{ kind: "header" }]));
          setEpoch((value) => value + 1);
        }
      }
    },
    [makeItems, write, env, clearScreen],
  );

  const ask = useCallback(
    (ready: ChatSession, text: string) => {
      setPending((count) => count + 1);
      // Lines are answered in the order they were sent, one at a time.
      queue.current = queue.current.then(async () => {
        const outcome = await ready.handle(text);
        apply(outcome);
        setPending((count) => count - 1);
      });
    },
    [apply],
  );

  useEffect(() => {
    if (session || !("then" in sessionOrPromise)) return;
    let live = true;
    sessionOrPromise.then(
      (ready) => {
        if (!live) return;
        const waiting = early.current.splice(0);
        setItems(
          makeItems([
            { kind: "header" },
            ...notices,
            ...waiting.map((text) => ({ kind: "input" as const, text })),
          ]),
        );
        setSession(ready);
        for (const text of waiting) ask(ready, text);
      },
      // The caller reports a corpus that cannot be loaded and ends the app.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [session, sessionOrPromise, makeItems, notices, ask]);

  const onSubmit = useCallback(
    (text: string) => {
      // ↑/↓ walk this session's history; the file also keeps what other sessions added.
      setHistory((current) => addToHistory(current, text));
      if (historyStore) appendToStore(historyStore, text, history);
      if (!session) {
        early.current.push(text);
        setPending((count) => count + 1);
        return;
      }
      const unsaved: Entry[] = [];
      if (historyStore?.lastError && !toldUnsaved.current) {
        toldUnsaved.current = true;
        unsaved.push({ kind: "notice", tone: "error", text: unsavedHistoryNotice(historyStore) });
      }
      setItems((current) => [...current, ...makeItems([{ kind: "input", text }, ...unsaved])]);
      ask(session, text);
    },
    [session, ask, makeItems, historyStore, history],
  );

  const lastAnswer = session?.conversation.at(-1)?.answer;
  const citations = useMemo(() => lastAnswer?.citations.map((citation) => citation.n) ?? [], [lastAnswer]);

  const onExit = useCallback(() => setExiting(true), []);
  // Ctrl+L: an empty screen with the prompt at its top; the transcript is in the scrollback.
  const onRedraw = useCallback(() => clearScreen(), [clearScreen]);

  return (
    <Box flexDirection="column">
      {context ? (
        <Static key={epoch} items={items}>
          {(item) => <TranscriptItem key={item.id} entry={item.entry} context={context} />}
        </Static>
      ) : null}
      {exiting || context ? null : (
        <Text {...toneStyle("dim", color)} wrap="truncate-end">
          newind · offline · loading the corpus…
        </Text>
      )}
      {exiting ? null : (
        <PromptArea
          width={width}
          color={color}
          history={history}
          status={pending > 0 ? "… looking through the sources" : undefined}
          top={context ? 0 : 1}
          citations={citations}
          onSubmit={onSubmit}
          onExit={onExit}
          onRedraw={onRedraw}
        />
      )}
    </Box>
  );
}
