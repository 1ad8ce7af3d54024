/**
 * The --json reports of `undoc render` and `undoc validate`: exactly one JSON document on stdout
 * for every run, including refused ones, so CI can trust it. `ok` is a boolean: true only when
 * every document rendered (or validated) and the run was not refused.
 */
import type { JobError, JobResult } from "../batch/job.js";
import type { RenderedOutput } from "../render/render-file.js";
import type { UndocError } from "../errors.js";

/** What went wrong with one document, or with the run as a whole (then only code and message). */
export type ReportError = JobError;

export interface RenderReport {
  ok: boolean;
  command: "render";
  /** inputs in the run */
  documents: number;
  rendered: number;
  failed: number;
  ms: number;
  /** the run as a whole was refused (bad options, outputs that would clash): nothing was written */
  error?: ReportError;
  results: Array<
    | { input: string; ok: true; ms: number; outputs: RenderedOutput[] }
    | { input: string; ok: false; ms: number; error: ReportError }
  >;
}

export interface ValidateReport {
  ok: boolean;
  command: "validate";
  documents: number;
  valid: number;
  failed: number;
  ms: number;
  error?: ReportError;
  results: Array<{ input: string; ok: boolean; errors: ReportError[]; more: number }>;
}

export function errorOf(e: UndocError): ReportError {
  return { code: e.code, message: e.message, ...e.location };
}

export function renderReport(results: readonly JobResult[], ms: number, error?: ReportError): RenderReport {
  const rendered = results.filter((r) => r.ok).length;
  return {
    ok: !error && rendered === results.length,
    command: "render",
    documents: results.length,
    rendered,
    failed: results.length - rendered,
    ms: Math.round(ms),
    ...(error && { error }),
    results: results.map((r) => (r.ok ? { input: r.input, ok: true, ms: Math.round(r.ms), outputs: r.outputs } : { input: r.input, ok: false, ms: Math.round(r.ms), error: r.error })),
  };
}

export function validateReport(results: ValidateReport["results"], ms: number, error?: ReportError): ValidateReport {
  const valid = results.filter((r) => r.ok).length;
  return { ok: !error && valid === results.length, command: "validate", documents: results.length, valid, failed: results.length - valid, ms: Math.round(ms), ...(error && { error }), results };
}
