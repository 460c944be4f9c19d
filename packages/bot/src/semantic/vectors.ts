/** A sentence vector: unit length, so the dot product of two is their cosine similarity. */
export type Vector = Float32Array;

/** Encodes texts as sentence vectors (unit length). */
export interface SentenceEncoder {
  embed(texts: readonly string[]): Promise<Vector[]>;
}

/** The dot product of two unit vectors: their cosine similarity (0 when either is missing). */
export function cosine(a: Vector | undefined, b: Vector | undefined): number {
  if (!a || !b || a.length !== b.length) return 0;
  let dot = 0;
  for (let i = 0; i < a.length; i++) dot += (a[i] as number) * (b[i] as number);
  return dot;
}

/** Scales a vector to unit length (a zero vector stays zero). */
export function normalize(values: ArrayLike<number>): Vector {
  const out = Float32Array.from(values);
  let norm = 0;
  for (const value of out) norm += value * value;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) / norm;
  return out;
}

/** Vectors quantised to signed bytes, base64-encoded: how sentence vectors are stored. */
export interface StoredVectors {
  dimensions: number;
  /** Base64 of one signed byte per component, `dimensions` bytes a vector. */
  data: string;
}

/** Quantises unit vectors to signed bytes (±127 spans ±0.5: a unit vector's components are small). */
export function storeVectors(vectors: readonly Vector[], dimensions: number): StoredVectors {
  const bytes = new Int8Array(vectors.length * dimensions);
  vectors.forEach((vector, i) => {
    for (let k = 0; k < dimensions; k++) {
      bytes[i * dimensions + k] = Math.max(-127, Math.min(127, Math.round((vector[k] ?? 0) * 254)));
    }
  });
  return { dimensions, data: Buffer.from(bytes.buffer).toString("base64") };
}

/** The vectors of {@link storeVectors}, unit length again. */
export function loadVectors(stored: StoredVectors): Vector[] {
  const bytes = new Int8Array(Buffer.from(stored.data, "base64"));
  const count = Math.floor(bytes.length / stored.dimensions);
  const out: Vector[] = [];
  for (let i = 0; i < count; i++)
    out.push(normalize(bytes.subarray(i * stored.dimensions, (i + 1) * stored.dimensions)));
  return out;
}
