import { Box, Text } from "ink";
import { commandsStartingWith } from "../../chat/slash-commands.js";
import { usePrompt } from "../hooks/use-prompt.js";
import { toneStyle } from "../theme.js";
import { Completions } from "./Completions.js";
import { HintBar } from "./HintBar.js";
import { InputLine } from "./InputLine.js";

const NO_CITATIONS: readonly number[] = [];

/** Props of {@link PromptArea}. */
export interface PromptAreaProps {
  readonly width: number;
  /** The terminal's rows: the live area must stay shorter than the screen. */
  readonly rows: number;
  readonly color: boolean;
  /** Earlier inputs, oldest first, for ↑/↓. */
  readonly history: readonly string[];
  /** A line shown above the input while an answer is on its way. */
  readonly status?: string | undefined;
  readonly onSubmit: (text: string) => void;
  readonly onExit: () => void;
  readonly onRedraw?: () => void;
  /** Rows the app draws above this area (to place the terminal cursor). */
  readonly top?: number;
  /** The last answer's citation numbers: the hint bar mentions /open, Tab completes them. */
  readonly citations?: readonly number[];
}

/**
 * The live part of the screen: a status line when busy, the input line, matching slash
 * commands while one is being typed, and the hint bar. It owns the editing state, so a key
 * press re-renders only this, never the transcript.
 */
export function PromptArea({
  width,
  rows,
  color,
  history,
  status,
  onSubmit,
  onExit,
  onRedraw,
  top: above = 0,
  citations = NO_CITATIONS,
}: PromptAreaProps) {
  const current = usePrompt({ history, citations, onSubmit, onExit, onRedraw });
  // Leave room for the status line, completions and the hint bar.
  const maxRows = Math.max(1, Math.min(8, rows - 6));
  // In a very short terminal the live area must stay shorter than the screen, or Ink
  // redraws everything on every key: keep only the input line.
  const roomy = rows >= 8;
  const typed = current.line.text;
  const candidates = /^\/\S*$/.test(typed) ? commandsStartingWith(typed.slice(1)) : [];
  const top = above + (status ? 1 : 0);
  return (
    <Box flexDirection="column">
      {status ? (
        <Text {...toneStyle("dim", color)} wrap="truncate-end">
          {status}
        </Text>
      ) : null}
      <InputLine
        state={current.line}
        width={width}
        color={color}
        top={top}
        maxRows={maxRows}
        placeholder={history.length === 0 ? "Ask about New Industrialization, or type /help" : undefined}
      />
      {roomy ? <Completions candidates={candidates} width={width} color={color} /> : null}
      {roomy || current.armed ? (
        <HintBar
          width={width}
          color={color}
          withSources={citations.length > 0}
          message={current.armed ? "Press Ctrl+C again to exit" : undefined}
        />
      ) : null}
    </Box>
  );
}
