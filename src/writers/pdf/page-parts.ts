/**
 * The page furniture (layout/furniture.ts) as draw items: the boxes are where the description
 * puts them; the texts are composed by the same typesetter as the body, in their roles' faces.
 */
import { firstPageFooterBoxes, mastheadBoxes, runningFooterBoxes, runningHeaderBoxes, type FurnitureBox, type TextBox } from "../../layout/furniture.js";
import { furnitureText, type FurnitureRole } from "../../layout/roles.js";
import type { Document } from "../../model/types.js";
import { composeParagraph, type ComposedLine } from "../../typeset/index.js";
import { baselineOffset, type PdfContext } from "./context.js";
import { marks } from "./marks.js";
import type { DrawItem } from "./pieces.js";

function composeBox(ctx: PdfContext, role: FurnitureRole, text: string, width: number, align: TextBox["align"]): ComposedLine[] {
  const { size, weight } = furnitureText(ctx.style, role);
  return composeParagraph([{ text, weight }], ctx.faces, { size, width, leftIndent: 0, rightIndent: 0, firstLineIndent: 0, align }, ctx.opt).lines;
}

/** Boxes -> draw items in page coordinates. */
export function boxItems(ctx: PdfContext, boxes: FurnitureBox[]): DrawItem[] {
  const out: DrawItem[] = [];
  for (const b of boxes) {
    if (b.kind === "rule") out.push({ kind: "rule", x: b.x, y: b.y, width: b.width, thickness: b.thickness });
    else if (b.kind === "mark") out.push({ kind: "mark", mark: b.mark, x: b.x, y: b.y });
    else {
      const size = furnitureText(ctx.style, b.role).size;
      composeBox(ctx, b.role, b.text, b.width, b.align).forEach((line, i) => {
        const baseline = b.y + i * b.pitch + baselineOffset(ctx, size);
        for (const run of line.runs) out.push({ kind: "text", run, x: b.x + line.indent + run.x, baseline: baseline - run.rise });
      });
    }
  }
  return out;
}

const lineCounter = (ctx: PdfContext) => (role: FurnitureRole, text: string, width: number) => Math.max(1, composeBox(ctx, role, text, width, "start").length);

export function masthead(ctx: PdfContext, doc: Document): { items: DrawItem[]; height: number } {
  const { boxes, height } = mastheadBoxes(doc, ctx.style, lineCounter(ctx));
  return { items: boxItems(ctx, boxes), height };
}

export function firstPageFooter(ctx: PdfContext, doc: Document): DrawItem[] {
  return boxItems(ctx, firstPageFooterBoxes(doc, ctx.style, (text, narrow) => marks.barcode(text, ctx.style.firstPageFooter.barcodeHeight, narrow).width));
}

export function runningParts(ctx: PdfContext, doc: Document, page: number, pages: number): DrawItem[] {
  return boxItems(ctx, [...runningHeaderBoxes(doc, ctx.style, page), ...runningFooterBoxes(doc, ctx.style, page, pages)]);
}
