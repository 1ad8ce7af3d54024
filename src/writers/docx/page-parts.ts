/**
 * The page furniture (layout/furniture.ts boxes, the numbers the PDF draws) and the section.
 * - First page (w:titlePg): the masthead in its header, the job number, barcode, recycling mark
 *   and QR code in its footer. Each text box is a paragraph in a frame at the box's place on the
 *   page (w:framePr, ECMA-376 Part 1 §17.3.1.11), each rule an empty framed paragraph with a top
 *   border, each mark a floating image there; an empty paragraph as tall as the masthead keeps the
 *   body below it, where the PDF starts it. The texts stay editable text.
 * - Later pages: the running header and footer, on the sides the boxes put them on odd and even
 *   pages (w:evenAndOddHeaders: "default" is odd pages), with PAGE and NUMPAGES fields.
 */
import {
  DocumentGridType,
  FrameAnchorType,
  FrameWrap,
  Footer,
  Header,
  PageNumber,
  Paragraph,
  Tab,
  TabStopType,
  TextRun,
  type ISectionPropertiesOptions,
  type ParagraphChild,
} from "docx";
import { firstPageFooterBoxes, mastheadBoxes, runningFooterBoxes, runningHeaderBoxes, type FurnitureBox, type Mark, type TextBox } from "../../layout/furniture.js";
import { furnitureText, type FurnitureRole } from "../../layout/roles.js";
import { code39, code39Width, placeholderEmblem, qrCode, recyclingMark, type Drawing } from "../../marks/index.js";
import type { Document } from "../../model/types.js";
import { composeParagraph } from "../../typeset/index.js";
import type { DocxContext } from "./context.js";
import { markImage } from "./images.js";
import { inlineRuns } from "./runs.js";
import { CHARACTER_STYLES, FURNITURE_STYLES, PART_STYLES } from "./styles.js";
import { twip } from "./units.js";

const ALIGN = { start: "left", center: "center", end: "right" } as const;

/** Section properties: page size and margins from the style, different first page, document grid. */
export function sectionProperties(ctx: DocxContext): ISectionPropertiesOptions {
  const m = ctx.style.page.margin;
  const grid = documentGrid(ctx);
  return {
    titlePage: true,
    page: {
      size: { width: twip(ctx.page.width), height: twip(ctx.page.height) },
      margin: {
        top: twip(m.top),
        right: twip(m.right),
        bottom: twip(m.bottom),
        left: twip(m.left),
        header: twip(ctx.style.page.headerDistance),
        footer: twip(ctx.style.page.footerDistance),
        gutter: 0,
      },
    },
    grid: { type: DocumentGridType.LINES_AND_CHARS, linePitch: grid.linePitch, charSpace: grid.charSpace },
  };
}

/**
 * w:docGrid: the line pitch is the body line height; the character pitch fits a whole number of
 * body-size characters in the text width (35 at 12 pt in 420 pt). w:charSpace is what Word adds
 * to the body size to get that pitch, in 4096ths of a point (§17.6.5).
 */
export function documentGrid(ctx: DocxContext): { linePitch: number; charSpace: number; charsPerLine: number } {
  const size = ctx.style.text.size;
  const charsPerLine = Math.max(1, Math.floor(ctx.width / size + 1e-9));
  const pitch = ctx.width / charsPerLine;
  return { linePitch: twip(ctx.style.text.lineHeight), charSpace: Math.round((pitch - size) * 4096), charsPerLine };
}

/** Runs of a furniture text in its role's look. */
function textRuns(ctx: DocxContext, role: FurnitureRole, text: string): ParagraphChild[] {
  return inlineRuns(ctx, [{ type: "text", value: text }], { weight: furnitureText(ctx.style, role).weight, italic: false }, () => []);
}

function drawingOf(mark: Mark): Drawing {
  switch (mark.type) {
    case "emblem":
      return placeholderEmblem(mark.size);
    case "barcode":
      return code39(mark.text, { height: mark.height, narrow: mark.narrow, quiet: 0 });
    case "qr":
      return qrCode(mark.text, { size: mark.size });
    case "recycling":
      return recyclingMark(mark.size);
  }
}

const MARK_NAMES: Record<Mark["type"], (m: Mark) => string> = {
  emblem: () => "Emblem",
  barcode: (m) => `Barcode ${(m as Extract<Mark, { type: "barcode" }>).text}`,
  qr: (m) => `QR code ${(m as Extract<Mark, { type: "qr" }>).text}`,
  recycling: () => "Recycling mark",
};

/** A framed paragraph at a box's place on the page. */
function framed(x: number, y: number, width: number, style: string, children: ParagraphChild[], align?: TextBox["align"], border?: number): Paragraph {
  return new Paragraph({
    style,
    children,
    ...(align && { alignment: ALIGN[align] }),
    ...(border && { border: { top: { style: "single", size: Math.round(border * 8), color: "000000", space: 0 } } }),
    frame: {
      type: "absolute",
      position: { x: twip(x), y: twip(y) },
      width: twip(width),
      anchor: { horizontal: FrameAnchorType.PAGE, vertical: FrameAnchorType.PAGE },
      // the text around flows as if the frame were not there: the boxes never overlap the body
      wrap: FrameWrap.THROUGH,
    },
  });
}

