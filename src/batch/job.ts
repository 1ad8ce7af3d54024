/** One document of a batch and its outcome, as plain data (it crosses worker-thread boundaries). */
import { isUndocError } from "../errors.js";
import type { Format } from "../render/pipeline.js";
import { renderFile, type RenderedOutput } from "../render/render-file.js";
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
    const ms = performance.now() - t0;
    if (isUndocError(e)) {
      return { input: job.input, ok: false, internal: false, ms, error: { code: e.code, message: e.message, ...e.location } };
    }
    const err = e instanceof Error ? e : new Error(String(e));
    return { input: job.input, ok: false, internal: true, ms, error: { code: "INTERNAL", message: err.stack ?? err.message } };
  }
}
