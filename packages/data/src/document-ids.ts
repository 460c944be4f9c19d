import { createHash } from "node:crypto";

/** The shape of a document id: lowercase letters, digits and dashes (as in the corpus manifest). */
export const DOCUMENT_ID = /^[a-z0-9][a-z0-9-]*$/;

/**
 * Turns a file name into a document id: the name without its extension, accents
 * removed, lowercased, every run of other characters made one dash. A name with no
 * Latin letters or digits (e.g. "新型工业化.md") gets `doc-` plus a short hash of the
 * name, so it is still stable from one run to the next.
 *
 * @example
 * slugifyFileName("Jin Zhuanglong – Interview (2023).md"); // → "jin-zhuanglong-interview-2023"
 */
export function slugifyFileName(fileName: string): string {
  const stem = fileName.replace(/\.[^.]+$/, "");
  const slug = stem
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/, "");
  if (slug.length > 0) return slug;
  return `doc-${createHash("sha256").update(stem).digest("hex").slice(0, 8)}`;
}

/**
 * Returns `base` if it is free, else `base-2`, `base-3`, … — the first one not in `taken`.
 * The caller adds the result to `taken`.
 */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
