import { Text } from "ink";
import { truncate } from "../../chat/styled-text.js";
import { toneStyle } from "../theme.js";

/** Props of {@link HintBar}. */
export interface HintBarProps {
  readonly width: number;
  readonly color: boolean;
  /** Replaces the key hints (e.g. "Press Ctrl+C again to exit"). */
  readonly message?: string | undefined;
  /** The last answer has sources: hint at what can be done with them. */
  readonly withSources?: boolean;
}

const HINTS = {
  wide: "Enter ask · Tab complete · ↑↓ history · /help · Ctrl+C clear · Ctrl+D quit",
  narrow: "Enter ask · /help · ↑↓ history · Ctrl+D quit",
  sourcesWide: "Enter ask · /open n the passage · /sources · /copy · /export · /help · Ctrl+D quit",
  sourcesNarrow: "Enter ask · /open n · /export · /help",
};

/** One dim line of key hints under the input, cut to the width. */
export function HintBar({ width, color, message, withSources = false }: HintBarProps) {
  const wide = withSources ? HINTS.sourcesWide : HINTS.wide;
  const narrow = withSources ? HINTS.sourcesNarrow : HINTS.narrow;
  const text = message ?? (width > wide.length ? wide : narrow);
  return (
    <Text {...toneStyle(message ? "accent" : "dim", color)} wrap="truncate-end">
      {truncate(text, Math.max(1, width - 1))}
    </Text>
  );
}
