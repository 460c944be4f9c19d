import { homedir } from "node:os";
import { isAbsolute, join } from "node:path";

/**
 * The folder of newind's cache: `$XDG_CACHE_HOME/newind`, or `~/.cache/newind` when
 * `XDG_CACHE_HOME` is unset, empty or relative (the XDG spec says to ignore a relative one).
 * The one place that knows it; never one of the user's document folders.
 *
 * @example
 * const store = openStore(userCacheDir(process.env));
 */
export function userCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env.XDG_CACHE_HOME;
  const base = xdg && isAbsolute(xdg) ? xdg : join(env.HOME || homedir(), ".cache");
  return join(base, "newind");
}
