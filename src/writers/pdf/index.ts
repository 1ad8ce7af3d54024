/**
 * The PDF writer: (model, style, faces) -> PDF bytes. The writer lays out and paginates the
 * document itself (blocks.ts -> pieces, paginate.ts -> pages, page-parts.ts for the furniture)
 * and hands pdfmake finished pages of absolutely positioned glyph runs, rules and marks.
 */
import type { Document } from "../../model/types.js";
import { pageSize, type Style } from "../../style/style.js";
import type { FaceSet } from "../../typeset/index.js";
import { bodyPieces } from "./blocks.js";
import { pdfContext } from "./context.js";
import { pagesContent } from "./emit.js";
import { firstPageFooter, masthead, runningParts } from "./page-parts.js";
import { paginate } from "./paginate.js";
import { pageBodyHeight } from "./parts.js";
import { shifted, type DrawItem } from "./pieces.js";
import { pdfFonts, pdfmakeRuntime } from "./pdfmake-runtime.js";

export interface PdfOptions {
  /** creation date written into the PDF (fixed, for reproducible output) */
  date: Date;
}

/** The document laid out: per page, every item in page coordinates. */
export function layoutPages(doc: Document, style: Style, faces: FaceSet): DrawItem[][] {
  const ctx = pdfContext(style, faces, doc.meta.lang);
  const m = style.page.margin;
  const head = masthead(ctx, doc);
  const pages = paginate(bodyPieces(ctx, doc.body), { bodyHeight: pageBodyHeight(ctx), firstPageTop: head.height, footnotes: style.footnotes });
  return pages.map((page, i) => {
    const n = i + 1;
    const items: DrawItem[] = n === 1 ? [...head.items, ...firstPageFooter(ctx, doc)] : runningParts(ctx, doc, n, pages.length);
    for (const placed of [...page.body, ...page.notes]) items.push(...shifted(placed.piece.items, m.left, m.top + placed.y));
    if (page.separatorY !== undefined) {
      const f = style.footnotes;
      items.push({ kind: "rule", x: m.left, y: m.top + page.separatorY, width: f.separatorWidth, thickness: f.separatorThickness });
    }
    return items;
  });
}

export async function writePdf(doc: Document, style: Style, faces: FaceSet, options: PdfOptions): Promise<Uint8Array> {
  const pdfmake = pdfmakeRuntime();
  const pages = layoutPages(doc, style, faces);
  const content = pagesContent(pages); // registers the faces the runs use
  const size = pageSize(style);
  const definition: Record<string, unknown> = {
    pageSize: { width: size.width, height: size.height },
    pageMargins: [0, 0, 0, 0],
    content,
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
