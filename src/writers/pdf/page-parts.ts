/**
 * The page furniture (layout/furniture.ts) as draw items: the boxes are where the description
 * puts them; the texts are composed by the same typesetter as the body, in their roles' faces.
 */
import { firstPageFooterBoxes, mastheadBoxes, runningFooterBoxes, runningHeaderBoxes, type FurnitureBox, type TextBox } from "../../layout/furniture.js";
import { furnitureText, type FurnitureRole } from "../../layout/roles.js";
import type { Document } from "../../model/types.js";
import { composeParagraph, type ComposedLine } from "../../typeset/index.js";
import { baselineOffset, isRtlRun, type PdfContext } from "./context.js";
import { marks } from "./marks.js";
import type { DrawItem } from "./pieces.js";
import { structNode, type StructNode } from "./structure.js";

function composeBox(ctx: PdfContext, role: FurnitureRole, text: string, width: number, align: TextBox["align"]): ComposedLine[] {
  const { size, weight } = furnitureText(ctx.style, role);
  // a furniture text reads in its own direction (the English distribution block of an Arabic version)
  const opt = ctx.opt.direction === "rtl" ? { ...ctx.opt, autoDirection: true } : ctx.opt;
  return composeParagraph([{ text, weight }], ctx.faces, { size, width, leftIndent: 0, rightIndent: 0, firstLineIndent: 0, align }, opt).lines;
}

/** Boxes -> draw items in page coordinates; `tagOf` gives a box its structure element (none: an artifact). */
export function boxItems(ctx: PdfContext, boxes: FurnitureBox[], tagOf: (b: FurnitureBox) => StructNode | undefined = () => undefined): DrawItem[] {
  const out: DrawItem[] = [];
  for (const b of boxes) {
    const tag = tagOf(b);
    if (b.kind === "rule") out.push({ kind: "rule", x: b.x, y: b.y, width: b.width, thickness: b.thickness });
    else if (b.kind === "mark") out.push({ kind: "mark", mark: b.mark, x: b.x, y: b.y, ...(tag && { tag }) });
    else {
      const size = furnitureText(ctx.style, b.role).size;
      const lines = composeBox(ctx, b.role, b.text, b.width, b.align);
      lines.forEach((line, i) => {
        const baseline = b.y + i * b.pitch + baselineOffset(ctx, size);
        line.runs.forEach((run, k) => {
          // the text each run stands for: up to the next run (its word space included)
          const end = k + 1 < line.runs.length ? line.runs[k + 1].start : i + 1 < lines.length ? lines[i + 1].start : run.end;
          const stands = b.text.slice(run.start, Math.max(end, run.end));
          out.push({ kind: "text", run, x: b.x + line.indent + run.x, baseline: baseline - run.rise, tag, actual: stands !== run.text || isRtlRun(run) ? stands : undefined });
        });
      });
    }
  }
  return out;
}

/**
 * The language of a distribution line written in another script than the document's: Chinese,
 * Russian and Arabic versions print the block in English (Latin letters only).
 */
function furnitureLang(doc: Document, text: string): string | undefined {
  if (!/^(zh|ru|ar)/.test(doc.meta.lang)) return undefined;
  return /\p{Script=Latin}/u.test(text) && !/[\p{Script=Han}\p{Script=Cyrillic}\p{Script=Arabic}]/u.test(text) ? "en" : undefined;
}

const lineCounter = (ctx: PdfContext) => (role: FurnitureRole, text: string, width: number) => Math.max(1, composeBox(ctx, role, text, width, "start").length);

/**
 * The masthead: its words are content (a Div of paragraphs: the organisation, the symbol, the
 * organ, the distribution block), read before the letter; the emblem and the rules are artifacts.
 */
export function masthead(ctx: PdfContext, doc: Document): { items: DrawItem[]; height: number } {
  const { boxes, height } = mastheadBoxes(doc, ctx.style, lineCounter(ctx));
  const div = structNode("Div", ctx.root);
  const tagOf = (b: FurnitureBox) => {
    if (b.kind !== "text") return undefined;
    const lang = b.role === "distribution" ? furnitureLang(doc, b.text) : undefined;
    return structNode("P", div, lang ? { lang } : {});
  };
  return { items: boxItems(ctx, boxes, tagOf), height };
}

/**
 * The first-page footer: the job number and barcode are page furniture (artifacts); the QR code
 * is a figure whose alternative text is the address it holds.
 */
export function firstPageFooter(ctx: PdfContext, doc: Document): DrawItem[] {
  const boxes = firstPageFooterBoxes(doc, ctx.style, (text, narrow) => marks.barcode(text, ctx.style.firstPageFooter.barcodeHeight, narrow).width);
  return boxItems(ctx, boxes, (b) => (b.kind === "mark" && b.mark.type === "qr" ? structNode("Figure", ctx.root, { alt: b.mark.text }) : undefined));
}

export function runningParts(ctx: PdfContext, doc: Document, page: number, pages: number): DrawItem[] {
  return boxItems(ctx, [...runningHeaderBoxes(doc, ctx.style, page), ...runningFooterBoxes(doc, ctx.style, page, pages)]);
}
