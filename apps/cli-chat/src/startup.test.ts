import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

// The built binary, as a user runs it (turbo builds before testing).
const BIN = fileURLToPath(new URL("../dist/newind.js", import.meta.url));

// A module hook (node:module register) that prints every module URL the process loads, one a line, on stderr.
const LIST_MODULES = `data:text/javascript,${encodeURIComponent(
  `export async function load(url, context, next) {
    if (!url.startsWith("node:")) process.stderr.write("loaded " + url + "\\n");
    return next(url, context);
  }`,
)}`;
const REGISTER = `data:text/javascript,${encodeURIComponent(
  `import { register } from "node:module"; register(${JSON.stringify(LIST_MODULES)});`,
)}`;

const cache = mkdtempSync(join(tmpdir(), "newind-startup-"));
afterAll(() => rmSync(cache, { recursive: true, force: true }));

/**
 * What each file of the bundle holds (esbuild's metafile, written beside it by
 * scripts/bundle-cli.mjs): output file name -> the modules bundled into it, as paths
 * relative to apps/cli-chat.
 */
const BUNDLED: ReadonlyMap<string, string[]> = new Map(
  Object.entries(
    (
      JSON.parse(readFileSync(new URL("../dist/newind.meta.json", import.meta.url), "utf8")) as {
        outputs: Record<string, { inputs: Record<string, unknown> }>;
      }
    ).outputs,
  ).map(([output, { inputs }]) => [output.slice(output.lastIndexOf("/") + 1), Object.keys(inputs)]),
);

/**
 * The modules a one-shot command loads: module URLs, and for a file of the bundle the
 * modules bundled into it (paths relative to apps/cli-chat, "../../packages/…").
 */
function modulesLoadedBy(args: string[]): string[] {
  const result = spawnSync(process.execPath, ["--import", REGISTER, BIN, ...args], {
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", XDG_CACHE_HOME: cache },
  });
  expect(result.status, result.stderr).toBe(0);
  return result.stderr
    .split("\n")
    .filter((line) => line.startsWith("loaded "))
    .map((line) => line.slice("loaded ".length))
    .flatMap((url) => {
      const bundled =
        url.includes("/apps/cli-chat/dist/") && BUNDLED.get(url.slice(url.lastIndexOf("/") + 1));
      return bundled ? [url, ...bundled.map((input) => `/${input}`)] : [url];
    });
}

// Startup time is measured, not tested; what is tested is that the one-shot commands do not
// load what they never use: zod (the built-in corpus comes from its build-time snapshot),
// the parser, and the chat UI.
describe("one-shot commands on the built-in corpus", () => {
  it.each([
    [["ask", "When was New Industrialization first proposed?", "--json"]],
    [["search", "local protectionism", "--json"]],
    [["sources", "--json"]],
  ])("newind %j loads neither zod, nor the parser, nor Ink or React", (args) => {
    const loaded = modulesLoadedBy(args);
    expect(loaded.some((url) => url.endsWith("/packages/data/dist/corpus-snapshot.js"))).toBe(true);
    expect(
      loaded.filter((url) => /\/node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?(zod|ink|react)\//.test(url)),
    ).toEqual([]);
    expect(loaded.filter((url) => /\/(parse-document|datasets|schemas)\.js$/.test(url))).toEqual([]);
  });
});
