#!/usr/bin/env node
/**
 * Bundles the compiled Ink chat (dist/ui/run-chat-app.js with ink, react, yoga and their
 * dependencies) into one file, dist/ui/chat-app.bundle.js. Loading ~200 small ES modules —
 * ink imports all of es-toolkit/compat for one `throttle` — costs about three times as much
 * as one bundled file, and the chat's first frame waits on it. The `@newind/*` packages with
 * data files stay external (they find them next to themselves); `@newind/cache`, which has
 * none and which the input history's atomic write needs at start, is bundled.
 */
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const dist = fileURLToPath(new URL("../dist/ui/", import.meta.url));

await build({
  entryPoints: [`${dist}run-chat-app.js`],
  outfile: `${dist}chat-app.bundle.js`,
  bundle: true,
  minify: true,
  platform: "node",
  format: "esm",
  target: "node20",
  external: [
    "@newind/core",
    "@newind/core/*",
    "@newind/data",
    "@newind/data/*",
    "@newind/search",
    "@newind/bot",
    "@newind/analytics",
  ],
  define: { "process.env.NODE_ENV": '"production"' },
  // Some dependencies are CommonJS and call require(): give the ES module bundle one.
  banner: {
    js: [
      "import { createRequire as __newindRequire } from 'node:module'; const require = __newindRequire(import.meta.url);",
      // yoga's wasm loader asks `typeof fetch` (and decodes its inlined wasm either way);
      // touching Node's global fetch loads undici, ~20 ms before the first frame. Its only user.
      "const fetch = undefined;",
    ].join("\n"),
  },
  logLevel: "warning",
  plugins: [
    {
      // Ink loads React DevTools only when DEV=true; never in the shipped chat.
      name: "no-devtools",
      setup(context) {
        context.onResolve({ filter: /^react-devtools-core$/ }, () => ({
          path: "react-devtools-core",
          namespace: "stub",
        }));
        context.onLoad({ filter: /.*/, namespace: "stub" }, () => ({
          contents: "export default {};",
          loader: "js",
        }));
      },
    },
  ],
});
