import { Box, Text } from "ink";
import type { SlashCommand } from "../../chat/slash-commands.js";
import { fit, truncate } from "../../chat/styled-text.js";
import { toneStyle } from "../theme.js";

/** Props of {@link Completions}. */
export interface CompletionsProps {
  readonly candidates: readonly SlashCommand[];
  readonly width: number;
  readonly color: boolean;
}

/** The slash commands matching what is typed so far, under the input line. */
export function Completions({ candidates, width, color }: CompletionsProps) {
  if (candidates.length === 0) return null;
  if (candidates.length > 4) {
    const names = candidates.map((command) => `/${command.name}`).join("  ");
    return (
      <Text {...toneStyle("accent", color)} wrap="truncate-end">
        {truncate(`  ${names}`, width - 1)}
      </Text>
    );
  }
  const column = Math.max(...candidates.map((command) => command.name.length + command.usage.length + 2)) + 2;
  return (
    <Box flexDirection="column">
      {candidates.map((command) => {
        const name = `/${command.name}${command.usage ? ` ${command.usage}` : ""}`;
        return (
          <Text key={command.name} wrap="truncate-end">
            {"  "}
            <Text {...toneStyle("accent", color)}>{fit(name, column)}</Text>
            <Text {...toneStyle("dim", color)}>
              {truncate(command.summary, Math.max(1, width - column - 3))}
            </Text>
          </Text>
        );
      })}
    </Box>
  );
}
