import { spawnSync } from "node:child_process";
import { escapeControl } from "@newind/core/text";

/** Puts text into tmux's paste buffer; returns why it could not, or undefined when it did. */
export type TmuxBufferLoader = (text: string) => string | undefined;

/**
 * `tmux load-buffer -w -`: sets tmux's paste buffer, and (`-w`, tmux 3.2 and later) passes
 * it on to the outer terminal's clipboard when tmux's `set-clipboard` option allows; an
 * older tmux gets the same without `-w`.
 */
export const loadTmuxBuffer: TmuxBufferLoader = (text) => {
  let result = spawnSync("tmux", ["load-buffer", "-w", "-"], {
    input: text,
    timeout: 3000,
    encoding: "utf8",
  });
  if (result.status !== 0 && /usage|unknown flag|-w/i.test(result.stderr ?? "")) {
    result = spawnSync("tmux", ["load-buffer", "-"], { input: text, timeout: 3000, encoding: "utf8" });
  }
  if (result.error)
    return (result.error as NodeJS.ErrnoException).code === "ENOENT"
      ? "tmux is not on the PATH"
      : result.error.message;
  if (result.status !== 0)
    return escapeControl((result.stderr ?? "").trim().split("\n")[0] || `tmux exited with ${result.status}`);
  return undefined;
};

/**
 * What `/copy` tells the user: copying is sent as OSC 52, which a terminal may refuse and
 * tmux (3.3 and later) drops by default. Inside tmux the text also goes to tmux's own paste
 * buffer, and the message says honestly which of the two can be relied on.
 */
export function copyNotice(
  summary: string,
  env: NodeJS.ProcessEnv,
  load: TmuxBufferLoader,
  text: string,
): { text: string; tone: "success" | "error" } {
  if (!env.TMUX) {
    return {
      tone: "success",
      text: `Copied ${summary} via OSC 52 — if nothing arrives, your terminal does not allow clipboard writes.`,
    };
  }
  const problem = load(text);
  if (problem === undefined) {
    return {
      tone: "success",
      text: `Copied ${summary} into tmux's paste buffer (prefix + ] pastes it); tmux passes it on to the system clipboard when its set-clipboard option is on.`,
    };
  }
  return {
    tone: "error",
    text: `Sent ${summary} via OSC 52, but inside tmux it may not arrive: tmux's buffer could not be set (${problem}). To let it through, add "set -g set-clipboard on" (tmux 3.3+: also "set -g allow-passthrough on") to ~/.tmux.conf.`,
  };
}
