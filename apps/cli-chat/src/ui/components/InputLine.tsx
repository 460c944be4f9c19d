import { Box, Text, useCursor } from "ink";
import { type InputLayout, layoutInput } from "../../chat/input-layout.js";
import type { LineState } from "../../chat/line-editor.js";
import { toneStyle } from "../theme.js";

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
   * At most this many rows are shown: a huge paste must not make the live area taller than
   * the terminal, where Ink would redraw the whole screen per key. When rows are hidden, a
   * row says how many ("… 12 more lines above"), and the rest are those around the cursor.
   */
  readonly maxRows?: number;
}

/** Which rows of a layout are shown, and how many are hidden above and below them. */
export interface InputWindow {
  readonly first: number;
  readonly end: number;
  readonly above: number;
  readonly below: number;
}

/**
 * The rows of `layout` to show in `maxRows` rows of screen, the cursor's among them; each
 * side with hidden rows spends one row on saying so (when there are three rows or more).
 *
 * @example
 * inputWindow(layoutOf40Rows, 8) // { first: 33, end: 40, above: 33, below: 0 } with the cursor at the end
 */
export function inputWindow(layout: InputLayout, maxRows: number): InputWindow {
  const total = layout.rows.length;
  const limit = Math.max(1, maxRows);
  const cursor = Math.min(layout.cursor.y, total - 1);
  if (total <= limit) return { first: 0, end: total, above: 0, below: 0 };
  if (limit < 3) {
    const first = Math.min(Math.max(0, cursor - limit + 1), total - limit);
    return { first, end: first + limit, above: 0, below: 0 };
  }
  // Near either end one note is enough; in the middle both are needed.
  const withOneNote = limit - 1;
  if (cursor < withOneNote) return { first: 0, end: withOneNote, above: 0, below: total - withOneNote };
  if (cursor >= total - withOneNote) {
    const first = total - withOneNote;
    return { first, end: total, above: first, below: 0 };
  }
  const shown = limit - 2;
  const first = Math.min(cursor - Math.floor(shown / 2), total - shown);
  return { first, end: first + shown, above: first, below: total - first - shown };
}

function moreLines(count: number, where: "above" | "below"): string {
  return `… ${count} more ${count === 1 ? "line" : "lines"} ${where}`;
}

/**
 * The input line: a prompt, the text (word-wrapped onto more rows when long), and the
 * cursor. The terminal's own cursor is placed on the cursor cell (so it shows with NO_COLOR
 * and in screen magnifiers); with colour, the cell is also drawn inverted. The prompt stays
 * on the first row shown, even when the rows under it are the end of a long question.
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
  const { first, end, above, below } = inputWindow(layout, maxRows);
  const rows = layout.rows.slice(first, end);
  const { setCursorPosition } = useCursor();
  setCursorPosition({ x: layout.cursor.x, y: top + (above > 0 ? 1 : 0) + layout.cursor.y - first });
  const indent = " ".repeat(prompt.length);
  const promptText = <Text {...toneStyle("prompt", color)}>{prompt}</Text>;
  return (
    <Box flexDirection="column">
      {above > 0 ? (
        <Text wrap="truncate-end">
          {promptText}
          <Text {...toneStyle("dim", color)}>{moreLines(above, "above")}</Text>
        </Text>
      ) : null}
      {rows.map((row, index) => (
        <Text key={first + index} wrap="truncate-end">
          {first + index === 0 ? promptText : indent}
          {row.before}
          {row.at !== undefined && <Text inverse={color}>{row.at === "" ? " " : row.at}</Text>}
          {row.after}
          {state.text === "" && placeholder && index === 0 ? (
            <Text {...toneStyle("dim", color)}>{placeholder}</Text>
          ) : null}
        </Text>
      ))}
      {below > 0 ? (
        <Text wrap="truncate-end">
          {indent}
          <Text {...toneStyle("dim", color)}>{moreLines(below, "below")}</Text>
        </Text>
      ) : null}
    </Box>
  );
}
