import type { Corpus } from "@newind/core/text";
import { PRIMARY_CORPUS_DIR } from "./package-dirs.js";

export { PRIMARY_CORPUS_DIR };

let primaryCorpus: Promise<Corpus> | undefined;

/**
 * The primary collection shipped with this package — the State Council's government work
 * reports (1954–2025) and the CPC National Congress reports (12th–20th), in Chinese, as
 * `corpus/primary/manifest.json` lists them — parsed, with no curated datasets. Loaded
 * once per process, and only when asked for: nothing of it is read before.
 *
 * The build stores a snapshot of it in this package's store (`dist/store/`), under the
 * sha256 of every file it was made from, used while they are unchanged; otherwise the files are read, checked against
 * the manifest's sha256 and parsed, and a missing or changed file is a `CorpusLoadError`
 * that names it.
 *
 * @example
 * const primary = await loadPrimaryCorpus();
 * primary.documents.filter((document) => document.kind === "party-congress-report").length; // 9
 */
export function loadPrimaryCorpus(): Promise<Corpus> {
  primaryCorpus ??= Promise.all([import("./corpus-snapshot.js"), import("./load-primary-corpus.js")])
    .then(([{ loadCorpusWithSnapshot, packageStore }, { PRIMARY_CORPUS_LOADER }]) =>
      loadCorpusWithSnapshot(packageStore(), { corpusDir: PRIMARY_CORPUS_DIR }, PRIMARY_CORPUS_LOADER),
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
