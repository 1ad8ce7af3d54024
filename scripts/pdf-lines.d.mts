/** Types of pdf-lines.mjs. */
import type { PDFDocumentProxy } from "pdfjs-dist/legacy/build/pdf.mjs";

export interface TextItem {
  text: string;
  x: number;
  /** baseline, from the top of the page */
  y: number;
  width: number;
  fontSize: number;
  /** the font's name with its subset tag (ABCDEF+NotoSerifCJKsc-Regular) with `fonts: true`, else pdfjs's id for it */
  fontName: string;
}

export interface TextLine {
  /** left end of the line's first item */
  x: number;
  /** right end of the line's last item */
  xMax: number;
  /** baseline of the line's first item, from the top of the page */
  y: number;
  /** the largest font size on the line */
  fontSize: number;
  /** the font of the line's first item */
  fontName: string;
  text: string;
  items: TextItem[];
}

export interface TextPage {
  /** 1-based */
  number: number;
  width: number;
  height: number;
  lines: TextLine[];
}

export const WORD_GAP_EM: number;
export const BASELINE_TOLERANCE_EM: number;
export function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy>;
export function pdfText(bytes: Uint8Array, options?: { fonts?: boolean }): Promise<TextPage[]>;
export function linesOf(items: TextItem[]): TextLine[];
