/**
 * Batch rendering on N lanes (--jobs N): this thread plus N-1 worker threads. Each thread parses
 * the fonts once and renders many documents; one failing input is reported and the others still
 * render. With one job (or one input) everything runs in this thread: no worker start-up cost.
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
  const take = () => (next < jobs.length ? next++ : -1);
  // Worker lanes: each worker holds up to two jobs, so it is never idle while this thread, busy
  // rendering in its own lane, cannot hand out the next one. A crashed worker fails the jobs it
  // held and is replaced (a few times at most): one bad document cannot stop the batch.
  let replacements = 0;
  const workerLane = (): Promise<void> =>
    new Promise<void>((resolve) => {
      const worker = new Worker(WORKER);
      const held = new Set<number>();
      const feed = () => {
        while (held.size < 2) {
          const i = take();
          if (i < 0) break;
          held.add(i);
          worker.postMessage({ id: i, job: jobs[i] });
        }
        if (held.size === 0) void worker.terminate().then(() => resolve());
      };
      worker.on("message", (msg: { id: number; result: JobResult }) => {
        held.delete(msg.id);
        report(msg.id, msg.result);
        feed();
      });
      worker.on("error", (e) => {
        for (const i of held) report(i, { input: jobs[i].input, ok: false, internal: true, ms: 0, error: { code: "INTERNAL", message: e.stack ?? String(e) } });
        held.clear();
        void worker.terminate();
        if (next < jobs.length && replacements++ < 4) void workerLane().then(resolve);
        else resolve();
      });
      feed();
    });
  // This thread is a lane too: it has the modules loaded already, and one thread fewer to start.
  const mainLane = async () => {
    for (let i = take(); i >= 0; i = take()) {
      report(i, await runJob(jobs[i]));
      await new Promise<void>((r) => setImmediate(r)); // let the workers' messages in
    }
  };
  await Promise.all([mainLane(), ...Array.from({ length: threads - 1 }, workerLane)]);
  return results;
}
