/** A slash command of the chat. */
export interface SlashCommand {
  readonly name: string;
  /** How its arguments are written, for /help ("" when it takes none). */
  readonly usage: string;
  readonly summary: string;
  readonly aliases?: readonly string[];
}

/** Every slash command, in the order /help lists them. */
export const SLASH_COMMANDS: readonly SlashCommand[] = [
  { name: "help", usage: "", summary: "commands and keys", aliases: ["?"] },
  { name: "sources", usage: "[n]", summary: "the last answer's sources, or source n in full" },
  { name: "open", usage: "n", summary: "the passage around citation n, with its neighbours" },
  { name: "search", usage: "query", summary: "ranked passages for a query" },
  { name: "metrics", usage: "", summary: "the curated figures, as a table with bars" },
  { name: "timeline", usage: "", summary: "the dated events, as a timeline" },
  { name: "trend", usage: "term…", summary: "mentions per year in the primary collection, as a bar chart" },
  { name: "kwic", usage: "term", summary: "every use of a term in the primary collection, in context" },
  {
    name: "compare",
    usage: "A B",
    summary: "what A says markedly more than B (document ids or years: 2003-2015)",
  },
  { name: "export", usage: "[file.md|file.json]", summary: "save the conversation with its citations" },
  { name: "copy", usage: "", summary: "copy the last answer and its references (OSC 52)" },
  { name: "clear", usage: "", summary: "clear the screen and start a new conversation" },
  { name: "quit", usage: "", summary: "leave (Ctrl+D works too)", aliases: ["exit", "q"] },
];

/** A parsed slash-command line. */
export interface SlashInput {
  /** The command word as typed, lowercased, without the slash. */
  readonly word: string;
  /** The command it names, if any. */
  readonly command: SlashCommand | undefined;
  /** Everything after the command word, trimmed. */
  readonly args: string;
}

/** Parses `/name args`; returns undefined when `text` is not a slash command. */
export function parseSlash(text: string): SlashInput | undefined {
  const match = /^\s*\/(\S*)\s*([\s\S]*)$/.exec(text);
  if (!match) return undefined;
  const word = (match[1] ?? "").toLowerCase();
  return { word, command: findCommand(word), args: (match[2] ?? "").trim() };
}

function findCommand(word: string): SlashCommand | undefined {
  return SLASH_COMMANDS.find((command) => command.name === word || command.aliases?.includes(word));
}

/** Commands whose name starts with `prefix` (without the slash). */
export function commandsStartingWith(prefix: string): SlashCommand[] {
  const lower = prefix.toLowerCase();
  return SLASH_COMMANDS.filter((command) => command.name.startsWith(lower));
}

/** What Tab does to an input line. */
export interface Completion {
  /** The new input text (unchanged when nothing completes). */
  readonly text: string;
  /** The candidates, to show when there is more than one. */
  readonly candidates: readonly SlashCommand[];
}

/**
 * Completes a command name at the start of the line: a unique match becomes `/name `;
 * several matches complete to their longest common prefix. `cycle` (pressing Tab again)
 * steps through the candidates.
 *
 * @example
 * completeSlash("/me").text // "/metrics "
 */
export function completeSlash(text: string, cycle = 0): Completion {
  const match = /^\/(\S*)$/.exec(text);
  if (!match) return { text, candidates: [] };
  const candidates = commandsStartingWith(match[1] ?? "");
  if (candidates.length === 0) return { text, candidates };
  if (candidates.length === 1) return { text: `/${(candidates[0] as SlashCommand).name} `, candidates };
  if (cycle > 0) {
    const pick = candidates[(cycle - 1) % candidates.length] as SlashCommand;
    return { text: `/${pick.name}`, candidates };
  }
  const common = commonPrefix(candidates.map((command) => command.name));
  return { text: `/${common}`, candidates };
}

function commonPrefix(words: readonly string[]): string {
  let prefix = words[0] ?? "";
  for (const word of words) {
    while (!word.startsWith(prefix)) prefix = prefix.slice(0, -1);
  }
  return prefix;
}

/** The command closest to `word` by edit distance, if it is close enough to be a typo. */
export function closestCommand(word: string): SlashCommand | undefined {
  let best: SlashCommand | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const command of SLASH_COMMANDS) {
    for (const name of [command.name, ...(command.aliases ?? [])]) {
      const distance = name.startsWith(word) && word.length > 0 ? 0.5 : editDistance(word, name);
      if (distance < bestDistance) {
        bestDistance = distance;
        best = command;
      }
    }
  }
  const limit = Math.max(2, Math.ceil(word.length / 2));
  return bestDistance <= limit ? best : undefined;
}

/** Damerau–Levenshtein distance (adjacent transpositions count as one edit). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const row = d[i] as number[];
      const above = d[i - 1] as number[];
      let value = Math.min(
        (above[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (above[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, ((d[i - 2] as number[])[j - 2] as number) + 1);
      }
      row[j] = value;
    }
  }
  return (d[a.length] as number[])[b.length] as number;
}
