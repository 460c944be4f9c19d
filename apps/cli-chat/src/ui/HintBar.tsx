import { Text } from "ink";
import { truncate } from "../chat/styled-text.js";
import { toneStyle } from "./theme.js";

/** Props of {@link HintBar}. */
export interface HintBarProps {
  readonly width: number;
  readonly color: boolean;
  /** Replaces the key hints (e.g. "Press Ctrl+C again to exit"). */
  readonly message?: string | undefined;
}

const HINTS_WIDE = "Enter ask · Tab complete · ↑↓ history · /help · Ctrl+C clear · Ctrl+D quit";
const HINTS_NARROW = "Enter ask · /help · ↑↓ history · Ctrl+D quit";

/** One dim line of key hints under the input, cut to the width. */
export function HintBar({ width, color, message }: HintBarProps) {
  const text = message ?? (width >= HINTS_WIDE.length ? HINTS_WIDE : HINTS_NARROW);
  return (
    <Text {...toneStyle(message ? "accent" : "dim", color)} wrap="truncate-end">
      {truncate(text, Math.max(1, width - 1))}
    </Text>
  );
}
