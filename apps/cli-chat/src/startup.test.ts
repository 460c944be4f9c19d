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
// And every file the process reads with fs (the bundle's chunks, the corpus, its snapshot): "read PATH".
const REGISTER = `data:text/javascript,${encodeURIComponent(
  `import { register, syncBuiltinESMExports } from "node:module";
  import fs from "node:fs";
  register(${JSON.stringify(LIST_MODULES)});
  const shown = (path) => String(path instanceof URL ? path.pathname : path);
  const readFile = fs.promises.readFile;
  fs.promises.readFile = function (path, ...rest) {
    process.stderr.write("read " + shown(path) + "\\n");
    return readFile.call(this, path, ...rest);
  };
  const readFileSync = fs.readFileSync;
  fs.readFileSync = function (path, ...rest) {
    process.stderr.write("read " + shown(path) + "\\n");
    return readFileSync.call(this, path, ...rest);
  };
  syncBuiltinESMExports();`,
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
 * What a one-shot command loads — module URLs, and for a file of the bundle the modules
 * bundled into it (paths relative to apps/cli-chat, "../../packages/…") — and every file it
 * reads.
 */
function startUp(args: string[]): { modules: string[]; reads: string[] } {
  const result = spawnSync(process.execPath, ["--import", REGISTER, BIN, ...args], {
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", XDG_CACHE_HOME: cache },
  });
  expect(result.status, result.stderr).toBe(0);
  const reads = result.stderr
    .split("\n")
    .filter((line) => line.startsWith("read "))
    .map((line) => line.slice("read ".length));
  const modules = result.stderr
    .split("\n")
    .filter((line) => line.startsWith("loaded "))
    .map((line) => line.slice("loaded ".length))
    .flatMap((url) => {
      const bundled =
        url.includes("/apps/cli-chat/dist/") && BUNDLED.get(url.slice(url.lastIndexOf("/") + 1));
      return bundled ? [url, ...bundled.map((input) => `/${input}`)] : [url];
    });
  return { modules, reads };
}

/** Modules that mean a corpus was parsed or validated: the parsers, zod's schemas, the datasets' validation. */
const PARSING = /\/(parse-document|parse-chinese-document|primary-manifest|datasets|schemas)\.js$/;
const ZOD_OR_UI = /\/node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?(zod|ink|react)\//;

// Startup time is measured, not tested; what is tested is that the one-shot commands do not
// load what they never use: zod (the built-in corpus comes from its build-time snapshot),
// the parser, and the chat UI.
describe("one-shot commands on the built-in corpus", () => {
  it.each([
    [["ask", "When was New Industrialization first proposed?", "--json"]],
    [["search", "local protectionism", "--json"]],
    [["sources", "--json"]],
  ])("newind %j loads neither zod, nor the parser, nor Ink or React, nor the primary collection", (args) => {
    const { modules: loaded, reads } = startUp(args);
    expect(reads.filter((path) => /\/corpus\/primary\/|primary-corpus\.json$/.test(path))).toEqual([]);
    expect(loaded.filter((url) => /\/packages\/analytics\/|load-primary-corpus\.js$/.test(url))).toEqual([]);
    expect(loaded.some((url) => url.endsWith("/packages/data/dist/corpus-snapshot.js"))).toBe(true);
    expect(loaded.filter((url) => ZOD_OR_UI.test(url))).toEqual([]);
    expect(loaded.filter((url) => PARSING.test(url))).toEqual([]);
  });
});

describe("the analytics commands on the primary collection", () => {
  it.each([[["trend", "新型工业化", "--json"]], [["kwic", "新型工业化", "--json"]]])(
    "newind %j restores the collection from its snapshot: no parser, no zod, no Ink or React",
    (args) => {
      const { modules, reads } = startUp(args);
      // The snapshot: an entry of the package's store (the built-in corpus's is the other one).
      expect(
        reads.filter((path) => /\/packages\/data\/dist\/store\/corpus-[0-9a-f]{64}\.json$/.test(path)),
      ).toHaveLength(1);
      // Every text is read once, to check its sha256 against the snapshot's.
      expect(reads.filter((path) => /\/corpus\/primary\/[^/]+\.txt$/.test(path))).toHaveLength(61);
      expect(modules.some((url) => url.endsWith("/packages/analytics/dist/term-trend.js"))).toBe(true);
      expect(modules.filter((url) => ZOD_OR_UI.test(url))).toEqual([]);
      expect(modules.filter((url) => PARSING.test(url))).toEqual([]);
    },
  );
});
