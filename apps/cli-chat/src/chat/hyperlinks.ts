/**
 * Whether the terminal shows OSC 8 hyperlinks (clickable text pointing at an address), by
 * the environment terminals announce themselves with. `FORCE_HYPERLINK=1` or `=0` decides
 * outright. Never for a pipe, CI, `TERM=dumb`, or inside tmux or screen (which pass them on
 * only when configured to); yes for Windows Terminal, iTerm2 3.1+, WezTerm, VS Code 1.72+,
 * Ghostty, kitty, foot, Alacritty, Konsole 22.04+ and VTE terminals (GNOME Terminal…) 0.50+.
 *
 * @example
 * supportsHyperlinks({ TERM_PROGRAM: "WezTerm" }, { isTTY: true }) // true
 */
export function supportsHyperlinks(env: NodeJS.ProcessEnv, stream: { isTTY?: boolean }): boolean {
  if (env.FORCE_HYPERLINK !== undefined)
    return env.FORCE_HYPERLINK !== "0" && env.FORCE_HYPERLINK !== "false";
  if (!stream.isTTY || env.CI || env.TERM === "dumb") return false;
  if (env.TMUX || env.STY || env.TERM?.startsWith("screen") || env.TERM?.startsWith("tmux")) return false;
  if (env.WT_SESSION || env.KITTY_WINDOW_ID || env.DOMTERM) return true;
  const version = (value: string | undefined) => {
    const [major = 0, minor = 0] = (value ?? "").split(".").map((part) => Number.parseInt(part, 10) || 0);
    return major * 1000 + minor;
  };
  switch (env.TERM_PROGRAM) {
    case "iTerm.app":
      return version(env.TERM_PROGRAM_VERSION) >= 3001;
    case "WezTerm":
    case "ghostty":
      return true;
    case "vscode":
      return version(env.TERM_PROGRAM_VERSION) >= 1072;
  }
  if (/^(?:xterm-kitty|foot|foot-extra|alacritty|xterm-ghostty)$/.test(env.TERM ?? "")) return true;
  if (env.KONSOLE_VERSION && Number.parseInt(env.KONSOLE_VERSION, 10) >= 220400) return true;
  if (env.VTE_VERSION && Number.parseInt(env.VTE_VERSION, 10) >= 5000) return true;
  return false;
}
