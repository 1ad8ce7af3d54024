/**
 * A document's outputs (its PDF and DOCX) written as one transaction, so the folder holds the
 * earlier pair or the new pair, never a mix, whatever stops the run:
 *
 * 1. each format's bytes go to a temporary file in the output folder, named with the process id
 *    and a random number (`.undoc-<pid>-<8 hex>.tmp`: 27 characters at most, whatever the
 *    output's name, so a legal output name never makes a temporary name too long), flushed to
 *    disk (fsync); any failure removes them, and the earlier outputs are untouched;
 * 2. a journal (`.undoc-<pid>-<8 hex>.journal`) names the renames; it is flushed, and the folder
 *    with it: from here the new pair is decided;
 * 3. the renames, the folder flushed, the journal removed.
 *
 * A process killed outright (SIGKILL, power loss) leaves temporaries, perhaps a journal: the next
 * undoc run into the folder finishes a journal's renames, or removes temporaries without one
 * (recover.ts). SIGINT and SIGTERM never interrupt a commit: it runs without yielding to the event
 * loop, where signal handlers run, and a batch worker asks the gate (interrupt.ts) first.
 */
import { randomBytes } from "node:crypto";
import { lstatSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { UndocError } from "../errors.js";
import { syncFolder, writeDurably } from "./durable.js";
import { commitGate } from "./interrupt.js";
import { recoverOnce } from "./recover.js";

export interface OutputFile {
  path: string;
  bytes: Uint8Array;
}

/** The journal: renames within one folder, by file name. */
export interface Journal {
  undoc: 1;
  renames: Array<[temporary: string, output: string]>;
}

/**
 * For the interruption tests only: UNDOC_TEST_PAUSE=<step>:<ms> holds a commit at a step
 * ("temporaries": written, no journal yet; "journal": journal written, no rename yet), so a test
 * can signal or kill the process exactly there.
 */
function pauseFor(step: "temporaries" | "journal"): void {
  const m = /^(\w+):(\d+)$/.exec(process.env.UNDOC_TEST_PAUSE ?? "");
  if (m && m[1] === step) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(m[2]));
}

/** A temporary or journal name of this process: fixed length, hidden, recognisable by recover.ts. */
export function transactionName(kind: "tmp" | "journal"): string {
  return `.undoc-${process.pid}-${randomBytes(4).toString("hex")}.${kind}`;
}

const reasonOf = (e: unknown) => {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === "ENOSPC") return "the disk is full (ENOSPC)";
  if (code === "EDQUOT") return "the disk quota is used up (EDQUOT)";
  if (code === "EFBIG") return "the file is larger than this process may write (EFBIG: ulimit -f?)";
  if (code === "EACCES" || code === "EPERM") return `permission denied (${code})`;
  if (code === "EROFS") return "the file system is read-only (EROFS)";
  if (code === "ENOTDIR" || code === "EEXIST") return `a file is in the way of the output folder (${code})`;
  return (e as Error).message;
};

/**
 * Writes every file of one document, all in one folder, as one transaction (see above). Throws an
 * OUTPUT error naming the file when any of them cannot be written; then nothing changed.
 */
export function commitOutputs(files: readonly OutputFile[]): void {
  if (files.length === 0) return;
  const dir = dirname(files[0].path);
  if (files.some((f) => dirname(f.path) !== dir)) throw new Error("commitOutputs: the outputs of one document share a folder");
  const fail = (file: string, e: unknown, hint = "check that the folder is writable and has room"): never => {
    throw new UndocError("OUTPUT", `cannot write the output: ${reasonOf(e)}`, { file }, hint);
  };
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    fail(files[0].path, e);
  }
  recoverOnce(dir);
  // what a rename cannot replace is refused before anything is written
  for (const f of files) {
    let st;
    try {
      st = lstatSync(f.path);
    } catch {
      continue; // no earlier output
    }
    if (st.isDirectory()) throw new UndocError("OUTPUT", "cannot write the output: a folder of that name is in the way", { file: f.path }, "move or rename the folder");
    if (!st.isFile() && !st.isSymbolicLink()) throw new UndocError("OUTPUT", "cannot write the output: something that is not a file (a device, a pipe) is in the way", { file: f.path }, "move it, or choose another --out");
  }
  const leave = commitGate.enter();
  if (!leave) throw new UndocError("OUTPUT", "not written: the run was interrupted", { file: files[0].path });
  const temporaries: string[] = [];
  try {
    // 1. every format to its temporary file, on disk
    for (const f of files) {
      const tmp = join(dir, transactionName("tmp"));
      temporaries.push(tmp);
      try {
        writeDurably(tmp, f.bytes);
      } catch (e) {
        fail(f.path, e);
      }
    }
    pauseFor("temporaries");
    // 2. the journal: from here the new pair is decided
    const journal = join(dir, transactionName("journal"));
    const entry: Journal = { undoc: 1, renames: files.map((f, i) => [basename(temporaries[i]), basename(f.path)]) };
    try {
      writeDurably(journal, new TextEncoder().encode(`${JSON.stringify(entry)}\n`));
      syncFolder(dir);
    } catch (e) {
      rmSync(journal, { force: true });
      fail(files[0].path, e);
    }
    pauseFor("journal");
    // 3. the renames, then the journal goes
    for (let i = 0; i < files.length; i++) {
      try {
        renameSync(temporaries[i], files[i].path);
      } catch (e) {
        // the checks above make this rare: the journal stays, and the next run into the folder finishes it
        temporaries.length = 0;
        throw new UndocError("OUTPUT", `cannot rename the output into place: ${reasonOf(e)}`, { file: files[i].path }, "the next undoc run into this folder finishes the renames once the cause is gone");
      }
    }
    temporaries.length = 0;
    syncFolder(dir);
    rmSync(journal, { force: true });
  } finally {
    for (const tmp of temporaries) {
      try {
        rmSync(tmp, { force: true });
      } catch {
        // the folder itself went away: nothing to remove
      }
    }
    leave();
  }
}
