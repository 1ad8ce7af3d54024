/**
 * A batch worker thread: renders the jobs it is sent, one at a time (fonts parsed once per worker).
 * A document split by format between two workers (batch/pool.ts) comes as two messages: `pdfFirst`
 * (prepare it and write its PDF, and send back what the other worker needs) and `handover` (write
 * its DOCX from that and commit both outputs).
 */
import { parentPort, workerData } from "node:worker_threads";
import { trace } from "../trace.js";
import { useGate } from "../render/interrupt.js";
import { invalidateTemplates } from "../templates/engine.js";
import { prepareAndWritePdf, runJob, writeDocxAndCommit, type Handover, type Job } from "./job.js";

/** launch-bundle.ts's SAVE_CODE_CACHE (the same registered symbol; that file is not in the bundle). */
const SAVE_CODE_CACHE = Symbol.for("undoc.saveCodeCache");

trace("worker: bundle loaded");
if (!parentPort) throw new Error("batch/worker.js runs as a worker thread");
const port = parentPort;
// commits wait for the main thread's word when a signal stops the run (render/interrupt.ts)
useGate((workerData as { gate: SharedArrayBuffer }).gate);
port.on("message", async (msg: { job: Job; invalidate?: boolean; pdfFirst?: boolean; handover?: Handover }) => {
  if (msg.invalidate) invalidateTemplates();
  if (msg.handover) {
    port.postMessage({ result: await writeDocxAndCommit(msg.job, msg.handover) });
  } else if (msg.pdfFirst) {
    const r = await prepareAndWritePdf(msg.job);
    // the PDF's bytes move to the main thread without a copy when they fill their buffer
    const pdf = r.ok ? r.handover.pdf : undefined;
    const whole = pdf && pdf.byteOffset === 0 && pdf.byteLength === pdf.buffer.byteLength && pdf.buffer instanceof ArrayBuffer;
    port.postMessage(r.ok ? { handover: r.handover } : { result: r.result }, whole ? [pdf.buffer as ArrayBuffer] : []);
  } else {
    const result = await runJob(msg.job);
    // the first document rendered in both formats: the code cache of a worker (launch-bundle.ts),
    // when this run is to make it; before the answer, after which the pool may end this thread
    const save = (globalThis as Record<symbol, unknown>)[SAVE_CODE_CACHE] as (() => void) | undefined;
    if (save && msg.job.formats.includes("pdf") && msg.job.formats.includes("docx")) {
      delete (globalThis as Record<symbol, unknown>)[SAVE_CODE_CACHE];
      save();
    }
    port.postMessage({ result });
  }
});
