/**
 * One format of a batch job written from a prepared model (batch/pool.ts splits a document's
 * formats between threads). Apart from job.ts so that a worker that only writes loads only the
 * writers: no data, template or model code.
 */
import { isUndocError } from "../errors.js";
import { faceSetFor } from "../fonts/face-set.js";
import type { Document } from "../model/types.js";
import type { Format } from "../render/pipeline.js";
import { writeFormat } from "../render/write-format.js";
import type { Style } from "../style/style.js";
import type { FaceSet } from "../typeset/index.js";
import type { Job, JobResult } from "./job.js";

export function failure(job: Job, e: unknown, ms: number): JobResult & { ok: false } {
  if (isUndocError(e)) {
    return { input: job.input, ok: false, internal: false, ms, error: { code: e.code, message: e.message, ...e.location } };
  }
  const err = e instanceof Error ? e : new Error(String(e));
  return { input: job.input, ok: false, internal: true, ms, error: { code: "INTERNAL", message: err.stack ?? err.message } };
}

/** One format of a job, rendered to bytes and not written (batch/pool.ts writes a document's formats together, job.ts writeJob). */
export type PartResult = { ok: true; format: Format; bytes: Uint8Array; ms: number } | { ok: false; failed: JobResult & { ok: false } };

/**
 * One writer on a prepared model and its style (plain data: a worker gets both from the thread
 * that prepared them); `faces`: the thread's own, found from the style when not given.
 */
export async function writePart(job: Job, format: Format, model: Document, date: Date, style: Style, faces: FaceSet = faceSetFor(style)): Promise<PartResult> {
  const t0 = performance.now();
  try {
    const bytes = await writeFormat(format, { model, style, faces }, date, job.docxFonts ? { docx: { fonts: job.docxFonts } } : {});
    return { ok: true, format, bytes, ms: performance.now() - t0 };
  } catch (e) {
    return { ok: false, failed: failure(job, e, performance.now() - t0) };
  }
}
