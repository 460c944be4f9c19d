import type { Corpus } from "@newind/core/text";
import { PRIMARY_CORPUS_DIR, PRIMARY_CORPUS_SNAPSHOT_URL } from "./package-dirs.js";

export { PRIMARY_CORPUS_DIR };

let primaryCorpus: Promise<Corpus> | undefined;

/**
 * The primary collection shipped with this package — the State Council's government work
 * reports (1954–2025) and the CPC National Congress reports (12th–20th), in Chinese, as
 * `corpus/primary/manifest.json` lists them — parsed, with no curated datasets. Loaded
 * once per process, and only when asked for: nothing of it is read before.
 *
 * The build writes a snapshot of it (`dist/primary-corpus.json`), used while every file it
 * was made from still has the same sha256; otherwise the files are read, checked against
 * the manifest's sha256 and parsed, and a missing or changed file is a `CorpusLoadError`
 * that names it.
 *
 * @example
 * const primary = await loadPrimaryCorpus();
 * primary.documents.filter((document) => document.kind === "party-congress-report").length; // 9
 */
export function loadPrimaryCorpus(): Promise<Corpus> {
  primaryCorpus ??= Promise.all([import("./corpus-snapshot.js"), import("./load-primary-corpus.js")])
    .then(([{ loadCorpusWithSnapshot }, { PRIMARY_CORPUS_LOADER }]) =>
      loadCorpusWithSnapshot(
        { corpusDir: PRIMARY_CORPUS_DIR, snapshot: PRIMARY_CORPUS_SNAPSHOT_URL },
        PRIMARY_CORPUS_LOADER,
      ),
    )
    .then(
      (loaded) => loaded.corpus,
      (error: unknown) => {
        // A failed load is not cached, so a restored file loads on the next call.
        primaryCorpus = undefined;
        throw error;
      },
    );
  return primaryCorpus;
}
