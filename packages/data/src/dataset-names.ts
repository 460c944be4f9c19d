/** The five datasets, in the order they are loaded and reported. */
export const DATASET_NAMES = ["metrics", "timeline", "entities", "lists", "glossary"] as const;
/** The name of one dataset; its file is `<name>.json`. */
export type DatasetName = (typeof DATASET_NAMES)[number];
