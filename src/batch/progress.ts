/** Batch progress: a bar on a terminal, one plain line per document elsewhere (CI logs). */
import type { JobResult } from "./job.js";
import { printable, printableLines } from "../printable.js";

export interface Progress {
  result(r: JobResult, done: number, total: number): void;
  end(): void;
}

function kb(bytes: number): string {
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** One document's line (or, for a bug, lines): paths and messages escaped, so none can forge a line. */
export function describeResult(r: JobResult): string {
  if (r.ok) return r.outputs.map((o) => `${printable(o.path)} (${kb(o.bytes)})`).join(", ");
  // UndocError messages are escaped where they are made (errors.ts); a bug's stack keeps its lines
  return r.internal ? `internal error (please report it) in ${printable(r.input)}:\n${printableLines(r.error.message)}` : printableLines(r.error.message);
}

/**
 * `quiet`: nothing at all; `errorsOnly` (--json, whose stdout is the report): each failure's
 * message on stderr, nothing else.
 */
export function progressFor(stream: NodeJS.WriteStream, quiet: boolean, errorsOnly = false): Progress {
  if (quiet) return { result: () => {}, end: () => {} };
  if (errorsOnly) return { result: (r) => r.ok || console.error(`error: ${describeResult(r)}`), end: () => {} };
  if (!stream.isTTY) {
    return {
      result(r) {
        if (r.ok) console.log(`ok ${describeResult(r)}`);
        else console.error(`error: ${describeResult(r)}`);
      },
      end() {},
    };
  }
  const width = 30;
  let drawn = false;
  return {
    result(r, done, total) {
      if (drawn) stream.write("\r\x1b[K");
      if (!r.ok) stream.write(`error: ${describeResult(r)}\n`);
      else if (total === 1) stream.write(`${describeResult(r)}\n`);
      const filled = Math.round((done / total) * width);
      stream.write(`[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total} ${printable(r.input)}`);
      drawn = true;
    },
    end() {
      if (drawn) stream.write("\n");
    },
  };
}
