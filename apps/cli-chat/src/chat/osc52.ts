import { Buffer } from "node:buffer";

/**
 * The OSC 52 escape sequence that asks the terminal to put `text` on the system clipboard.
 * Inside tmux the sequence is wrapped in tmux's passthrough so it reaches the outer terminal.
 *
 * @example
 * osc52("hi", {}) // "\u001b]52;c;aGk=\u0007"
 */
export function osc52(text: string, env: NodeJS.ProcessEnv): string {
  const sequence = `\u001b]52;c;${Buffer.from(text, "utf8").toString("base64")}\u0007`;
  if (env.TMUX) return `\u001bPtmux;${sequence.replaceAll("\u001b", "\u001b\u001b")}\u001b\\`;
  return sequence;
}
