/**
 * A batch worker thread: renders the jobs it is sent, one at a time (fonts parsed once per worker).
 * A message with a model runs one writer on it (the thread that sent it prepared the document and
 * its style: this thread loads the writers and nothing of the data, template and model code) and
 * sends the bytes back unwritten: batch/pool.ts writes a document's formats together.
 */
import { parentPort } from "node:worker_threads";
import type { Document } from "../model/types.js";
import type { Format } from "../render/pipeline.js";
import type { Style } from "../style/style.js";
import type { Job } from "./job.js";
import { writePart } from "./part.js";

export interface PartMessage {
  id: number;
  job: Job;
  format: Format;
  model: Document;
  date: Date;
  /** the document's style (plain data): the worker does not read and check the style files again */
  style: Style;
}

if (!parentPort) throw new Error("batch/worker.js runs as a worker thread");
const port = parentPort;
port.on("message", async (msg: { id: number; job: Job } | PartMessage) => {
  if (!("format" in msg)) {
    // (the whole pipeline, loaded only by a worker that renders whole documents)
    const { runJob } = await import("./job.js");
    port.postMessage({ id: msg.id, result: await runJob(msg.job) });
    return;
  }
  const part = await writePart(msg.job, msg.format, msg.model, msg.date, msg.style);
  // the bytes move to the main thread without a copy when they fill their buffer
  const whole = part.ok && part.bytes.byteOffset === 0 && part.bytes.byteLength === part.bytes.buffer.byteLength && part.bytes.buffer instanceof ArrayBuffer;
  port.postMessage({ id: msg.id, part }, whole ? [part.bytes.buffer as ArrayBuffer] : []);
});
