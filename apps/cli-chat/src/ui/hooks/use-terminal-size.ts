import { useStdout } from "ink";
import { useEffect, useRef, useState } from "react";

/** The terminal's size, as {@link useTerminalSize} follows it. */
export interface TerminalSize {
  /** Columns (the fixed width in tests). */
  readonly width: number;
  /** Rows. */
  readonly rows: number;
}

/**
 * The terminal's size, updated on resize (debounced, so dragging a window edge lays the
 * transcript out once, not on every step). `fixedWidth` pins the width (tests).
 */
export function useTerminalSize(fixedWidth?: number, debounceMs = 120): TerminalSize {
  const { stdout } = useStdout();
  const measure = () => ({ width: fixedWidth ?? stdout.columns ?? 80, rows: stdout.rows ?? 24 });
  const [size, setSize] = useState<TerminalSize>(measure);
  useEffect(() => {
    if (fixedWidth !== undefined) {
      setSize((current) => (current.width === fixedWidth ? current : { ...current, width: fixedWidth }));
      return;
    }
    let timer: NodeJS.Timeout | undefined;
    const onResize = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => setSize({ width: stdout.columns ?? 80, rows: stdout.rows ?? 24 }), debounceMs);
    };
    stdout.on("resize", onResize);
    return () => {
      if (timer) clearTimeout(timer);
      stdout.off("resize", onResize);
    };
  }, [stdout, fixedWidth, debounceMs]);
  return size;
}

/** Calls `onChange` after a render whose `width` differs from the last one's (not on the first). */
export function useWidthChange(width: number, onChange: () => void): void {
  const last = useRef(width);
  const handler = useRef(onChange);
  handler.current = onChange;
  useEffect(() => {
    if (width === last.current) return;
    last.current = width;
    handler.current();
  }, [width]);
}
