import { stripControl } from "@newind/core/text";

/** What a key press (or a paste) asks the input line to do. */
export type KeyAction =
  | { readonly type: "insert"; readonly text: string }
  | { readonly type: "paste"; readonly text: string; readonly submit: boolean }
  | { readonly type: "submit" }
  | { readonly type: SimpleKey };

/** Keys that carry nothing but their name. */
export type SimpleKey =
  | "left"
  | "right"
  | "home"
  | "end"
  | "word-left"
  | "word-right"
  | "up"
  | "down"
  | "backspace"
  | "delete"
  | "delete-to-start"
  | "delete-to-end"
  | "delete-word"
  | "interrupt"
  | "eof"
  | "tab"
  | "escape"
  | "redraw"
  | "page-up"
  | "page-down";

const PASTE_START = "\u001b[200~";
const PASTE_END = "\u001b[201~";

// Escape sequences xterm, VTE, rxvt, tmux and the Linux console send for editing keys.
// Maps: typed text such as "constructor" arrives as one event and must not find Object.prototype's.
const SEQUENCES: ReadonlyMap<string, SimpleKey> = new Map([
  ["\u001b[D", "left"],
  ["\u001bOD", "left"],
  ["\u001b[C", "right"],
  ["\u001bOC", "right"],
  ["\u001b[A", "up"],
  ["\u001bOA", "up"],
  ["\u001b[B", "down"],
  ["\u001bOB", "down"],
  ["\u001b[H", "home"],
  ["\u001bOH", "home"],
  ["\u001b[1~", "home"],
  ["\u001b[7~", "home"],
  ["\u001b[F", "end"],
  ["\u001bOF", "end"],
  ["\u001b[4~", "end"],
  ["\u001b[8~", "end"],
  ["\u001b[3~", "delete"],
  ["\u001b[5~", "page-up"],
  ["\u001b[6~", "page-down"],
  ["\u001b[1;5D", "word-left"],
  ["\u001b[1;3D", "word-left"],
  ["\u001bb", "word-left"],
  ["\u001b[1;5C", "word-right"],
  ["\u001b[1;3C", "word-right"],
  ["\u001bf", "word-right"],
  ["\u001b\u007f", "delete-word"],
  ["\u001b\b", "delete-word"],
  ["\u001b", "escape"],
]);

// Single control bytes (readline's emacs bindings).
const CONTROLS: ReadonlyMap<string, SimpleKey> = new Map([
  ["\u0001", "home"], // Ctrl+A
  ["\u0002", "left"], // Ctrl+B
  ["\u0003", "interrupt"], // Ctrl+C
  ["\u0004", "eof"], // Ctrl+D
  ["\u0005", "end"], // Ctrl+E
  ["\u0006", "right"], // Ctrl+F
  ["\u0008", "backspace"], // Ctrl+H
  ["\t", "tab"],
  ["\u000b", "delete-to-end"], // Ctrl+K
  ["\u000c", "redraw"], // Ctrl+L
  ["\u000e", "down"], // Ctrl+N
  ["\u0010", "up"], // Ctrl+P
  ["\u0015", "delete-to-start"], // Ctrl+U
  ["\u0017", "delete-word"], // Ctrl+W
  ["\u007f", "backspace"],
]);

/**
 * Turns the input events Ink's parser yields (a single key, an escape sequence, or a run of
 * text — a paste arrives as one run) into {@link KeyAction}s. Bracketed paste
 * (`ESC[200~ … ESC[201~`, possibly split over several events) becomes one `paste` action.
 * A run of text with a line break in it is a paste too: its lines are joined and it submits
 * once if it ended with a line break — so a pasted question is sent whole, exactly once.
 */
export class KeyDecoder {
  private pasting: string | undefined;
  /** Inside an OSC or DCS string (a terminal's reply, never a key): dropped up to its end. */
  private swallowing = false;

  /** Whether a bracketed paste has started and not yet ended. */
  get inPaste(): boolean {
    return this.pasting !== undefined;
  }

  /** Decodes one input event. */
  push(event: string): KeyAction[] {
    if (this.pasting !== undefined) {
      const end = event.indexOf(PASTE_END);
      if (end < 0) {
        this.pasting += event;
        return [];
      }
      const text = this.pasting + event.slice(0, end);
      this.pasting = undefined;
      return [pasteAction(text), ...this.push(event.slice(end + PASTE_END.length))];
    }
    if (event === "") return [];
    if (this.swallowing) {
      const end = stringTerminator(event);
      if (end < 0) return [];
      this.swallowing = false;
      return this.push(event.slice(end));
    }
    if (event === "\u001b]" || event === "\u001bP" || event === "\u001b_") {
      this.swallowing = true;
      return [];
    }
    const start = event.indexOf(PASTE_START);
    if (start >= 0) {
      this.pasting = "";
      return [...this.push(event.slice(0, start)), ...this.push(event.slice(start + PASTE_START.length))];
    }
    const sequence = SEQUENCES.get(event);
    if (sequence) return [{ type: sequence }];
    const control = CONTROLS.get(event);
    if (control) return [{ type: control }];
    if (event === "\r" || event === "\n" || event === "\r\n" || event === "\u001b\r")
      return [{ type: "submit" }];
    if (event.startsWith("\u001b")) return []; // an unknown escape sequence: ignore it, never print it
    if (event.length > 1) {
      // Keys typed faster than they are read arrive as one event ("\u0015new one\r"):
      // split off the control keys so each still edits; text runs go on as text.
      const pieces = splitControls(event);
      if (pieces.length > 1) return pieces.flatMap((piece) => this.push(piece));
    }
    if (/[\r\n]/.test(event)) return [pasteAction(event)];
    const printable = stripControl(event);
    return printable === "" ? [] : [{ type: "insert", text: printable }];
  }
}

// Index just past the BEL or ESC \\ that ends an OSC/DCS string, or -1.
function stringTerminator(text: string): number {
  const bell = text.indexOf("\u0007");
  const st = text.indexOf("\u001b\\");
  if (bell < 0 && st < 0) return -1;
  if (st < 0 || (bell >= 0 && bell < st)) return bell + 1;
  return st + 2;
}

// Control characters other than tab, line feed and carriage return, which belong to text.
function isEditingControl(code: number): boolean {
  return (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f;
}

function splitControls(event: string): string[] {
  const pieces: string[] = [];
  let text = "";
  for (const character of event) {
    if (isEditingControl(character.charCodeAt(0))) {
      if (text) pieces.push(text);
      text = "";
      pieces.push(character);
    } else text += character;
  }
  if (text) pieces.push(text);
  return pieces;
}

function pasteAction(raw: string): KeyAction {
  const submit = /[\r\n]\s*$/.test(raw);
  const text = raw
    .replace(/\r\n?/g, "\n")
    .trim()
    .split("\n")
    .map((part) => part.trim())
    .filter((part) => part !== "")
    .join(" ");
  return { type: "paste", text, submit };
}
