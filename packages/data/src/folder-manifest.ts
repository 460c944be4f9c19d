import { Author } from "@newind/core";
import { z } from "zod";
import { DOCUMENT_ID } from "./document-ids.js";

// In a module without zod, so the folder loader can look for the file before loading the schema.
export { FOLDER_MANIFEST_FILE } from "./folder-manifest-file.js";

/** An author in `corpus.json`: a name, or `{name, role}`. */
export const FolderManifestAuthor = z.union([
  z
    .string()
    .min(1)
    .transform((name): Author => ({ name })),
  Author,
]);

/** What `corpus.json` may say about one file of its folder; everything but `file` is optional. */
export const FolderManifestEntry = z.strictObject({
  file: z
    .string()
    .min(1)
    .refine((file) => !/[/\\]/.test(file), "a file name in the same folder, without a path"),
  id: z.string().regex(DOCUMENT_ID, "ids are lowercase letters, digits and dashes").optional(),
  title: z.string().min(1).optional(),
  authors: z.array(FolderManifestAuthor).optional(),
  publisher: z.string().min(1).optional(),
  url: z.string().url().optional(),
  published: z.string().min(1).optional(),
  /** Another name for `published`, as front matter allows. */
  date: z.string().min(1).optional(),
});
export type FolderManifestEntry = z.infer<typeof FolderManifestEntry>;

/**
 * The optional `corpus.json` of a user's corpus folder: metadata per file, which wins
 * over what the file itself says (front matter, `<title>`). Files it does not list
 * still load; a file it lists must exist. Unknown keys are errors, so typos show.
 *
 * @example
 * {
 *   "version": 1,
 *   "documents": [
 *     { "file": "jin-essay.html", "id": "jin-essay", "title": "Fully Implement the Spirit…",
 *       "authors": ["Jin Zhuanglong"], "publisher": "Qiushi", "url": "https://example.org/jin" }
 *   ]
 * }
 */
export const FolderManifest = z
  .strictObject({
    version: z.literal(1).optional(),
    documents: z.array(FolderManifestEntry),
  })
  .superRefine((manifest, context) => {
    const files = new Map<string, number>();
    const ids = new Map<string, number>();
    manifest.documents.forEach((entry, index) => {
      const sameFile = files.get(entry.file);
      if (sameFile !== undefined) {
        context.addIssue({
          code: "custom",
          path: ["documents", index, "file"],
          message: `"${entry.file}" is already described by documents[${sameFile}]`,
        });
      } else files.set(entry.file, index);
      if (entry.id === undefined) return;
      const sameId = ids.get(entry.id);
      if (sameId !== undefined) {
        context.addIssue({
          code: "custom",
          path: ["documents", index, "id"],
          message: `duplicate id "${entry.id}" (also documents[${sameId}].id)`,
        });
      } else ids.set(entry.id, index);
    });
  });
export type FolderManifest = z.infer<typeof FolderManifest>;
