import { useStdout } from "ink";
import { useEffect, useState } from "react";

/**
 * The terminal's width in columns, updated on resize (debounced, so dragging a window edge
 * re-lays-out the transcript once, not on every step).
 */
export function useTerminalWidth(override?: number, debounceMs = 120): number {
  const { stdout } = useStdout();
  const [width, setWidth] = useState(() => override ?? stdout.columns ?? 80);
  useEffect(() => {
    if (override !== undefined) {
      setWidth(override);
      return;
    }
    let timer: NodeJS.Timeout | undefined;
    const onResize = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => setWidth(stdout.columns ?? 80), debounceMs);
    };
    stdout.on("resize", onResize);
    return () => {
      if (timer) clearTimeout(timer);
      stdout.off("resize", onResize);
    };
  }, [stdout, override, debounceMs]);
  return width;
}
