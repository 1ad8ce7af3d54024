/**
 * What an undoc run killed outright (SIGKILL, a crash, power loss) left in an output folder,
 * finished or undone by the next run into that folder (commit.ts writes these files):
 * - a journal of a process that is gone: its renames are finished (roll forward: every
 *   temporary it names was complete on disk before the journal was written), then it goes;
 * - temporaries of a process that is gone and no journal: removed (roll back: the earlier
 *   outputs were never touched);
 * - temporaries of undoc 0.1 (`.<name>.<pid>.<thread>.<hex>.tmp`) of a process that is gone: removed.
 * Files of live processes (another undoc writing into the same folder, this process's own
 * threads) are left alone.
 */
import { readdirSync, renameSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { UndocError } from "../errors.js";
import { readRegularFile } from "../input/read-file.js";
import type { Journal } from "./commit.js";
import { syncFolder } from "./durable.js";

const TRANSACTION = /^\.undoc-(\d+)-[0-9a-f]{8}\.(tmp|journal)$/;
const LEGACY = /^\..+\.(\d+)\.\d+\.[0-9a-f]{8}\.tmp$/;

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM"; // another user's process: alive
  }
}

export interface Recovery {
  /** outputs a journal's renames put in place */
  finished: string[];
  /** temporaries and journals removed */
  removed: string[];
}

function readJournal(path: string): Journal | undefined {
  try {
    const entry = JSON.parse(readRegularFile(path, { code: "OUTPUT", maxBytes: 1 << 20, what: "the journal" }).toString("utf8")) as Journal;
    const plain = (name: unknown) => typeof name === "string" && name !== "" && name !== "." && name !== ".." && !/[/\\\0]/.test(name);
    if (entry?.undoc !== 1 || !Array.isArray(entry.renames)) return undefined;
    if (!entry.renames.every((r) => Array.isArray(r) && r.length === 2 && plain(r[0]) && TRANSACTION.test(r[0]) && plain(r[1]))) return undefined;
    return entry;
  } catch {
    return undefined; // cut short before it was flushed: the renames never started
  }
}

/** Finishes or undoes what dead runs left in `dir` (see above). */
export function recoverFolder(dir: string): Recovery {
  const done: Recovery = { finished: [], removed: [] };
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return done; // no folder yet: nothing left over
  }
  const deadRun = (name: string) => {
    const m = TRANSACTION.exec(name) ?? LEGACY.exec(name);
    return m !== null && !alive(Number(m[1]));
  };
  for (const name of names.filter((n) => n.endsWith(".journal") && deadRun(n))) {
    const journal = readJournal(join(dir, name));
    for (const [tmp, out] of journal?.renames ?? []) {
      if (!names.includes(tmp)) continue; // renamed before the run was killed
      try {
        renameSync(join(dir, tmp), join(dir, out));
      } catch (e) {
        throw new UndocError("OUTPUT", `cannot finish the outputs an interrupted run left: ${(e as Error).message}`, { file: join(dir, out) }, `move ${join(dir, out)} out of the way and run again`);
      }
      done.finished.push(join(dir, out));
    }
    if (journal?.renames.length) syncFolder(dir);
    rmSync(join(dir, name), { force: true });
    done.removed.push(join(dir, name));
  }
  for (const name of readdirSync(dir)) {
    if (!name.endsWith(".tmp") || !deadRun(name)) continue;
    rmSync(join(dir, name), { force: true });
    done.removed.push(join(dir, name));
  }
  return done;
}

const recovered = new Set<string>();

/** recoverFolder once per folder and thread (a batch writes many documents into one folder). */
export function recoverOnce(dir: string): void {
  const abs = resolve(dir);
  if (recovered.has(abs)) return;
  recoverFolder(abs);
  recovered.add(abs);
}
