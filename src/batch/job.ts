/** One document of a batch and its outcome, as plain data (it crosses worker-thread boundaries). */
import { createHash } from "node:crypto";
import { loadDataFile } from "../input/load.js";
import { outputPath, writeFileAtomic } from "../render/output.js";
import { resolve } from "node:path";
import type { Document } from "../model/types.js";
import { DEFAULT_TEMPLATES, metadataDate, prepareDocument, type Format } from "../render/pipeline.js";
import type { Style } from "../style/style.js";
import type { FaceSet } from "../typeset/index.js";
import { renderFile, type RenderedOutput } from "../render/render-file.js";
import type { DocxFontMode } from "../render/docx-fonts.js";
import { failure } from "./part.js";

export { writePart, type PartResult } from "./part.js";

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

export interface JobError {
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
  path?: string;
}

export type JobResult =
  | { input: string; ok: true; outputs: RenderedOutput[]; ms: number }
  | { input: string; ok: false; error: JobError; internal: boolean; ms: number };


export async function runJob(job: Job): Promise<JobResult> {
  const t0 = performance.now();
  try {
    const r = await renderFile(job.input, job.outDir, { formats: job.formats, templates: job.templates, outName: job.outName, ...(job.docxFonts && { docx: { fonts: job.docxFonts } }) });
    return { input: job.input, ok: true, outputs: r.outputs, ms: r.ms };
  } catch (e) {
    return failure(job, e, performance.now() - t0);
  }
}

/**
 * A job prepared for its writers (batch/pool.ts): the data read and checked, the model built, as
 * renderData does before its writers run. The model is plain data: it can go to a worker thread.
 */
export type Prepared =
  | { ok: true; model: Document; style: Style; faces: FaceSet; date: Date; ms: number }
  | { ok: false; failed: JobResult & { ok: false } };

export function prepareJob(job: Job): Prepared {
  const t0 = performance.now();
  try {
    const { data } = loadDataFile(job.input);
    const templates = resolve(job.templates ?? DEFAULT_TEMPLATES);
    const { model, style, faces } = prepareDocument(data, templates);
    return { ok: true, model, style, faces, date: metadataDate(data), ms: performance.now() - t0 };
  } catch (e) {
    return { ok: false, failed: failure(job, e, performance.now() - t0) };
  }
}


/**
 * A job's rendered formats written as render-file.ts writes them: in the job's order, and only
 * once every format has rendered. `ms`: the document's render time (its formats rendered at once).
 */
export function writeJob(job: Job, parts: ReadonlyMap<Format, Uint8Array>, ms: number): JobResult {
  const t0 = performance.now();
  try {
    const outputs: RenderedOutput[] = [];
    for (const format of job.formats) {
      const bytes = parts.get(format);
      if (!bytes) continue;
      const path = outputPath(job.input, job.outDir, format, job.outName);
      writeFileAtomic(path, bytes);
      outputs.push({ format, path, bytes: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex") });
    }
    return { input: job.input, ok: true, outputs, ms: ms + performance.now() - t0 };
  } catch (e) {
    return failure(job, e, ms + performance.now() - t0);
  }
}
