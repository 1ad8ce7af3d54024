/**
 * What the library API is handed, checked before anything runs: a caller's mistake (options that
 * are null, a format that does not exist, an Invalid Date, a SOURCE_DATE_EPOCH that is not a
 * date) is a USAGE error saying what was expected, never a TypeError from deep inside a writer.
 */
import { UndocError } from "../errors.js";
import { DOCX_FONT_MODES, type DocxFontMode } from "./docx-fonts.js";

export const FORMATS = ["pdf", "docx"] as const;
export type Format = (typeof FORMATS)[number];

/**
 * Metadata dates undoc writes: a ZIP entry's time holds 1980-01-01 to 2107-12-31, a PDF date four
 * digits of year; SOURCE_DATE_EPOCH and the `date` option must fall in both.
 */
export const FIRST_DATE = Date.UTC(1980, 0, 1);
export const LAST_DATE = Date.UTC(2107, 11, 31, 23, 59, 59);

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const shown = (v: unknown) => (v === null ? "null" : Array.isArray(v) ? "a list" : v instanceof Date ? "a Date" : typeof v === "string" ? JSON.stringify(v.slice(0, 40)) : typeof v);

function usage(message: string, hint?: string): never {
  throw new UndocError("USAGE", message, {}, hint);
}

/** The render options, checked: `undefined` and `{}` are the defaults. */
export function checkOptions<T extends object>(options: unknown, allowed: readonly string[], what = "options"): T {
  if (options === undefined) return {} as T;
  if (!isPlainObject(options)) usage(`${what} must be an object, not ${shown(options)}`, `e.g. { formats: ["pdf"] }; keys: ${allowed.join(", ")}`);
  for (const key of Object.keys(options)) {
    if (!allowed.includes(key)) usage(`unknown option "${key}" in ${what}`, `keys: ${allowed.join(", ")}`);
  }
  const o = options as Record<string, unknown>;
  if (o.templates !== undefined && (typeof o.templates !== "string" || o.templates === "")) usage(`options.templates must be the path of a template folder, not ${shown(o.templates)}`);
  if (o.formats !== undefined) {
    if (!Array.isArray(o.formats) || o.formats.length === 0) usage(`options.formats must be a list of formats (${FORMATS.join(", ")}), not ${shown(o.formats)}`);
    for (const f of o.formats) if (!FORMATS.includes(f as Format)) usage(`unknown format ${shown(f)} in options.formats`, `formats: ${FORMATS.join(", ")}`);
  }
  if (o.date !== undefined) checkDate(o.date, "options.date");
  if (o.docx !== undefined) {
    if (!isPlainObject(o.docx)) usage(`options.docx must be an object, not ${shown(o.docx)}`, 'e.g. { fonts: "none" }');
    const d = o.docx;
    for (const key of Object.keys(d)) if (!["fonts", "systemFonts", "embedFonts"].includes(key)) usage(`unknown option "${key}" in options.docx`, "keys: fonts, systemFonts, embedFonts");
    if (d.fonts !== undefined && !DOCX_FONT_MODES.includes(d.fonts as DocxFontMode)) usage(`unknown DOCX font mode ${shown(d.fonts)} in options.docx.fonts`, `modes: ${DOCX_FONT_MODES.join(", ")}`);
    if (d.embedFonts !== undefined && typeof d.embedFonts !== "boolean") usage(`options.docx.embedFonts must be true or false, not ${shown(d.embedFonts)}`);
    if (d.systemFonts !== undefined) {
      const s = d.systemFonts as Record<string, unknown>;
      const named = (k: string) => typeof s[k] === "string" && s[k] !== "";
      if (!isPlainObject(s) || !["cjk", "cjkBold", "latin"].every(named) || (s.cjkItalic !== undefined && !named("cjkItalic"))) {
        usage("options.docx.systemFonts must name three fonts (and may name a fourth): { cjk, cjkBold, latin, cjkItalic? }", 'e.g. { cjk: "SimSun", cjkBold: "SimHei", latin: "Times New Roman" }');
      }
    }
  }
  if (o.pdf !== undefined) {
    if (!isPlainObject(o.pdf) || Object.keys(o.pdf).some((k) => k !== "tagged") || (o.pdf.tagged !== undefined && typeof o.pdf.tagged !== "boolean")) {
      usage(`options.pdf must be { tagged?: true | false }, not ${shown(o.pdf)}`);
    }
  }
  if (o.outName !== undefined && (typeof o.outName !== "string" || o.outName === "" || o.outName.split("/").some((p) => p === "" || p === "." || p === ".."))) {
    usage(`options.outName must be a relative name without the extension ("a/doc.zh"), not ${shown(o.outName)}`);
  }
  return options as T;
}

function checkDate(date: unknown, what: string): Date {
  if (!(date instanceof Date)) usage(`${what} must be a Date, not ${shown(date)}`);
  const t = (date as Date).getTime();
  if (Number.isNaN(t)) usage(`${what} is an Invalid Date`);
  if (t < FIRST_DATE || t > LAST_DATE) usage(`${what} must lie between 1980-01-01 and 2107-12-31 (what a ZIP file can date), not ${(date as Date).toISOString()}`);
  return date as Date;
}

/**
 * SOURCE_DATE_EPOCH (reproducible builds): a whole number of seconds since 1970 that a ZIP and a
 * PDF date can hold; undefined when the variable is not set.
 */
export function sourceDateEpoch(env: NodeJS.ProcessEnv = process.env): Date | undefined {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === "") return undefined;
  const first = FIRST_DATE / 1000;
  const last = LAST_DATE / 1000;
  const hint = `set it to a whole number of seconds from ${first} (1980-01-01) to ${last} (2107-12-31), e.g. SOURCE_DATE_EPOCH=$(git log -1 --format=%ct), or unset it`;
  if (!/^\d{1,12}$/.test(epoch)) usage(`SOURCE_DATE_EPOCH must be a whole number of seconds, not "${epoch.slice(0, 40)}"`, hint);
  const seconds = Number(epoch);
  if (seconds < first || seconds > last) usage(`SOURCE_DATE_EPOCH=${epoch} is outside the dates a DOCX (ZIP) file can hold`, hint);
  return new Date(seconds * 1000);
}
