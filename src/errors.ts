/**
 * One error type for everything a user can get wrong (data, templates, style, options).
 * The CLI prints `message` without a stack trace; `code` lets scripts tell kinds apart.
 */
import { printable } from "./printable.js";

export type ErrorCode =
  | "INPUT_READ" // the input file cannot be read
  | "INPUT_SYNTAX" // YAML/JSON syntax error
  | "INPUT_SCHEMA" // the data does not match the schema
  | "TEMPLATE" // a template, partial or helper problem
  | "MARKUP" // the markup a template produced is malformed
  | "STYLE" // the style file is wrong
  | "FONT" // a font is missing, or text needs glyphs no font has
  | "OUTPUT" // the output cannot be written
  | "USAGE"; // bad command-line use

export interface ErrorLocation {
  file?: string;
  line?: number; // 1-based
  column?: number; // 1-based
  path?: string; // field path in the data, e.g. letter.paragraphs[2]
}

/** An error as reports and the preview pass it on: plain data, its code, message and place. */
export interface ErrorSummary extends ErrorLocation {
  code: string;
  message: string;
}

export class UndocError extends Error {
  readonly code: ErrorCode;
  readonly location: ErrorLocation;
  readonly hint?: string;
  /** the message without location and hint */
  readonly detail: string;

  constructor(code: ErrorCode, message: string, location: ErrorLocation = {}, hint?: string) {
    super(formatMessage(message, location, hint));
    this.name = "UndocError";
    this.code = code;
    this.location = location;
    this.hint = hint;
    this.detail = message;
  }
}

/**
 * The message as printed: each part escaped (printable.ts), so data, file names and template text
 * quoted in it can never add a line or a terminal control; the only line break is before the hint.
 */
function formatMessage(message: string, loc: ErrorLocation, hint?: string): string {
  let where = "";
  if (loc.file) {
    where = printable(loc.file);
    if (loc.line) where += `:${loc.line}`;
    if (loc.line && loc.column) where += `:${loc.column}`;
  }
  const field = loc.path ? ` at ${printable(loc.path)}` : "";
  const head = where ? `${where}: ` : "";
  return `${head}${printable(message)}${field}${hint ? `\n  hint: ${printable(hint)}` : ""}`;
}

export function isUndocError(e: unknown): e is UndocError {
  return e instanceof UndocError;
}
