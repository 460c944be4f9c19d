import { stripControl } from "@newind/core/text";
import { Box, Text } from "ink";
import { hyperlink, type Line } from "../../chat/styled-text.js";
import { toneStyle } from "../theme.js";

/** Props of {@link StyledLines}. */
export interface StyledLinesProps {
  readonly lines: readonly Line[];
  readonly color: boolean;
  /** Write link segments as OSC 8 hyperlinks (Ink passes them through, counting only their text). */
  readonly hyperlinks?: boolean;
}

/**
 * Draws lines a view laid out. The lines already fit the width, so Ink never re-wraps them —
 * except a line holding a web address wider than the screen, which Ink wraps rather than
 * cut (the address stays whole, and as a hyperlink stays one link); each segment is
 * stripped of control characters once more on its way to the terminal.
 */
export function StyledLines({ lines, color, hyperlinks = false }: StyledLinesProps) {
  return (
    <Box flexDirection="column">
      {lines.map((value, row) => (
        <Text key={row} wrap={value.some((part) => part.link !== undefined) ? "wrap" : "truncate-end"}>
          {value.length === 0
            ? " "
            : value.map((part, index) => (
                <Text key={index} {...toneStyle(part.tone, color)}>
                  {hyperlinks ? hyperlink(part, stripControl(part.text)) : stripControl(part.text)}
                </Text>
              ))}
        </Text>
      ))}
    </Box>
  );
}
