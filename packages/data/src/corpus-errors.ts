import { CorpusLoadError } from "./corpus-files.js";

/** Why the user's folders could not be loaded. */
export type CorpusErrorCode =
  | "missing-folder"
  | "not-a-folder"
  | "unreadable"
  | "invalid-manifest"
  | "duplicate-id"
  | "no-documents";

/**
 * A problem with the user's folders that stops loading: a missing folder, an unreadable
 * file, a malformed `corpus.json`, duplicate document ids. `message` is one line that
 * names the path (and, for manifest problems, the record and field inside it), ready to
 * print; `file` is that path. A {@link CorpusLoadError}, so one `instanceof` check covers
 * the built-in corpus's errors too.
 *
 * @example
 * try { await loadCorpus({ dirs: ["./notes"] }); }
 * catch (error) { if (error instanceof CorpusLoadError) console.error(error.message); }
 */
export class CorpusFolderError extends CorpusLoadError {
  /** What went wrong, for programs that react differently to each case. */
  readonly code: CorpusErrorCode;

  /** Creates the error; `message` should already name `file`. */
  constructor(code: CorpusErrorCode, file: string, message: string) {
    super(file, message);
    this.code = code;
  }
}

/**
 * Why a file was skipped with a warning: its bytes (`invalid-utf8`, `invalid-utf16`,
 * `binary`, `empty`, `too-large`), what it is (`not-a-file`: a named pipe, socket or
 * device; `broken-link`; `outside-link`: a link leading out of its folder), or its content
 * (`unreadable-content`: HTML nested too deep to read). `front-matter`: loaded, without the
 * metadata its front matter could not give.
 */
export type CorpusWarningReason =
  | "invalid-utf8"
  | "invalid-utf16"
  | "empty"
  | "binary"
  | "too-large"
  | "front-matter"
  | "not-a-file"
  | "broken-link"
  | "outside-link"
  | "unreadable-content";

/** A file that was skipped (or, for `front-matter`, loaded without its metadata); the rest still load. */
export interface CorpusWarning {
  /** The file's absolute path. */
  path: string;
  reason: CorpusWarningReason;
  /** One line naming the file (control characters escaped), ready to print. */
  message: string;
}

/** A folder entry that is not a document: an unsupported extension, or a subfolder (folders are read one level deep). */
export interface SkippedFile {
  /** The entry's absolute path. */
  path: string;
  reason: "unsupported-extension" | "folder";
}
