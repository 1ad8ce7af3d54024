/**
 * `undoc render --watch`: one worker renders each round (the CLI's thread stays free for Ctrl-C).
 * Ctrl-C (or SIGTERM) between rounds ends the watch with the last round's exit code (0 when every
 * document rendered, 1 when one failed); during a round it stops like a render (no file
 * half-written) and exits 130 (143).
 */
import type { Job, JobResult } from "../batch/job.js";
import { createPool } from "../batch/pool.js";
import { describeResult } from "../batch/progress.js";
import { DEFAULT_TEMPLATES } from "../render/pipeline.js";
import { watchAndRender } from "../watch/watch.js";
import { printable } from "../printable.js";
import { onSignals } from "./signals.js";

export async function watchCommand(jobs: Job[], templates: string | undefined, quiet: boolean): Promise<number> {
  const pool = createPool(1);
  let last: JobResult[] = [];
  const w = watchAndRender(jobs, templates ?? DEFAULT_TEMPLATES, {
    render: (js) => pool.run(js, undefined, true),
    onResult: (r) => (r.ok ? quiet || console.log(`ok ${describeResult(r)}`) : console.error(`error: ${describeResult(r)}`)),
    onRound: (ms, changed, results) => {
      last = results;
      if (!quiet) console.log(`${changed.length ? `changed: ${changed.map(printable).join(", ")}; ` : ""}rendered in ${Math.round(ms)} ms; watching (Ctrl-C to stop)`);
    },
  });
  return new Promise<number>(() => {
    onSignals(async () => {
      const busy = w.busy();
      w.close();
      await pool.stop();
      if (busy) return undefined; // the signal's own code: the round was cut short
      return last.some((r) => !r.ok && r.internal) ? 3 : last.some((r) => !r.ok) ? 1 : 0;
    });
  });
}
