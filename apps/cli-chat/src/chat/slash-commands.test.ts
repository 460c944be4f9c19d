import { describe, expect, it } from "vitest";
import { closestCommand, completeSlash, editDistance, parseSlash } from "./slash-commands.js";

describe(parseSlash, () => {
  it("splits the command word from its arguments", () => {
    expect(parseSlash("/search  local protectionism ")).toMatchObject({
      word: "search",
      args: "local protectionism",
    });
    expect(parseSlash("/OPEN 2")?.command?.name).toBe("open");
    expect(parseSlash("/exit")?.command?.name).toBe("quit");
    expect(parseSlash("why?")).toBeUndefined();
  });
});

describe(completeSlash, () => {
  it("completes a unique prefix with a trailing space", () => {
    expect(completeSlash("/ti").text).toBe("/timeline ");
  });
  it("lists every candidate of an ambiguous prefix", () => {
    expect(completeSlash("/s").candidates.map((command) => command.name)).toEqual(["sources", "search"]);
  });
  it("leaves text that is not a command alone", () => {
    expect(completeSlash("what is /s").text).toBe("what is /s");
  });
});

describe(closestCommand, () => {
  it("suggests the command a typo meant", () => {
    expect(closestCommand("serch")?.name).toBe("search");
    expect(closestCommand("metircs")?.name).toBe("metrics");
    expect(closestCommand("tiemline")?.name).toBe("timeline");
    expect(closestCommand("qiut")?.name).toBe("quit");
  });
  it("suggests nothing for a word that is not close", () => {
    expect(closestCommand("xyzzyplugh")).toBeUndefined();
  });
  it("counts a transposition as one edit", () => {
    expect(editDistance("ab", "ba")).toBe(1);
  });
});
