/**
 * Batch rendering on a pool of worker threads (--jobs N). Each worker parses the fonts once and
 * renders many documents; one failing input is reported and the others still render. With one
 * job (or one input) everything runs in this thread: no worker start-up cost.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { runJob, type Job, type JobResult } from "./job.js";

export interface BatchOptions {
  jobs: number;
  onResult?: (result: JobResult, done: number, total: number) => void;
}

const WORKER = fileURLToPath(new URL("./worker.js", import.meta.url));

export async function runBatch(jobs: Job[], options: BatchOptions): Promise<JobResult[]> {
  const results: JobResult[] = new Array(jobs.length);
  let done = 0;
  const report = (i: number, r: JobResult) => {
    results[i] = r;
    done++;
    options.onResult?.(r, done, jobs.length);
  };
  const threads = Math.max(1, Math.min(options.jobs, jobs.length));
  // workers need the compiled worker.js (dist/); from sources (tests via vitest) run in-process
  if (threads === 1 || !existsSync(WORKER)) {
    for (let i = 0; i < jobs.length; i++) report(i, await runJob(jobs[i]));
    return results;
  }
  let next = 0;
  // one worker: takes jobs until none are left; a crashed worker fails its current job only and
  // is replaced (a few times at most), so one bad document cannot stop the batch
  let replacements = 0;
  const runWorker = (): Promise<void> =>
    new Promise<void>((resolve) => {
      const worker = new Worker(WORKER);
      let current = -1;
      const feed = () => {
        if (next >= jobs.length) {
          void worker.terminate().then(() => resolve());
          return;
        }
        current = next++;
        worker.postMessage({ id: current, job: jobs[current] });
      };
      worker.on("message", (msg: { id: number; result: JobResult }) => {
        report(msg.id, msg.result);
        feed();
      });
      worker.on("error", (e) => {
        if (current >= 0 && !results[current]) {
          report(current, { input: jobs[current].input, ok: false, internal: true, ms: 0, error: { code: "INTERNAL", message: e.stack ?? String(e) } });
        }
        void worker.terminate();
        if (next < jobs.length && replacements++ < 4) void runWorker().then(resolve);
        else resolve();
      });
      feed();
    });
  await Promise.all(Array.from({ length: threads }, runWorker));
  // if workers kept crashing, finish what is left here
  while (next < jobs.length) {
    const i = next++;
    report(i, await runJob(jobs[i]));
  }
  return results;
}
