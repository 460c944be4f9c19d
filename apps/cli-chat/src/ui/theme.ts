import type { TextProps } from "ink";
import type { Tone } from "../chat/styled-text.js";

type Style = Pick<TextProps, "color" | "bold" | "dimColor" | "underline" | "italic">;

const COLORS: Record<Tone, Style> = {
  marker: { color: "cyan", bold: true },
  highlight: { color: "yellow", bold: true },
  cited: { color: "yellow", bold: true, underline: true },
  dim: { dimColor: true },
  title: { bold: true },
  heading: { color: "magenta", bold: true },
  error: { color: "red" },
  success: { color: "green" },
  bar: { color: "cyan" },
  accent: { color: "magenta" },
  prompt: { color: "cyan", bold: true },
};

/** Ink text props for a tone; nothing at all when colour is off (NO_COLOR, --plain). */
export function toneStyle(tone: Tone | undefined, color: boolean): Style {
  if (!color || tone === undefined) return {};
  return COLORS[tone];
}
