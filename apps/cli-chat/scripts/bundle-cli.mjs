#!/usr/bin/env node
/**
 * Bundles the one-shot commands (dist/bin.js as tsc wrote it, the commands and the
 * @newind/* packages they import) into dist/newind.js plus lazily loaded chunks beside it,
 * the `newind` binary. Node 20 has no compile cache: each of the ~70 ES modules `newind
 * ask` loaded cost its own resolve, read and compile, and one bundled file costs far less.
 *
 * - The chat (`commands/chat.js`, and through it the Ink bundle of bundle-chat-ui.mjs)
 *   stays as tsc wrote it, loaded from dist/ as before, and so does `errors.js`, which
 *   both sides share so that `instanceof UserError` holds across them.
 * - What a module loads only when needed (yaml and htmlparser2 for folder corpora, zod for
 *   a full corpus load) stays a dynamic import, so it lands in a chunk of its own.
 * - The packages find their data files with `new URL(…, import.meta.url)`. In the bundle,
 *   every module's `import.meta.url` becomes its own file's URL, written relative to the
 *   bundle (`new URL("../../../packages/data/dist/package-dirs.js", import.meta.url)`), so
 *   the bundle finds them wherever the repository is, and a dist/ restored from turbo's
 *   cache is right too.
 *
 * Also writes dist/newind.meta.json (esbuild's metafile: which modules each output file
 * holds), which the start-up test reads to check what the one-shot path loads.
 */
import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const dist = fileURLToPath(new URL("../dist/", import.meta.url));
const workspace = fileURLToPath(new URL("../../../", import.meta.url));

/** Modules left out of the bundle, loaded from dist/ as tsc wrote them. */
const KEEP_AS_BUILT = /(?:^|\/)(?:commands\/chat|errors)\.js$/;

// The chunks of an earlier build (their names are hashes) must not pile up in dist/.
for (const file of await readdir(dist)) {
  if (/^newind(?:-[A-Z0-9]+)?\.js$/.test(file)) await rm(`${dist}${file}`);
}

const result = await build({
  entryPoints: { newind: `${dist}bin.js` },
  outdir: dist,
  // Chunks beside the entry: every output file is in dist/, so one relative path per module works from all of them.
  chunkNames: "newind-[hash]",
  bundle: true,
  splitting: true,
  minify: true,
  platform: "node",
  format: "esm",
  target: "node20",
  metafile: true,
  // The metafile names modules relative to this package, wherever the build was started.
  absWorkingDir: fileURLToPath(new URL("..", import.meta.url)),
  logLevel: "warning",
  // yaml is CommonJS and calls require("process"): give every ES module chunk a require().
  banner: {
    js: "import { createRequire as __newindRequire } from 'node:module'; const require = __newindRequire(import.meta.url);",
  },
  plugins: [
    {
      name: "keep-as-built",
      setup(context) {
        context.onResolve({ filter: KEEP_AS_BUILT }, (args) => {
          if (!args.importer.startsWith(dist)) return undefined;
          const fromBundle = relative(dist, resolve(dirname(args.importer), args.path))
            .split(sep)
            .join("/");
          return { path: `./${fromBundle}`, external: true };
        });
      },
    },
    {
      name: "import-meta-url",
      setup(context) {
        // Only the workspace's own compiled modules; dependencies in node_modules are left alone.
        context.onLoad({ filter: /\.js$/ }, async (args) => {
          if (!args.path.startsWith(workspace) || args.path.includes(`${sep}node_modules${sep}`))
            return undefined;
          const source = await readFile(args.path, "utf8");
          if (!source.includes("import.meta.url")) return undefined;
          const fromBundle = relative(dist, args.path).split(sep).join("/");
          const url = `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`;
          return {
            contents: source.replaceAll("import.meta.url", url),
            loader: "js",
            resolveDir: dirname(args.path),
          };
        });
      },
    },
  ],
});

await writeFile(`${dist}newind.meta.json`, JSON.stringify(result.metafile));
