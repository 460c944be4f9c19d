import { Box, Static, useApp, useStdout } from "ink";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Entry, ViewContext } from "../chat/entries.js";
import { addToHistory, type HistoryStore } from "../chat/history-store.js";
import { osc52 } from "../chat/osc52.js";
import type { ChatSession, Outcome } from "../chat/session.js";
import { PromptArea } from "./PromptArea.js";
import { TranscriptItem } from "./TranscriptItem.js";
import { useTerminalWidth } from "./use-terminal-width.js";

/** Props of {@link ChatApp}. */
export interface ChatAppProps {
  readonly session: ChatSession;
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

interface Item {
  readonly id: number;
  readonly entry: Entry;
}

// Erase the screen and the scrollback, then home the cursor: used by /clear, Ctrl+L and
// resizes, after which the transcript is drawn again at the new width.
const CLEAR_SCREEN = "\u001b[2J\u001b[3J\u001b[H";

/**
 * The chat: finished entries go to Ink's `<Static>` (written once, never redrawn, so long
 * transcripts do not flicker), and only the prompt area below them is live.
 */
export function ChatApp({
  session,
  color,
  plain = false,
  history: initialHistory = [],
  historyStore,
  notices = [],
  width: fixedWidth,
  env = process.env,
}: ChatAppProps) {
  const { exit } = useApp();
  const { write } = useStdout();
  const width = useTerminalWidth(fixedWidth);
  const nextId = useRef(0);
  const makeItems = useCallback(
    (entries: readonly Entry[]): Item[] => entries.map((entry) => ({ id: nextId.current++, entry })),
    [],
  );
  const [items, setItems] = useState<Item[]>(() => makeItems([{ kind: "header" }, ...notices]));
  const [epoch, setEpoch] = useState(0);
  const [history, setHistory] = useState<readonly string[]>(initialHistory);
  const [pending, setPending] = useState(0);
  const [exiting, setExiting] = useState(false);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const context: ViewContext = useMemo(
    () => ({ width, corpus: session.corpus, color, plain }),
    [width, session.corpus, color, plain],
  );

  // A new width re-lays-out the whole transcript: clear, and remount <Static> to redraw it.
  const firstWidth = useRef(width);
  useEffect(() => {
    if (width === firstWidth.current) return;
    firstWidth.current = width;
    write(CLEAR_SCREEN);
    setEpoch((value) => value + 1);
  }, [width, write]);

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
          write(CLEAR_SCREEN);
          setItems(makeItems([{ kind: "header" }]));
          setEpoch((value) => value + 1);
        }
      }
    },
    [makeItems, write, env],
  );

  const onSubmit = useCallback(
    (text: string) => {
      setItems((current) => [...current, ...makeItems([{ kind: "input", text }])]);
      setHistory((current) => {
        const next = addToHistory(current, text);
        historyStore?.save(next);
        return next;
      });
      setPending((count) => count + 1);
      // Lines are answered in the order they were sent, one at a time.
      queue.current = queue.current.then(async () => {
        const outcome = await session.handle(text);
        apply(outcome);
        setPending((count) => count - 1);
      });
    },
    [session, apply, makeItems, historyStore],
  );

  const onExit = useCallback(() => setExiting(true), []);
  const onRedraw = useCallback(() => {
    write(CLEAR_SCREEN);
    setEpoch((value) => value + 1);
  }, [write]);

  return (
    <Box flexDirection="column">
      <Static key={epoch} items={items}>
        {(item) => <TranscriptItem key={item.id} entry={item.entry} context={context} />}
      </Static>
      {exiting ? null : (
        <PromptArea
          width={width}
          color={color}
          history={history}
          status={pending > 0 ? "… looking through the sources" : undefined}
          onSubmit={onSubmit}
          onExit={onExit}
          onRedraw={onRedraw}
        />
      )}
    </Box>
  );
}
