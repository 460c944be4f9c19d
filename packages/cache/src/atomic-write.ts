import { randomBytes } from "node:crypto";
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { dirname } from "node:path";

/**
 * The temporary file a write goes to before it is renamed over `path`: beside it (a rename
 * never crosses file systems), named by the process and a random suffix (two writers never
 * share one), ending in `.tmp` (so a stray is recognisable).
 */
function temporaryFor(path: string): string {
  return `${path}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
}

/**
 * Writes `data` to `path` atomically: into a temporary file beside it (mode 0600; the folder
 * is created, mode 0700), then renamed into place, so a reader — or a crash — sees the old
 * file or the new one, never part of one. On failure the temporary file is removed and the
 * error is thrown.
 *
 * @example
 * await writeFileAtomic(join(userCacheDir(), "notes.json"), JSON.stringify(notes));
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const temporary = temporaryFor(path);
  try {
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    await writeFile(temporary, data, { mode: 0o600 });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw error;
  }
}

/**
 * {@link writeFileAtomic}, synchronously: for small state files written where the caller
 * must know at once whether the write worked (the chat's input history).
 */
export function writeFileAtomicSync(path: string, data: string | Uint8Array): void {
  const temporary = temporaryFor(path);
  try {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    writeFileSync(temporary, data, { mode: 0o600 });
    renameSync(temporary, path);
  } catch (error) {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // nothing to clean up
    }
    throw error;
  }
}
