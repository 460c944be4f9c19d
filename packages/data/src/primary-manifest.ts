import { z } from "zod";
import { DOCUMENT_ID } from "./document-ids.js";

const SLUG = /^[a-z][a-z0-9-]*$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** One document of a primary-source collection's `manifest.json`. */
export const PrimaryManifestDocument = z
  .strictObject({
    id: z.string().regex(DOCUMENT_ID, "ids are lowercase letters, digits and dashes"),
    /** What sort of document it is ("government-work-report"): lowercase words and dashes. */
    kind: z.string().regex(SLUG, "a kind is lowercase letters, digits and dashes"),
    /** The year it was delivered. */
    year: z.number().int().min(1000).max(9999),
    /** The day it was delivered (YYYY-MM-DD), when known; it must fall in `year`. */
    date: z.string().regex(ISO_DATE, "a date is YYYY-MM-DD").optional(),
    /** For a party congress report: which congress (16 for the Sixteenth). */
    congress: z.number().int().positive().optional(),
    title: z.string().min(1),
    url: z.string().url(),
    file: z
      .string()
      .min(1)
      .refine((file) => !/[/\\]/.test(file), "a file name in the same folder, without a path"),
    /** A BCP 47 language tag ("zh-Hans"). */
    language: z.string().min(1),
    /** The file's length in characters, as the manifest's author counted it. */
    chars: z.number().int().nonnegative(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    /** The document's own licence, when it differs from the collection's. */
    licence: z.string().min(1).optional(),
  })
  .refine((document) => document.date === undefined || document.date.startsWith(`${document.year}-`), {
    message: "the date must fall in the document's year",
    path: ["date"],
  });
export type PrimaryManifestDocument = z.infer<typeof PrimaryManifestDocument>;

/**
 * The `manifest.json` of a primary-source collection (the `primary` collection of this
 * package): what the collection is, where it comes from, under which licence, and each
 * document with its kind, year, date, congress, title, url, file and sha256. Unknown keys
 * are errors, so typos show; ids and files must be unique.
 */
export const PrimaryManifest = z
  .strictObject({
    collection: z.string().min(1),
    source: z.string().min(1),
    licence: z.string().min(1),
    notes: z.string().optional(),
    documents: z.array(PrimaryManifestDocument).min(1),
  })
  .superRefine((manifest, context) => {
    for (const key of ["id", "file"] as const) {
      const seen = new Map<string, number>();
      manifest.documents.forEach((document, index) => {
        const first = seen.get(document[key]);
        if (first !== undefined) {
          context.addIssue({
            code: "custom",
            path: ["documents", index, key],
            message: `duplicate ${key} "${document[key]}" (also documents[${first}].${key})`,
          });
        } else seen.set(document[key], index);
      });
    }
  });
export type PrimaryManifest = z.infer<typeof PrimaryManifest>;
