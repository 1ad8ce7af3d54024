/** One document of a batch and its outcome, as plain data (it crosses worker-thread boundaries). */
import { createHash } from "node:crypto";
import { isUndocError, type ErrorSummary } from "../errors.js";
import { faceSetFor } from "../fonts/face-set.js";
import type { Document } from "../model/types.js";
import { commitOutputs } from "../render/commit.js";
import { outputPath } from "../render/output.js";
import type { Format } from "../render/pipeline.js";
import { prepareFile, renderFile, type RenderedOutput } from "../render/render-file.js";
import { writeFormat } from "../render/write-format.js";
import type { Style } from "../style/style.js";
import type { DocxFontMode } from "../render/docx-fonts.js";

export interface Job {
  input: string;
  outDir: string;
  /** the outputs' path below outDir without the extension (render/output.ts outputNames) */
  outName?: string;
  formats: Format[];
  templates?: string;
  /** DOCX: which fonts are embedded (writers/docx/fonts.ts; default editable) */
  docxFonts?: DocxFontMode;
}

export type JobError = ErrorSummary;

export type JobResult =
  | { input: string; ok: true; outputs: RenderedOutput[]; ms: number }
  | { input: string; ok: false; error: JobError; internal: boolean; ms: number };

export function failure(job: Job, e: unknown, ms: number): JobResult & { ok: false } {
  if (isUndocError(e)) {
    return { input: job.input, ok: false, internal: false, ms, error: { code: e.code, message: e.message, ...e.location } };
  }
  const err = e instanceof Error ? e : new Error(String(e));
  return { input: job.input, ok: false, internal: true, ms, error: { code: "INTERNAL", message: err.stack ?? err.message } };
}

const renderOptions = (job: Job) => ({ templates: job.templates, ...(job.docxFonts && { docx: { fonts: job.docxFonts } }) });

export async function runJob(job: Job): Promise<JobResult> {
  const t0 = performance.now();
  try {
    const r = await renderFile(job.input, job.outDir, { formats: job.formats, outName: job.outName, ...renderOptions(job) });
    return { input: job.input, ok: true, outputs: r.outputs, ms: r.ms };
  } catch (e) {
    return failure(job, e, performance.now() - t0);
  }
}

/**
 * A document split by format between two workers (batch/pool.ts): the first prepares it and writes
 * its PDF, and hands over what the second needs to write the DOCX and commit both, as plain data
 * (the model, the style, the date, the PDF's bytes).
 */
export interface Handover {
  model: Document;
  style: Style;
  date: Date;
  pdf: Uint8Array;
  ms: number;
}

/** The first half of a split document: checked, prepared and its PDF written (not committed). */
export async function prepareAndWritePdf(job: Job): Promise<{ ok: true; handover: Handover } | { ok: false; result: JobResult }> {
  const t0 = performance.now();
  try {
    const [prepared, options] = prepareFile(job.input, { formats: job.formats, ...renderOptions(job) });
    const pdf = await writeFormat("pdf", prepared, options.date, options);
    return { ok: true, handover: { model: prepared.model, style: prepared.style, date: options.date, pdf, ms: performance.now() - t0 } };
  } catch (e) {
    return { ok: false, result: failure(job, e, performance.now() - t0) };
  }
}

/** The second half: the DOCX from the handed-over model, then both outputs committed together (renderFile's commit). */
export async function writeDocxAndCommit(job: Job, h: Handover): Promise<JobResult> {
  const t0 = performance.now();
  try {
    const options = renderOptions(job);
    const docx = await writeFormat("docx", { model: h.model, style: h.style, faces: faceSetFor(h.style) }, h.date, options);
    const files = [...new Set(job.formats)].map((format) => ({ format, path: outputPath(job.input, job.outDir, format, job.outName), bytes: format === "pdf" ? h.pdf : docx }));
    commitOutputs(files);
    const outputs = files.map(({ format, path, bytes }) => ({ format, path, bytes: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex") }));
    return { input: job.input, ok: true, outputs, ms: h.ms + performance.now() - t0 };
  } catch (e) {
    return failure(job, e, h.ms + performance.now() - t0);
  }
}
