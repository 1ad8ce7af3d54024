/** `undoc render` starts by finishing or undoing what killed runs left in its output folders (render/recover.ts). */
import { dirname } from "node:path";
import type { Job } from "../batch/job.js";
import { outputPath } from "../render/output.js";
import { recoverFolder } from "../render/recover.js";
import { printable } from "../printable.js";

export function recoverOutputFolders(jobs: readonly Job[], quiet: boolean): void {
  const folders = new Set(jobs.map((j) => dirname(outputPath(j.input, j.outDir, "pdf", j.outName))));
  for (const dir of folders) {
    const { finished } = recoverFolder(dir);
    // finished renames change outputs: say so (stderr: --json's stdout stays one report)
    if (finished.length > 0 && !quiet) console.error(`note: finished writing ${finished.map(printable).join(", ")}, which an interrupted run had rendered`);
  }
}
