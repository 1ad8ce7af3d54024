/** Writing outputs atomically: a temporary file in the same folder, then a rename. */
import { randomBytes } from "node:crypto";
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { threadId } from "node:worker_threads";
import { UndocError } from "../errors.js";

export function writeFileAtomic(path: string, bytes: Uint8Array): void {
  const dir = dirname(path);
  // unique per call: batch worker threads share one process id
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${threadId}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(tmp, bytes);
    renameSync(tmp, path);
  } catch (e) {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // the folder itself is the problem (a file is in the way, or it is gone): no temporary file was made
    }
    throw new UndocError("OUTPUT", `cannot write the output: ${(e as Error).message}`, { file: path }, "check that the folder is writable");
  }
}

/** output/x.zh.pdf for examples/x.zh.yaml */
export function outputPath(input: string, outDir: string, format: string): string {
  const name = basename(input).replace(/\.(ya?ml|json)$/i, "");
  return join(outDir, `${name}.${format}`);
}
