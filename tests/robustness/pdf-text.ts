/**
 * Text of a rendered PDF file read back, for comparing with the input: white space removed (a
 * reader adds spaces and line breaks of its own), NFC-normalised. `bodyText` reads only the text
 * block of each page (between the top and bottom margins of the style), so running headers, page
 * numbers and first-page footers do not cut into a paragraph that spans two pages. Lines are
 * rebuilt from positioned text (tests/helpers/pdf.ts): top to bottom, left to right.
 */
import { readFileSync } from "node:fs";
import { DEFAULT_TEMPLATES, styleOf } from "../../src/render/pipeline.js";
import { bodyTextOf, pdfText as readPdfText, squash, textOf } from "../helpers/pdf.js";

export { squash };

/** Default-ignorable characters: never drawn, so never in the PDF's text. */
export const IGNORABLE = /[\u00AD\u034F\u061C\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\uFEFF]/gu;

export async function pdfText(file: string): Promise<string> {
  return squash(textOf(await readPdfText(readFileSync(file))));
}

export async function bodyText(file: string, templates = DEFAULT_TEMPLATES): Promise<string> {
  return bodyTextOf(await readPdfText(readFileSync(file)), styleOf(templates).page.margin);
}
