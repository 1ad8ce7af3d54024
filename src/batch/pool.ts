/**
 * Rendering on worker threads (--jobs N: N workers). The CLI's own thread renders nothing: it hands
 * out documents, reports results and answers signals at once (a render in its thread would hold
 * Ctrl-C back until the document is done). Each worker parses the fonts once and renders many
 * documents, one at a time; one failing input is reported and the others still render. A worker
 * that dies (out of memory, a crash) fails the document it held, with a located error, and is
 * replaced: one bad document cannot stop the batch or abort the process.
 *
 * Without the compiled worker (tests run from the sources) the documents render in this thread.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { v8HeapLimitMB } from "../render/memory.js";
import { closeGate, newGate } from "../render/interrupt.js";
import { printable, printableLines } from "../printable.js";
import type { Job, JobResult } from "./job.js";

/** Called as each document is done: its result, how many are done, how many there are. */
export type OnResult = (result: JobResult, done: number, total: number) => void;

export interface Pool {
  /** Renders `jobs`; `invalidate` first drops the workers' compiled templates (--watch after a change). */
  run(jobs: readonly Job[], onResult?: OnResult, invalidate?: boolean): Promise<JobResult[]>;
  /**
   * Stops for a signal: no commit starts from now on, the commits in progress finish (so no
   * temporary file is left), the workers end. `run` never resolves after this.
   */
  stop(): Promise<void>;
  /** Ends the workers when the work is done. */
  close(): Promise<void>;
}

const WORKER = fileURLToPath(new URL("./worker.js", import.meta.url));

/** What a worker that died while rendering `job` reports for it. */
function deathResult(job: Job, e: Error & { code?: string }): JobResult {
  if (e.code === "ERR_WORKER_OUT_OF_MEMORY") {
    return {
      input: job.input,
      ok: false,
      internal: false,
      ms: 0,
      error: {
        code: "INPUT_READ",
        message: `${printable(job.input)}: rendering this document needs more memory than this process may use (${v8HeapLimitMB()} MB of heap)\n  hint: raise the limit (NODE_OPTIONS=--max-old-space-size=8192 undoc render ...) or split the document`,
        file: job.input,
      },
    };
  }
  return { input: job.input, ok: false, internal: true, ms: 0, error: { code: "INTERNAL", message: e.stack ?? String(e) } };
}

interface Lane {
  worker: Worker;
  gate: SharedArrayBuffer;
  /** the job it renders and what to do with its result */
  held?: { job: Job; done: (r: JobResult) => void };
  dead: boolean;
}

export function createPool(threads: number): Pool {
  if (!existsSync(WORKER)) return inThisThread();
  const lanes: Lane[] = [];
  let stopped = false;

  const startLane = (): Lane => {
    const gate = newGate();
    // the workers' stdout and stderr come here: a library printing during a render must not break --json
    const worker = new Worker(WORKER, { workerData: { gate }, stdout: true, stderr: true });
    const lane: Lane = { worker, gate, dead: false };
    for (const stream of [worker.stdout, worker.stderr]) {
      stream.setEncoding("utf8");
      stream.on("data", (chunk: string) => process.stderr.write(printableLines(chunk)));
    }
    const died = (e: Error) => {
      if (lane.dead) return;
      lane.dead = true;
      const held = lane.held;
      lane.held = undefined;
      lanes.splice(lanes.indexOf(lane), 1);
      if (held && !stopped) held.done(deathResult(held.job, e));
    };
    worker.on("message", (msg: { result: JobResult }) => {
      const held = lane.held;
      lane.held = undefined;
      held?.done(msg.result);
    });
    worker.on("error", died);
    worker.on("exit", (code) => died(new Error(`the worker thread ended (exit code ${code})`)));
    lanes.push(lane);
    return lane;
  };

  const render = (lane: Lane, job: Job, invalidate: boolean) =>
    new Promise<JobResult>((resolve) => {
      lane.held = { job, done: resolve };
      lane.worker.postMessage({ job, invalidate });
    });

  return {
    async run(jobs, onResult, invalidate = false) {
      const results: JobResult[] = new Array(jobs.length);
      let next = 0;
      let done = 0;
      const wanted = Math.max(1, Math.min(threads, jobs.length));
      const lane = async (first: Lane) => {
        let current: Lane | undefined = first;
        let fresh = invalidate;
        for (let i = next++; i < jobs.length; i = next++) {
          // a lane whose worker died goes on with a new one
          if (!current || current.dead) current = startLane();
          const r = await render(current, jobs[i], fresh);
          fresh = false;
          results[i] = r;
          onResult?.(r, ++done, jobs.length);
        }
      };
      while (lanes.length < wanted) startLane();
      await Promise.all(lanes.slice(0, wanted).map((l) => lane(l)));
      return results;
    },
    async stop() {
      stopped = true;
      // commits in progress finish (milliseconds); none starts after this
      const committed = lanes.filter((l) => closeGate(l.gate));
      // a document whose commit finished was written: its result is on its way (a moment at most)
      const written = (l: Lane) =>
        new Promise<void>((resolve) => {
          const held = l.held;
          if (!held) return resolve();
          const timer = setTimeout(resolve, 2000);
          l.held = { job: held.job, done: (r) => (clearTimeout(timer), held.done(r), resolve()) };
        });
      await Promise.all(committed.map(written));
      await Promise.all([...lanes].map((l) => l.worker.terminate()));
    },
    async close() {
      await Promise.all([...lanes].map((l) => l.worker.terminate()));
    },
  };
}

/**
 * The fallback without compiled workers (tests from the sources): one document after another, here.
 * The pipeline is loaded only then: the CLI's own thread never renders, so it never loads it.
 */
function inThisThread(): Pool {
  return {
    async run(jobs, onResult, invalidate = false) {
      const [{ runJob }, { invalidateTemplates }] = await Promise.all([import("./job.js"), import("../templates/engine.js")]);
      if (invalidate) invalidateTemplates();
      const results: JobResult[] = [];
      for (const job of jobs) {
        results.push(await runJob(job));
        onResult?.(results[results.length - 1], results.length, jobs.length);
      }
      return results;
    },
    async stop() {},
    async close() {},
  };
}
