/**
 * Rendering on worker threads (--jobs N: N workers). The CLI's own thread renders nothing: it hands
 * out documents, reports results and answers signals at once (a render in its thread would hold
 * Ctrl-C back until the document is done). Each worker parses the fonts once and renders many
 * documents, one at a time; one failing input is reported and the others still render. A worker
 * that dies (out of memory, a crash) fails the document it held, with a located error, and is
 * replaced: one bad document cannot stop the batch or abort the process. With two workers,
 * documents with both formats are split by format (runSplit).
 *
 * Without the compiled worker (tests run from the sources) the documents render in this thread.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { v8HeapLimitMB } from "../render/memory.js";
import { closeGate, newGate } from "../render/interrupt.js";
import { printable, printableLines } from "../printable.js";
import type { Handover, Job, JobResult } from "./job.js";
import { trace } from "../trace.js";

/** A worker's answer: a document's result, or the first half of a document split by format. */
type Reply = { result: JobResult; handover?: undefined } | { handover: Handover; result?: undefined };

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

/**
 * What runs the bundle on a worker thread (scripts/bundle.mjs builds both): worker.cjs, one
 * CommonJS file, which a thread starts sooner than worker.js and the modules it imports.
 */
export const BUNDLED_WORKER_FILE = existsSync(fileURLToPath(new URL("./worker.cjs", import.meta.url))) ? "./worker.cjs" : "./worker.js";

/** Set by the bundle's first line (scripts/bundle.mjs): this code runs from dist/cli.bundle.cjs. */
declare const __undocBundleUrl: string | undefined;

/**
 * The worker's file: dist/batch/worker.cjs runs the bundle (the bundled command's workers, and
 * those of `undoc render`, whose launcher runs the unbundled command: cli-launcher.ts); the
 * unbundled command run directly (dist/cli-main.js) starts the unbundled worker,
 * dist/batch/worker-main.js, when the build made one (else worker.js is that worker).
 */
const WORKER = ((): string => {
  const bundled = fileURLToPath(new URL(BUNDLED_WORKER_FILE, import.meta.url));
  if (typeof __undocBundleUrl === "string" || (globalThis as Record<symbol, unknown>)[Symbol.for("undoc.bundledWorkers")]) return bundled;
  const unbundled = fileURLToPath(new URL("./worker-main.js", import.meta.url));
  return existsSync(unbundled) ? unbundled : bundled;
})();

/** A worker started by the command's launcher before the pool (cli-launcher.ts), with its gate. */
interface FirstWorker {
  worker: Worker;
  gate: SharedArrayBuffer;
  dead: boolean;
}
const FIRST_WORKER = Symbol.for("undoc.firstWorker");

/** How many documents the first worker of a split run may have handed over and not yet finished. */
const AHEAD = 2;

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
  /** the job it renders and what to do with the worker's answer */
  held?: { job: Job; done: (r: Reply) => void };
  dead: boolean;
}

export function createPool(threads: number): Pool {
  if (!existsSync(WORKER)) return inThisThread();
  const lanes: Lane[] = [];
  let stopped = false;

  const startLane = (): Lane => {
    // the worker the command's launcher started (cli-launcher.ts), if it is still there
    const first = (globalThis as Record<symbol, FirstWorker | undefined>)[FIRST_WORKER];
    (globalThis as Record<symbol, unknown>)[FIRST_WORKER] = undefined;
    if (first?.dead) void first.worker.terminate();
    const adopted = first && !first.dead ? first : undefined;
    adopted?.worker.ref();
    const gate = adopted?.gate ?? newGate();
    // the workers' stdout and stderr come here: a library printing during a render must not break --json
    const worker = adopted?.worker ?? new Worker(WORKER, { workerData: { gate }, stdout: true, stderr: true });
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
      if (held && !stopped) held.done({ result: deathResult(held.job, e) });
    };
    worker.on("message", (msg: Reply) => {
      trace("pool: reply");
      const held = lane.held;
      lane.held = undefined;
      held?.done(msg);
    });
    worker.on("error", died);
    worker.on("exit", (code) => died(new Error(`the worker thread ended (exit code ${code})`)));
    lanes.push(lane);
    return lane;
  };

  const ask = (lane: Lane, job: Job, message: object, transfer: ArrayBuffer[] = []) =>
    new Promise<Reply>((resolve) => {
      lane.held = { job, done: resolve };
      trace("pool: job sent");
      lane.worker.postMessage({ job, ...message }, transfer);
    });
  const render = async (lane: Lane, job: Job, invalidate: boolean) => (await ask(lane, job, { invalidate })).result!;

  /**
   * Two workers, documents with both formats split by format: the first prepares each document
   * and writes its PDF, the second writes the DOCX from the model it is handed and commits both.
   * Split by document, both workers would load, run cold and compile (V8 compiles hot code on
   * background threads, on the same cores) the data, template and model code and both writers;
   * split by format each warms up half of the writers, and each document is read and built once.
   * The first worker stays at most {@link AHEAD} documents ahead of the second.
   */
  const runSplit = async (jobs: readonly Job[], onResult: OnResult | undefined, invalidate: boolean): Promise<JobResult[]> => {
    const results: JobResult[] = new Array(jobs.length);
    let done = 0;
    const finish = (i: number, r: JobResult) => {
      results[i] = r;
      onResult?.(r, ++done, jobs.length);
    };
    const handed: { i: number; handover: Handover }[] = [];
    let preparing = true;
    let wake: (() => void) | undefined;
    const signal = () => {
      const w = wake;
      wake = undefined;
      w?.();
    };
    const waitForChange = () => new Promise<void>((r) => (wake = r));
    const first = async (start: Lane) => {
      let lane: Lane | undefined = start;
      let fresh = invalidate;
      for (let i = 0; i < jobs.length; i++) {
        while (handed.length >= AHEAD && !stopped) await waitForChange();
        if (!lane || lane.dead) lane = startLane();
        const job = jobs[i];
        const split = job.formats.includes("pdf") && job.formats.includes("docx");
        const reply = await ask(lane, job, split ? { invalidate: fresh, pdfFirst: true } : { invalidate: fresh });
        fresh = false;
        if (reply.handover) {
          handed.push({ i, handover: reply.handover });
          signal();
        } else finish(i, reply.result!);
      }
      preparing = false;
      signal();
    };
    const second = async (start: Lane) => {
      let lane: Lane | undefined = start;
      for (;;) {
        const next = handed.shift();
        if (!next) {
          if (!preparing) return;
          await waitForChange();
          continue;
        }
        signal(); // room for the first worker to go on
        if (!lane || lane.dead) lane = startLane();
        const { pdf } = next.handover;
        const whole = pdf.byteOffset === 0 && pdf.byteLength === pdf.buffer.byteLength && pdf.buffer instanceof ArrayBuffer;
        const reply = await ask(lane, jobs[next.i], { handover: next.handover }, whole ? [pdf.buffer as ArrayBuffer] : []);
        finish(next.i, reply.result!);
      }
    };
    while (lanes.length < 2) startLane();
    const [a, b] = lanes;
    await Promise.all([first(a), second(b)]);
    return results;
  };

  return {
    async run(jobs, onResult, invalidate = false) {
      if (threads === 2 && jobs.length > 1 && jobs.some((j) => j.formats.includes("pdf") && j.formats.includes("docx"))) return runSplit(jobs, onResult, invalidate);
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
