/**
 * Text of a rendered PDF as pdftotext reads it back, for comparing with the input: white space
 * removed (pdftotext adds spaces and line breaks of its own), NFC-normalised. `bodyText` reads
 * only the text block of each page (between the top and bottom margins of the style), so running
 * headers, page numbers and first-page footers do not cut into a paragraph that spans two pages,
 * in content-stream order (-raw: the order the writer draws the lines), not pdftotext's guess at
 * columns (a wide gap such as an ideographic space can make it read a line's end after the next).
 */
import { execFileSync } from "node:child_process";
import { DEFAULT_TEMPLATES, styleOf } from "../../src/render/pipeline.js";
import { pageSize } from "../../src/style/style.js";

export const squash = (s: string) => s.normalize("NFC").replace(/\s+/gu, "");

/** Default-ignorable characters: never drawn, so never in the PDF's text. */
export const IGNORABLE = /[\u00AD\u034F\u061C\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\uFEFF]/gu;

export function pdfText(file: string): string {
  return squash(execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { maxBuffer: 256 << 20 }).toString());
}

export function bodyText(file: string, templates = DEFAULT_TEMPLATES): string {
  const style = styleOf(templates);
  const { width, height } = pageSize(style);
  const m = style.page.margin;
  // -r 72: pdftotext's crop box is in points
  const args = ["-raw", "-enc", "UTF-8", "-r", "72", "-x", "0", "-y", String(Math.floor(m.top)), "-W", String(Math.ceil(width)), "-H", String(Math.ceil(height - m.top - m.bottom)), file, "-"];
  return squash(execFileSync("pdftotext", args, { maxBuffer: 256 << 20 }).toString());
}
