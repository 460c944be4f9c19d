import { stripControl } from "@newind/core/text";
import { Box, Text } from "ink";
import type { Line } from "../chat/styled-text.js";
import { toneStyle } from "./theme.js";

/** Props of {@link StyledLines}. */
export interface StyledLinesProps {
  readonly lines: readonly Line[];
  readonly color: boolean;
}

/**
 * Draws lines a view laid out. The lines already fit the width, so Ink never re-wraps them;
 * each segment is stripped of control characters once more on its way to the terminal.
 */
export function StyledLines({ lines, color }: StyledLinesProps) {
  return (
    <Box flexDirection="column">
      {lines.map((value, row) => (
        <Text key={row} wrap="truncate-end">
          {value.length === 0
            ? " "
            : value.map((part, index) => (
                <Text key={index} {...toneStyle(part.tone, color)}>
                  {stripControl(part.text)}
                </Text>
              ))}
        </Text>
      ))}
    </Box>
  );
}
