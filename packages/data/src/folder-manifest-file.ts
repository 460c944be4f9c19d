/** The name of the optional manifest in a user's corpus folder. */
export const FOLDER_MANIFEST_FILE = "corpus.json";
