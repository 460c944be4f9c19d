import { Box, Text, useCursor } from "ink";
import { layoutInput } from "../chat/input-layout.js";
import type { LineState } from "../chat/line-editor.js";
import { toneStyle } from "./theme.js";

/** Props of {@link InputLine}. */
export interface InputLineProps {
  readonly state: LineState;
  readonly width: number;
  readonly color: boolean;
  /** Rows of the live area above the input line, to place the terminal cursor. */
  readonly top: number;
  readonly placeholder?: string | undefined;
  readonly prompt?: string;
  /**
   * At most this many rows are shown (those around the cursor): a huge paste must not make
   * the live area taller than the terminal, where Ink would redraw the whole screen per key.
   */
  readonly maxRows?: number;
}

/**
 * The input line: a prompt, the text (wrapped onto more rows when long), and the cursor.
 * The terminal's own cursor is placed on the cursor cell (so it shows with NO_COLOR and
 * in screen magnifiers); with colour, the cell is also drawn inverted.
 */
export function InputLine({
  state,
  width,
  color,
  top,
  placeholder,
  prompt = "› ",
  maxRows = 8,
}: InputLineProps) {
  const layout = layoutInput(state, prompt, width);
  const limit = Math.max(1, maxRows);
  const first = Math.min(Math.max(0, layout.cursor.y - limit + 1), Math.max(0, layout.rows.length - limit));
  const rows = layout.rows.slice(first, first + limit);
  const { setCursorPosition } = useCursor();
  setCursorPosition({ x: layout.cursor.x, y: top + layout.cursor.y - first });
  const indent = " ".repeat(prompt.length);
  return (
    <Box flexDirection="column">
      {rows.map((row, index) => (
        <Text key={first + index} wrap="truncate-end">
          {first + index === 0 ? <Text {...toneStyle("prompt", color)}>{prompt}</Text> : indent}
          {row.before}
          {row.at !== undefined && <Text inverse={color}>{row.at === "" ? " " : row.at}</Text>}
          {row.after}
          {state.text === "" && placeholder && index === 0 ? (
            <Text {...toneStyle("dim", color)}>{placeholder}</Text>
          ) : null}
        </Text>
      ))}
    </Box>
  );
}
