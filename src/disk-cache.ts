/**
 * A small cache on disk, for results that are the same in every run and cost more to compute than
 * to read: the V8 code cache of the bundled CLI (cli-launcher.ts), the compressed Latin faces every
 * DOCX embeds whole (writers/docx/zip.ts), the rasterised marks that never change. Entries are
 * named by what they are computed from (a hash of it), written whole under a temporary name and
 * renamed, and checked when read: a missing, stale or damaged entry is computed again, never
 * trusted. Nothing is needed for correctness: a read-only disk only means nothing is saved.
 *
 * Where: UNDOC_CACHE_DIR (or UNDOC_CODE_CACHE, the older name) when set ("off": no cache at all),
 * else dist/.cache in the package (writable after `npm run build`), else a folder of the user's
 * in the temporary directory. The cache holds code (V8's, and compiled templates): a folder or
 * entry someone else could have written (another owner than this user or root, or writable by
 * group or others) is never read.
 */
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import { PACKAGE_ROOT } from "./package-root.js";


function setting(): string | undefined {
  return process.env.UNDOC_CACHE_DIR ?? process.env.UNDOC_CODE_CACHE;
}

/** Whether the cache is turned off (UNDOC_CACHE_DIR=off). */
export function cacheOff(): boolean {
  return setting() === "off";
}

/** The folders the cache may be in, most preferred first. */
export function cacheDirs(): string[] {
  const chosen = setting();
  if (chosen === "off") return [];
  if (chosen) return [chosen];
  let user = "user";
  try {
    user = String(userInfo().uid);
  } catch {}
  return [join(PACKAGE_ROOT, "dist", ".cache"), join(tmpdir(), `undoc-cache-${user}`)];
}

/** Whether a folder or file is this user's (or root's) and only its owner may write to it. */
function trusted(path: string): boolean {
  if (typeof process.getuid !== "function") return true; // no POSIX owners (Windows)
  const st = statSync(path);
  return (st.uid === process.getuid() || st.uid === 0) && (st.mode & 0o022) === 0;
}

/** An entry's bytes, from the first folder that has it. */
export function readCached(name: string): Buffer | undefined {
  for (const d of cacheDirs()) {
    try {
      const file = join(d, name);
      if (trusted(d) && trusted(file)) return readFileSync(file);
    } catch {}
  }
  return undefined;
}

/** Saves an entry in the first folder that takes it (whole or not at all). */
export function writeCached(name: string, data: Uint8Array): void {
  for (const d of cacheDirs()) {
    try {
      mkdirSync(d, { recursive: true, mode: 0o755 });
      if (!trusted(d)) continue;
      const tmp = join(d, `${name}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
      writeFileSync(tmp, data, { mode: 0o644 });
      renameSync(tmp, join(d, name));
      return;
    } catch {}
  }
}
