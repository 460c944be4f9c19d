#!/usr/bin/env node
// The one build step for the built-in snapshots: after `tsc`, it writes a package's derived
// artefacts of its shipped data into the package's own store (`dist/store/`, a content-
// addressed store of @newind/cache, read-only at run time), each keyed by the hashes of the
// files it is derived from and the version of the code deriving it:
//
//   node ../../scripts/build-snapshots.mjs data     the built-in corpus and the primary
//                                                   collection, as their full loads give them
//   node ../../scripts/build-snapshots.mjs search   the default corpus's search index
//
// (The bot's sentence vectors of the built-in corpus are written by packages/bot's own build.)
import { performance } from "node:perf_hooks";

const packages = new URL("../packages/", import.meta.url);

async function buildData() {
  const dist = new URL("data/dist/", packages);
  const [{ openStore }, snapshot, { DEFAULT_CORPUS_LOADER }, { PRIMARY_CORPUS_LOADER }, dirs] =
    await Promise.all([
      import(new URL("cache/dist/index.js", packages).href),
      import(new URL("corpus-snapshot.js", dist).href),
      import(new URL("load-corpus.js", dist).href),
      import(new URL("load-primary-corpus.js", dist).href),
      import(new URL("package-dirs.js", dist).href),
    ]);
  // Everything in dist/ was just built: the store holds exactly this build's snapshots.
  const store = openStore(dirs.PACKAGE_STORE_DIR, { keep: Number.POSITIVE_INFINITY });
  await timed("data", "the built-in corpus", () =>
    snapshot.writeCorpusSnapshot(
      store,
      { corpusDir: dirs.DEFAULT_CORPUS_DIR, datasetsDir: dirs.DEFAULT_DATASETS_DIR },
      DEFAULT_CORPUS_LOADER,
    ),
  );
  await timed("data", "the primary collection", () =>
    snapshot.writeCorpusSnapshot(store, { corpusDir: dirs.PRIMARY_CORPUS_DIR }, PRIMARY_CORPUS_LOADER),
  );
}

async function buildSearch() {
  const [{ openStore }, { loadDefaultCorpus }, search] = await Promise.all([
    import(new URL("cache/dist/index.js", packages).href),
    import(new URL("data/dist/loaders.js", packages).href),
    import(new URL("search/dist/index.js", packages).href),
  ]);
  const store = openStore(new URL("search/dist/store/", packages), { keep: Number.POSITIVE_INFINITY });
  await timed("search", "the default corpus's index", async () => {
    const corpus = await loadDefaultCorpus();
    const index = await search.createSearchIndex(corpus);
    const json = JSON.stringify(index.toJSON());
    const written = await search.writeSearchIndex(store, index);
    if (written.problem) throw new Error(written.problem);
    return { corpus, bytes: Buffer.byteLength(json), location: written.location };
  });
}

async function timed(name, what, write) {
  const started = performance.now();
  const { corpus, bytes, location } = await write();
  const ms = Math.round(performance.now() - started);
  console.log(
    `${name}: stored ${what} as ${location.slice(location.lastIndexOf("dist/"))} ` +
      `(${corpus.documents.length} documents, ${corpus.sentences.length} sentences, ${(bytes / 1024).toFixed(0)} KiB, ${ms} ms)`,
  );
}

const builders = new Map([
  ["data", buildData],
  ["search", buildSearch],
]);
const build = builders.get(process.argv[2] ?? "");
if (!build) {
  console.error(`build-snapshots: name a package: ${[...builders.keys()].join(" or ")}`);
  process.exit(2);
}
await build();