/** Boxes as framed paragraphs, and the marks as floating images (the caller anchors them in a paragraph of its own). */
function boxParagraphs(ctx: DocxContext, boxes: FurnitureBox[]): { paragraphs: Paragraph[]; images: ParagraphChild[] } {
  const paragraphs: Paragraph[] = [];
  const images: ParagraphChild[] = [];
  for (const b of boxes) {
    if (b.kind === "text") {
      const style = b.role === "pageNumber" ? FURNITURE_STYLES.runningFooter.id : FURNITURE_STYLES[b.role].id;
      paragraphs.push(framed(b.x, b.y, b.width, style, textRuns(ctx, b.role, b.text), b.align));
    } else if (b.kind === "rule") paragraphs.push(framed(b.x, b.y, b.width, PART_STYLES.rule.id, [], undefined, b.thickness));
    else images.push(markImage(ctx, drawingOf(b.mark), MARK_NAMES[b.mark.type](b.mark), { x: b.x, y: b.y }));
  }
  return { paragraphs, images };
}

/** How many lines a furniture text takes at a width: the typesetter's count, as the PDF writer's. */
function lineCounter(ctx: DocxContext) {
  return (role: FurnitureRole, text: string, width: number) => {
    const { size, weight } = furnitureText(ctx.style, role);
    return Math.max(1, composeParagraph([{ text, weight }], ctx.faces, { size, width, leftIndent: 0, rightIndent: 0, firstLineIndent: 0, align: "start" }, ctx.opt).lines.length);
  };
}

/** A paragraph as tall as `height` points (the part of a header the body starts below). */
function spacer(height: number, children: ParagraphChild[] = []): Paragraph {
  return new Paragraph({ style: PART_STYLES.spacer.id, children, ...(height > 1 && { spacing: { after: twip(height - 1) } }) });
}

function masthead(ctx: DocxContext, doc: Document): Header {
  const { boxes, height } = mastheadBoxes(doc, ctx.style, lineCounter(ctx));
  const { paragraphs, images } = boxParagraphs(ctx, boxes);
  // Word starts the header at w:pgMar/@w:header and the body below the header's last line
  const below = ctx.style.page.margin.top + height - ctx.style.page.headerDistance;
  return new Header({ children: [...paragraphs, spacer(below, images)] });
}

function firstPageFooter(ctx: DocxContext, doc: Document): Footer {
  const boxes = firstPageFooterBoxes(doc, ctx.style, (text, narrow) => code39Width(text.length, { narrow, quiet: 0 }));
  const { paragraphs, images } = boxParagraphs(ctx, boxes);
  return new Footer({ children: [...paragraphs, spacer(1, images)] });
}

/** "page/total" from the PAGE and NUMPAGES fields (Word updates them on every layout). */
function pageOfPages(): TextRun {
  return new TextRun({ style: CHARACTER_STYLES.pageNumber.id, children: [PageNumber.CURRENT, "/", PageNumber.TOTAL_PAGES] });
}

/** The running header of an odd or even page: the symbol on the box's side, the rule under it. */
function runningHeader(ctx: DocxContext, doc: Document, page: number): Header {
  const boxes = runningHeaderBoxes(doc, ctx.style, page);
  const text = boxes.find((b): b is TextBox => b.kind === "text")!;
  const rule = boxes.find((b) => b.kind === "rule");
  return new Header({
    children: [
      new Paragraph({
        style: FURNITURE_STYLES.runningHeader.id,
        alignment: ALIGN[text.align],
        children: textRuns(ctx, text.role, text.text),
        ...(rule && { border: { bottom: { style: "single", size: Math.round(rule.thickness * 8), color: "000000", space: Math.round(rule.y - text.y - text.pitch) } } }),
      }),
    ],
  });
}

/** The running footer of an odd or even page: the job number and page/total on the boxes' sides, a right tab between them. */
function runningFooter(ctx: DocxContext, doc: Document, page: number): Footer {
  const boxes = runningFooterBoxes(doc, ctx.style, page, 0).filter((b): b is TextBox => b.kind === "text").sort((a, b) => a.x - b.x);
  const left = ctx.style.page.margin.left;
  const runs = (b: TextBox) => (b.role === "pageNumber" ? [pageOfPages()] : textRuns(ctx, b.role, b.text));
  const [first, second] = boxes;
  return new Footer({
    children: [
      new Paragraph({
        style: FURNITURE_STYLES.runningFooter.id,
        tabStops: second ? [{ type: TabStopType.RIGHT, position: twip(second.x + second.width - left) }] : [],
        children: [...runs(first), ...(second ? [new TextRun({ children: [new Tab()] }), ...runs(second)] : [])],
      }),
    ],
  });
}

export function headers(ctx: DocxContext, doc: Document) {
  return { first: masthead(ctx, doc), default: runningHeader(ctx, doc, 3), even: runningHeader(ctx, doc, 2) };
}

export function footers(ctx: DocxContext, doc: Document) {
  return { first: firstPageFooter(ctx, doc), default: runningFooter(ctx, doc, 3), even: runningFooter(ctx, doc, 2) };
}
