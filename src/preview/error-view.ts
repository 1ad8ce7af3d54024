/**
 * A render error as the preview page shows it: the message, where (file:line:column), and the
 * lines around that place in the file with the offending one marked. Plain data: the page puts it
 * in the document as text, never as HTML.
 */
import { readFileSync, statSync } from "node:fs";
import { isUndocError, type ErrorSummary } from "../errors.js";

export interface ErrorView extends ErrorSummary {
  hint?: string;
  /** the lines around `line`, numbered; `at` marks the offending one */
  excerpt?: Array<{ line: number; text: string; at: boolean }>;
}

/** Lines of context shown on each side of the offending line. */
const CONTEXT = 2;
/** Files larger than this are not read for an excerpt (data files may be large; templates are not). */
const MAX_EXCERPT_FILE = 8 * 1024 * 1024;
/** Excerpt lines are cut to this many characters. */
const MAX_LINE = 240;

export function errorView(e: unknown): ErrorView {
  if (!isUndocError(e)) {
    const err = e instanceof Error ? e : new Error(String(e));
    return { code: "INTERNAL", message: `internal error (please report it): ${err.stack ?? err.message}` };
  }
  const { file, line, column, path } = e.location;
  const view: ErrorView = { code: e.code, message: e.detail, ...(file ? { file } : {}), ...(line ? { line } : {}), ...(column ? { column } : {}), ...(path ? { path } : {}), ...(e.hint ? { hint: e.hint } : {}) };
  if (file && line) {
    const excerpt = excerptOf(file, line);
    if (excerpt) view.excerpt = excerpt;
  }
  return view;
}

function excerptOf(file: string, line: number): ErrorView["excerpt"] {
  try {
    if (!statSync(file).isFile() || statSync(file).size > MAX_EXCERPT_FILE) return undefined;
    const lines = readFileSync(file, "utf8").split(/\r?\n/);
    if (line > lines.length) return undefined;
    const out: NonNullable<ErrorView["excerpt"]> = [];
    for (let n = Math.max(1, line - CONTEXT); n <= Math.min(lines.length, line + CONTEXT); n++) {
      const text = lines[n - 1];
      out.push({ line: n, text: text.length > MAX_LINE ? `${text.slice(0, MAX_LINE)}…` : text, at: n === line });
    }
    return out;
  } catch {
    return undefined; // the file went away meanwhile: the message still says where
  }
}
