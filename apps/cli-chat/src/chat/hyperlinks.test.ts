import { describe, expect, it } from "vitest";
import { supportsHyperlinks } from "./hyperlinks.js";

const tty = { isTTY: true };

describe(supportsHyperlinks, () => {
  it("says yes for terminals that show OSC 8 links", () => {
    expect(supportsHyperlinks({ TERM_PROGRAM: "WezTerm" }, tty)).toBe(true);
    expect(supportsHyperlinks({ TERM_PROGRAM: "iTerm.app", TERM_PROGRAM_VERSION: "3.4.19" }, tty)).toBe(true);
    expect(supportsHyperlinks({ VTE_VERSION: "7600" }, tty)).toBe(true);
    expect(supportsHyperlinks({ WT_SESSION: "x" }, tty)).toBe(true);
    expect(supportsHyperlinks({ TERM: "xterm-kitty" }, tty)).toBe(true);
  });

  it("says no for pipes, CI, dumb terminals, tmux and the unknown, unless forced", () => {
    expect(supportsHyperlinks({ TERM_PROGRAM: "WezTerm" }, { isTTY: false })).toBe(false);
    expect(supportsHyperlinks({ VTE_VERSION: "7600", TMUX: "/tmp/tmux" }, tty)).toBe(false);
    expect(supportsHyperlinks({ CI: "true", WT_SESSION: "x" }, tty)).toBe(false);
    expect(supportsHyperlinks({ TERM: "xterm-256color" }, tty)).toBe(false);
    expect(supportsHyperlinks({ TERM_PROGRAM: "iTerm.app", TERM_PROGRAM_VERSION: "2.9" }, tty)).toBe(false);
    expect(supportsHyperlinks({ FORCE_HYPERLINK: "1" }, { isTTY: false })).toBe(true);
    expect(supportsHyperlinks({ FORCE_HYPERLINK: "0", WT_SESSION: "x" }, tty)).toBe(false);
  });
});
