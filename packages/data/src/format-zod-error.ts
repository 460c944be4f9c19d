import type { z } from "zod";

type PathKey = PropertyKey;

function formatPath(path: readonly PathKey[]): string {
  let result = "";
  for (const key of path) {
    if (typeof key === "number") result += `[${key}]`;
    else result += result === "" ? String(key) : `.${String(key)}`;
  }
  return result;
}

function recordId(data: unknown, path: readonly PathKey[]): string | undefined {
  let value: unknown = data;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  if (value !== null && typeof value === "object") {
    const id = (value as { id?: unknown }).id;
    if (typeof id === "string" && id !== "") return id;
  }
  return undefined;
}

/**
 * Turns a zod error into one line per issue naming the file, the record (the first
 * array element on the issue's path, with its `id` when the data has one) and the field.
 *
 * @param file the file name to report (e.g. "corpus/manifest.json").
 * @param error the error from `schema.safeParse(data)`.
 * @param data the parsed JSON, to look up record ids; optional.
 * @example
 * formatZodError("manifest.json", result.error, json);
 * // → 'manifest.json: record documents[0] (id "new-industrialization"), field "sha256": Invalid string…'
 */
export function formatZodError(file: string, error: z.ZodError, data?: unknown): string {
  return error.issues
    .map((issue) => {
      const path = issue.path;
      const recordEnd = path.findIndex((key) => typeof key === "number") + 1;
      const parts: string[] = [];
      if (recordEnd > 0) {
        const recordPath = path.slice(0, recordEnd);
        const id = data === undefined ? undefined : recordId(data, recordPath);
        parts.push(`record ${formatPath(recordPath)}${id ? ` (id "${id}")` : ""}`);
      }
      const field = path.slice(recordEnd);
      if (field.length > 0) parts.push(`field "${formatPath(field)}"`);
      return parts.length > 0
        ? `${file}: ${parts.join(", ")}: ${issue.message}`
        : `${file}: ${issue.message}`;
    })
    .join("\n");
}
