/** Writing that survives a crash: file contents and folder entries flushed to disk (fsync). */
import { closeSync, fsyncSync, openSync, writeSync } from "node:fs";

/** Writes `bytes` to a new file and flushes it to disk; the file must not exist. */
export function writeDurably(path: string, bytes: Uint8Array): void {
  const fd = openSync(path, "wx");
  try {
    for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Flushes a folder's entries (new names, renames) to disk; a no-op where folders cannot be synced. */
export function syncFolder(dir: string): void {
  let fd: number;
  try {
    fd = openSync(dir, "r");
  } catch {
    return;
  }
  try {
    fsyncSync(fd);
  } catch {
    // Windows and some network file systems cannot sync a folder: the renames still happen
  } finally {
    closeSync(fd);
  }
}
