import { Box, Static, Text, useStdout } from "ink";
import { useCallback, useMemo } from "react";
import type { Entry, ViewContext } from "../../chat/entries.js";
import type { HistoryStore } from "../../chat/history-store.js";
import { supportsHyperlinks } from "../../chat/hyperlinks.js";
import type { ChatSession } from "../../chat/session.js";
import { clearScreenKeepingScrollback } from "../../chat/styled-text.js";
import { useConversation } from "../hooks/use-conversation.js";
import { useInputHistory } from "../hooks/use-input-history.js";
import { useSlashCommands } from "../hooks/use-slash-commands.js";
import { useTerminalSize, useWidthChange } from "../hooks/use-terminal-size.js";
import { toneStyle } from "../theme.js";
import { PromptArea } from "./PromptArea.js";
import { TranscriptItem } from "./TranscriptItem.js";

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

/**
 * The chat: finished entries go to Ink's `<Static>` (written once, never redrawn, so long
 * transcripts do not flicker), and only the prompt area below them is live. It composes the
 * hooks that hold the state: the terminal's size, the conversation (session, transcript,
 * queue), the input history and the slash commands' effects.
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
  const { write, stdout } = useStdout();
  const { width, rows } = useTerminalSize(fixedWidth);
  const clearScreen = useCallback(() => write(clearScreenKeepingScrollback(rows)), [write, rows]);
  const conversation = useConversation(sessionOrPromise, notices, (effects) => commands.apply(effects));
  const commands = useSlashCommands({ env, clearScreen, clearTranscript: conversation.clear });
  const input = useInputHistory(initialHistory, historyStore);
  // A new width lays the whole transcript out again: clear the screen, and draw it anew.
  useWidthChange(width, () => {
    clearScreen();
    conversation.redraw();
  });

  const corpus = conversation.session?.corpus;
  const hyperlinks = useMemo(() => supportsHyperlinks(env, stdout), [env, stdout]);
  const context: ViewContext | undefined = useMemo(
    () => (corpus ? { width, corpus, color, plain, hyperlinks } : undefined),
    [width, corpus, color, plain, hyperlinks],
  );
  const lastAnswer = conversation.session?.conversation.at(-1)?.answer;
  const citations = useMemo(() => lastAnswer?.citations.map((citation) => citation.n) ?? [], [lastAnswer]);
  const onSubmit = (text: string) => {
    input.remember(text);
    conversation.send(text, conversation.session ? input.takeNotices() : []);
  };

  return (
    <Box flexDirection="column">
      {context ? (
        <Static key={conversation.epoch} items={conversation.items}>
          {(item) => <TranscriptItem key={item.id} entry={item.entry} context={context} />}
        </Static>
      ) : null}
      {commands.exiting || context ? null : (
        <Text {...toneStyle("dim", color)} wrap="truncate-end">
          newind · offline · loading the corpus…
        </Text>
      )}
      {commands.exiting ? null : (
        <PromptArea
          width={width}
          rows={rows}
          color={color}
          history={input.history}
          status={conversation.pending > 0 ? "… looking through the sources" : undefined}
          top={context ? 0 : 1}
          citations={citations}
          onSubmit={onSubmit}
          onExit={commands.quit}
          // Ctrl+L: an empty screen with the prompt at its top; the transcript is in the scrollback.
          onRedraw={clearScreen}
        />
      )}
    </Box>
  );
}
