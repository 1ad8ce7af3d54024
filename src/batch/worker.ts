/** A batch worker thread: renders the jobs it is sent, one at a time (fonts parsed once per worker). */
import { parentPort } from "node:worker_threads";
import { runJob, type Job } from "./job.js";

if (!parentPort) throw new Error("batch/worker.js runs as a worker thread");
const port = parentPort;
port.on("message", async (msg: { id: number; job: Job }) => {
  port.postMessage({ id: msg.id, result: await runJob(msg.job) });
});
