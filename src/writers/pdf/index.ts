/**
 * The PDF writer: (model, style, faces) -> PDF bytes, through pdfmake 0.3.
 * Body text is composed by the typesetter; pdfmake only places the finished lines and pages.
 */
import type { Document } from "../../model/types.js";
import { pageSize, type Style } from "../../style/style.js";
import type { FaceSet } from "../../typeset/index.js";
import { bodyContent } from "./blocks.js";
import { pdfContext } from "./context.js";
import { firstPageFooterContent, mastheadContent, runningFooter, runningHeader } from "./page-parts.js";
import { pdfFamily, pdfFonts, pdfmakeRuntime } from "./pdfmake-runtime.js";

export interface PdfOptions {
  /** creation date written into the PDF (fixed, for reproducible output) */
  date: Date;
}

export async function writePdf(doc: Document, style: Style, faces: FaceSet, options: PdfOptions): Promise<Uint8Array> {
  const pdfmake = pdfmakeRuntime();
  const ctx = pdfContext(style, faces);
  // register every face up front: headers and footers are set while pdfmake lays out pages
  for (const set of [faces.regular, faces.bold]) for (const f of [set.cjk, set.latin]) pdfFamily(f);
  const size = pageSize(style);
  const m = style.page.margin;
  const content = [...mastheadContent(ctx, doc.masthead), ...bodyContent(ctx, doc.body)];
  const definition: Record<string, unknown> = {
    pageSize: { width: size.width, height: size.height },
    pageMargins: [m.left, m.top, m.right, m.bottom],
    content,
    header: (page: number) => (page === 1 ? null : runningHeader(ctx, doc.running, page)),
    footer: (page: number, pages: number) =>
      page === 1 ? firstPageFooterContent(ctx, doc.firstPageFooter, size.width) : runningFooter(ctx, doc.running, page, pages),
    defaultStyle: { font: Object.keys(pdfFonts())[0] },
    info: {
      title: doc.meta.title,
      subject: doc.meta.symbol,
      creator: "undoc",
      producer: "undoc (pdfmake)",
      creationDate: options.date,
      modDate: options.date,
    },
    language: doc.meta.lang === "zh" ? "zh-CN" : doc.meta.lang,
    compress: true,
  };
  pdfmake.setFonts(pdfFonts());
  return new Uint8Array(await pdfmake.createPdf(definition).getBuffer());
}
