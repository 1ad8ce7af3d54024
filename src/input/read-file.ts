/**
 * Reading a file undoc was pointed at (data, template, locale, style): only a regular file, and
 * never more than a hard number of bytes, whatever `stat` reports. /dev/zero and /dev/urandom say
 * they are empty and never end; a FIFO without a writer blocks a plain open forever; a file can
 * grow between stat and read. So the file is opened without blocking, checked on the open
 * descriptor (no race with a rename), and read until the cap plus one byte at most.
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from "node:fs";
import { UndocError, type ErrorCode } from "../errors.js";

/** What a path is, in words, when it is not a regular file. */
function kindOf(st: Stats): string {
  if (st.isDirectory()) return "a folder";
  if (st.isCharacterDevice()) return "a device (like /dev/zero)";
  if (st.isBlockDevice()) return "a disk device";
  if (st.isFIFO()) return "a named pipe (FIFO)";
  if (st.isSocket()) return "a socket";
  return "not a regular file";
}

const mb = (bytes: number) => `${Math.round((bytes / 2 ** 20) * 10) / 10} MB`;

export interface ReadOptions {
  /** the error code of a refusal (INPUT_READ for data, TEMPLATE or STYLE for template files) */
  code: ErrorCode;
  maxBytes: number;
  /** what the file is, for messages: "the input", "the template file" */
  what: string;
  /** hint for a file over the cap */
  tooBigHint?: string;
  /** the path errors name, when the file is read through another (its real path) */
  label?: string;
}

export function readRegularFile(file: string, o: ReadOptions): Buffer {
  const fail = (message: string, hint?: string): never => {
    throw new UndocError(o.code, message, { file: o.label ?? file }, hint);
  };
  let fd: number;
  try {
    // O_NONBLOCK: a FIFO opens at once instead of waiting for a writer (no effect on a regular file)
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    // a socket cannot be opened (ENXIO): say what it is
    let what: string | undefined;
    try {
      const st = statSync(file);
      if (!st.isFile()) what = kindOf(st);
    } catch {
      // the path itself is the problem: the error code says how
    }
    if (what) return fail(`cannot read ${o.what}: it is ${what}, not a regular file`, "undoc reads regular files only");
    const reason =
      code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a folder, not a file" : code === "EACCES" || code === "EPERM" ? "permission denied" : code === "ELOOP" ? "a loop of symbolic links" : code === "ENAMETOOLONG" ? "the name is too long" : code === "ENOTDIR" ? "a part of the path is not a folder" : (e as Error).message;
    return fail(`cannot read ${o.what}: ${reason}`, "check the path");
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) fail(`cannot read ${o.what}: it is ${kindOf(st)}, not a regular file`, "undoc reads regular files only");
    if (st.size > o.maxBytes) fail(`the file is ${mb(st.size)}: undoc reads files of up to ${mb(o.maxBytes)} here`, o.tooBigHint);
    // read until the end, or one byte past the cap: stat's size is only the first guess
    const chunks: Buffer[] = [];
    let total = 0;
    let chunk = Buffer.allocUnsafe(Math.min(st.size, o.maxBytes) + 1);
    for (;;) {
      let filled = 0;
      while (filled < chunk.length) {
        const n = readSync(fd, chunk, filled, chunk.length - filled, null);
        if (n === 0) break;
        filled += n;
      }
      chunks.push(filled === chunk.length ? chunk : chunk.subarray(0, filled));
      total += filled;
      if (total > o.maxBytes) fail(`the file is larger than ${mb(o.maxBytes)} (it was still growing when read): undoc reads files of up to ${mb(o.maxBytes)} here`, o.tooBigHint);
      if (filled < chunk.length) break;
      chunk = Buffer.allocUnsafe(Math.min(1 << 20, o.maxBytes + 1 - total));
    }
    return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
  } catch (e) {
    if (e instanceof UndocError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    return fail(`cannot read ${o.what}: ${code === "EISDIR" ? "it is a folder, not a file" : code === "EAGAIN" ? "nothing to read yet (a pipe or device)" : (e as Error).message}`);
  } finally {
    closeSync(fd);
  }
}
