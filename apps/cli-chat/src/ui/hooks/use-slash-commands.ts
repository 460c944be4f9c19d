import { useApp, useStdout } from "ink";
import { useCallback, useEffect, useState } from "react";
import { osc52 } from "../../chat/osc52.js";
import type { Effect } from "../../chat/session.js";

/** What {@link useSlashCommands} needs from the chat. */
export interface SlashCommandTargets {
  readonly env: NodeJS.ProcessEnv;
  /** Clears the screen, keeping what was on it in the scrollback. */
  readonly clearScreen: () => void;
  /** Starts the transcript afresh. */
  readonly clearTranscript: () => void;
}

/** The effects of slash commands on the app, and whether it is leaving. */
export interface SlashCommands {
  /** Carries out what `/quit`, `/copy` and `/clear` asked for. */
  readonly apply: (effects: readonly Effect[]) => void;
  /** Leaves the app (also Ctrl+D, Ctrl+C twice). */
  readonly quit: () => void;
  /** True once leaving: the app draws an empty frame, then exits. */
  readonly exiting: boolean;
}

/**
 * What the session's slash commands do beyond the transcript: `/quit` leaves (after an
 * empty frame is drawn, so the prompt does not stay on the screen), `/copy` writes the text
 * to the clipboard through OSC 52, `/clear` clears the screen and the transcript.
 */
export function useSlashCommands({ env, clearScreen, clearTranscript }: SlashCommandTargets): SlashCommands {
  const { exit } = useApp();
  const { write } = useStdout();
  const [exiting, setExiting] = useState(false);
  useEffect(() => {
    if (!exiting) return;
    const timer = setTimeout(() => exit(), 0);
    return () => clearTimeout(timer);
  }, [exiting, exit]);
  const quit = useCallback(() => setExiting(true), []);
  const apply = useCallback(
    (effects: readonly Effect[]) => {
      for (const effect of effects) {
        if (effect.type === "quit") quit();
        else if (effect.type === "copy") write(osc52(effect.text, env));
        else if (effect.type === "clear") {
          clearScreen();
          clearTranscript();
        }
      }
    },
    [quit, write, env, clearScreen, clearTranscript],
  );
  return { apply, quit, exiting };
}
