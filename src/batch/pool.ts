/**
 * Batch rendering on N lanes (--jobs N): this thread plus N-1 worker threads. Each thread parses
 * the fonts once and renders many documents; one failing input is reported and the others still
 * render. With one job (or one input) everything runs in this thread: no worker start-up cost.
 *
 * With two lanes, documents with both formats are split by format instead (byFormat): this
 * thread prepares every document and writes the PDFs, the worker writes the DOCX files from the
 * models it is sent. A new thread's first documents cost several times a warm one's (its code
 * runs in V8's interpreter until the JIT has compiled it, on the same two cores), so split by
 * document both threads would load, run cold and compile everything; split by format each warms
 * up half of it, and the document is read, checked and built once.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { Format } from "../render/pipeline.js";
import { prepareJob, runJob, writeJob, writePart, type Job, type JobResult, type PartResult, type Prepared } from "./job.js";
import type { PartMessage } from "./worker.js";

export interface BatchOptions {
  jobs: number;
  onResult?: (result: JobResult, done: number, total: number) => void;
}

const WORKER = fileURLToPath(new URL("./worker.js", import.meta.url));

/** Documents prepared and waiting for the DOCX worker beyond which this thread writes DOCX files too (split by format). */
const BACKLOG = 8;
/** Documents this thread prepares ahead of the PDF it writes (split by format). */
const LOOKAHEAD = 1;

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
  if (threads === 2 && jobs.some((j) => j.formats.includes("pdf") && j.formats.includes("docx"))) {
    await byFormat(jobs, report);
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

/**
 * Two lanes, split by format (see the top of the file): this thread reads and prepares every
 * document (data, templates, model) and writes its PDF; the worker gets each model as it is
 * prepared and writes the DOCX. A document is written once both formats are back. When the
 * worker falls behind by {@link BACKLOG} documents, this thread takes DOCX files too.
 */
async function byFormat(jobs: Job[], report: (i: number, r: JobResult) => void): Promise<void> {
  const pending = jobs.map((job) => ({ left: job.formats.length, parts: new Map<Format, Uint8Array>(), ms: 0, failed: undefined as (JobResult & { ok: false }) | undefined }));
  const settle = (i: number, part: PartResult) => {
    const p = pending[i];
    if (part.ok) {
      p.parts.set(part.format, part.bytes);
      p.ms += part.ms;
    } else p.failed ??= part.failed;
    if (--p.left > 0) return;
    report(i, p.failed ?? writeJob(jobs[i], p.parts, p.ms));
    p.parts.clear();
  };
  /** prepared documents waiting for their DOCX */
  const backlog: PartMessage[] = [];
  const internal = (i: number, e: unknown): PartResult => ({
    ok: false,
    failed: { input: jobs[i].input, ok: false, internal: true, ms: 0, error: { code: "INTERNAL", message: e instanceof Error ? (e.stack ?? e.message) : String(e) } },
  });

  let worker: Worker | undefined;
  let replacements = 0;
  const held = new Map<number, PartMessage>();
  let workerDone: () => void = () => {};
  const workerFinished = new Promise<void>((r) => (workerDone = r));
  let preparing = true;
  const feed = () => {
    if (!worker) return;
    while (held.size < 2 && backlog.length > 0) {
      const m = backlog.shift()!;
      held.set(m.id, m);
      worker.postMessage(m);
    }
    if (held.size === 0 && !preparing) {
      void worker.terminate();
      worker = undefined;
      workerDone();
    }
  };
  const start = () => {
    const w = new Worker(WORKER);
    worker = w;
    w.on("message", (msg: { id: number; part: PartResult }) => {
      held.delete(msg.id);
      settle(msg.id, msg.part);
      feed();
    });
    // a crashed worker fails the documents it held and is replaced (a few times at most)
    w.on("error", (e) => {
      for (const m of held.values()) settle(m.id, internal(m.id, e));
      held.clear();
      void w.terminate();
      worker = undefined;
      if (replacements++ < 4) start();
      else workerDone();
      feed();
    });
  };
  start();

  // PDFs prepared and not yet written: this thread prepares one document ahead, so the worker has
  // the next model as soon as it is done with one
  const pdfs: { i: number; prepared: Prepared & { ok: true } }[] = [];
  const writePdf = async () => {
    const { i, prepared } = pdfs.shift()!;
    settle(i, await writePart(jobs[i], "pdf", prepared.model, prepared.date, prepared.style, prepared.faces));
    await new Promise<void>((r) => setImmediate(r)); // let the worker's messages in
  };
  let mainWritesDocx = false;
  for (let i = 0; i < jobs.length; i++) {
    const job = jobs[i];
    const prepared = prepareJob(job);
    if (!prepared.ok) {
      pending[i].left = 1;
      settle(i, prepared);
    } else {
      pending[i].ms = prepared.ms;
      if (job.formats.includes("docx")) {
        const m: PartMessage = { id: i, job, format: "docx", model: prepared.model, date: prepared.date, style: prepared.style };
        // this thread renders the DOCX itself when there is no worker, or when the worker is far
        // behind and enough documents are left to repay this thread's first (cold) DOCX
        const behind = mainWritesDocx ? backlog.length >= 2 : backlog.length >= BACKLOG && jobs.length - i >= BACKLOG;
        if (!worker || behind) {
          mainWritesDocx = true;
          settle(i, await writePart(job, "docx", m.model, m.date, prepared.style, prepared.faces));
        } else backlog.push(m);
        feed();
      }
      if (job.formats.includes("pdf")) pdfs.push({ i, prepared });
    }
    if (pdfs.length > LOOKAHEAD) await writePdf();
  }
  while (pdfs.length > 0) await writePdf();
  preparing = false;
  feed();
  // what the worker did not take (it crashed for good): this thread renders it
  if (!worker) for (const m of backlog.splice(0)) settle(m.id, await writePart(m.job, "docx", m.model, m.date, m.style));
  await (worker ? workerFinished : Promise.resolve());
}
