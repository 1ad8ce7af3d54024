/**
 * The PDF writer: (model, style, faces) -> PDF bytes. The writer lays out and paginates the
 * document itself (blocks.ts -> pieces, paginate.ts -> pages, page-parts.ts for the furniture)
 * and has pdfmake draw the finished pages (draw.ts), one at a time.
 *
 * The running footer prints "page/total", so the total must be known before a page is drawn: a
 * document of up to RETAINED_PAGES pages is laid out once and kept; a longer one is laid out
 * twice, first only to count its pages, then page by page as each is drawn and dropped, so
 * memory stays flat however long the document is.
 *
 * A right-to-left document (style text.direction: rtl) is laid out exactly as a left-to-right
 * one, measured from the start edge, and each page is mirrored before it is drawn: indents,
 * labels, table columns, the footnote rule and the furniture move to the other side, while the
 * lines' runs are already in visual order (the typesetter's bidi) and marks are not reflected.
 */
import { trace } from "../../trace.js";
import type { Document } from "../../model/types.js";
import { isRtl, pageSize, type Style } from "../../style/style.js";
import type { FaceSet } from "../../typeset/index.js";
import { bodyPieces } from "./blocks.js";
import { pdfContext, type PdfContext } from "./context.js";
import { drawingOf, PageDrawer } from "./draw.js";
import { firstPageFooter, masthead, runningParts } from "./page-parts.js";
import { paginateStream, type Page } from "./paginate.js";
import { pageBodyHeight } from "./parts.js";
import { mirrored, shiftInto, type DrawItem } from "./pieces.js";

export interface PdfOptions {
  /** creation date written into the PDF (fixed, for reproducible output) */
  date: Date;
  /** a structure tree with PDF/UA-1 and PDF/A-2a conformance (default true) */
  tagged?: boolean;
}

/** Pages kept from the first layout; past this, the document is laid out again page by page. */
const RETAINED_PAGES = 300;

interface Layout {
  ctx: PdfContext;
  head: { items: DrawItem[]; height: number };
}

function layout(doc: Document, style: Style, faces: FaceSet): Layout {
  const ctx = pdfContext(style, faces, doc.meta.lang);
  return { ctx, head: masthead(ctx, doc) };
}

function paginateDocument(l: Layout, doc: Document, emit: (page: Page) => void): number {
  return paginateStream(bodyPieces(l.ctx, doc.body), { bodyHeight: pageBodyHeight(l.ctx), firstPageTop: l.head.height, footnotes: l.ctx.style.footnotes }, emit);
}

/** A page's items in page coordinates: the furniture, the body, the notes and their rule. */
function pageItems(l: Layout, doc: Document, page: Page, n: number, total: number): DrawItem[] {
  const { ctx } = l;
  const m = ctx.style.page.margin;
  // in reading order: the masthead, the body, the notes, then the page's furniture
  const items: DrawItem[] = n === 1 ? [...l.head.items] : [];
  for (const placed of page.body) shiftInto(items, placed.piece.items, m.left, m.top + placed.y);
  for (const placed of page.notes) shiftInto(items, placed.piece.items, m.left, m.top + placed.y);
  if (page.separatorY !== undefined) {
    const f = ctx.style.footnotes;
    items.push({ kind: "rule", x: m.left, y: m.top + page.separatorY, width: f.separatorWidth, thickness: f.separatorThickness });
  }
  items.push(...(n === 1 ? firstPageFooter(ctx, doc) : runningParts(ctx, doc, n, total)));
  // a right-to-left document is laid out from the right edge: the page is mirrored as a whole
  return isRtl(ctx.style) ? mirrored(items, pageSize(ctx.style).width, (m) => drawingOf(m).width) : items;
}

/** The document laid out: per page, every item in page coordinates (for tests and tools). */
export function layoutPages(doc: Document, style: Style, faces: FaceSet): DrawItem[][] {
  const l = layout(doc, style, faces);
  const pages: Page[] = [];
  const total = paginateDocument(l, doc, (p) => pages.push(p));
  return pages.map((p, i) => pageItems(l, doc, p, i + 1, total));
}

export async function writePdf(doc: Document, style: Style, faces: FaceSet, options: PdfOptions): Promise<Uint8Array> {
  const l = layout(doc, style, faces);
  trace("pdf: laid out");
  const drawer = new PageDrawer(pageSize(style), {
    title: doc.meta.title,
    subject: doc.meta.symbol,
    date: options.date,
    lang: doc.meta.lang === "zh" ? "zh-CN" : doc.meta.lang,
    tagged: options.tagged ?? true,
  });
  let kept: Page[] | undefined = [];
  const total = paginateDocument(l, doc, (p) => {
    if (kept && kept.length < RETAINED_PAGES) kept.push(p);
    else kept = undefined; // too long to keep: count only, draw in a second pass
  });
  trace("pdf: paginated");
  if (kept) kept.forEach((p, i) => drawer.page(pageItems(l, doc, p, i + 1, total)));
  else {
    // a fresh layout: the first one's structure nodes and note layouts stay behind
    const again = layout(doc, style, faces);
    let n = 0;
    paginateDocument(again, doc, (p) => {
      n++;
      drawer.page(pageItems(again, doc, p, n, total));
    });
  }
  trace("pdf: pages drawn");
  return drawer.finish();
}
