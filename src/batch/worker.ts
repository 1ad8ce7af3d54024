/** A batch worker thread: renders the jobs it is sent, one at a time (fonts parsed once per worker). */
import { parentPort, workerData } from "node:worker_threads";
import { useGate } from "../render/interrupt.js";
import { invalidateTemplates } from "../templates/engine.js";
import { runJob, type Job } from "./job.js";

if (!parentPort) throw new Error("batch/worker.js runs as a worker thread");
const port = parentPort;
// commits wait for the main thread's word when a signal stops the run (render/interrupt.ts)
useGate((workerData as { gate: SharedArrayBuffer }).gate);
port.on("message", async (msg: { job: Job; invalidate?: boolean }) => {
  if (msg.invalidate) invalidateTemplates();
  port.postMessage({ result: await runJob(msg.job) });
});
