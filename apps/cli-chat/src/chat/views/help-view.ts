import type { ViewContext } from "../entries.js";
import { SLASH_COMMANDS } from "../slash-commands.js";
import { BLANK, fit, type Line, line, segment, wrap } from "../styled-text.js";

/** The keys /help lists, with what they do (the README's table says the same). */
export const HELP_KEYS: readonly (readonly [string, string])[] = [
  ["Enter", "ask, or run a /command"],
  ["Tab", "complete a /command, or a citation number after /open"],
  ["↑ ↓", "earlier questions (kept between runs)"],
  ["← → Home End", "move; Ctrl+A/E start/end"],
  ["Ctrl+U / Ctrl+K", "delete to the start / to the end of the line"],
  ["Ctrl+W", "delete the word before the cursor"],
  ["Ctrl+L", "clear the screen (the transcript stays in the scrollback)"],
  ["Ctrl+C", "clear the line; twice to leave"],
  ["Ctrl+D", "leave (on an empty line)"],
];

/** `/help`: every slash command with its arguments, then the keys. */
export function helpView(context: ViewContext): Line[] {
  const { width } = context;
  const lines: Line[] = [line(segment("Commands", "heading"))];
  const names = SLASH_COMMANDS.map(
    (command) => `/${command.name}${command.usage ? ` ${command.usage}` : ""}`,
  );
  const column = Math.min(Math.max(...names.map((name) => name.length)) + 2, Math.floor(width / 2));
  SLASH_COMMANDS.forEach((command, index) => {
    const name = names[index] as string;
    const aliases = command.aliases?.length
      ? ` (also ${command.aliases.map((alias) => `/${alias}`).join(", ")})`
      : "";
    if (name.length + 2 > column || width < 60) {
      lines.push(...wrap([segment(name, "accent")], width, { first: line("  "), rest: line("    ") }));
      lines.push(
        ...wrap([segment(command.summary + aliases, "dim")], width, {
          first: line("    "),
          rest: line("    "),
        }),
      );
    } else {
      const first = line("  ", segment(fit(name, column), "accent"));
      lines.push(
        ...wrap([segment(command.summary + aliases, "dim")], width, {
          first,
          rest: line(" ".repeat(column + 2)),
        }),
      );
    }
  });
  lines.push(BLANK, line(segment("Keys", "heading")));
  const keyColumn = Math.min(18, Math.floor(width / 2));
  for (const [key, what] of HELP_KEYS) {
    if (key.length + 2 > keyColumn || width < 60) {
      lines.push(...wrap([segment(key, "accent")], width, { first: line("  "), rest: line("    ") }));
      lines.push(...wrap([segment(what, "dim")], width, { first: line("    "), rest: line("    ") }));
    } else {
      lines.push(
        ...wrap([segment(what, "dim")], width, {
          first: line("  ", segment(fit(key, keyColumn), "accent")),
          rest: line(" ".repeat(keyColumn + 2)),
        }),
      );
    }
  }
  lines.push(BLANK);
  return lines;
}
