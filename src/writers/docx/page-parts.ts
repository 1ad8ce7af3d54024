/**
 * The page furniture (layout/furniture.ts boxes, the numbers the PDF draws) and the section.
 * - First page (w:titlePg): the masthead in its header, the job number, barcode, recycling mark
 *   and QR code in its footer. Each text box is a paragraph in a frame at the box's place on the
 *   page (w:framePr, ECMA-376 Part 1 §17.3.1.11), each rule an empty framed paragraph with a top
 *   border, each mark a floating image there; an empty paragraph as tall as the masthead keeps the
 *   body below it, where the PDF starts it. The texts stay editable text.
 * - Later pages: the running header and footer, on the sides the boxes put them on odd and even
 *   pages (w:evenAndOddHeaders: "default" is odd pages), with PAGE and NUMPAGES fields.
 * - A right-to-left document: the boxes are measured from the start (right) edge, and so are
 *   frames and anchored images in a right-to-left document (LibreOffice places them from the
 *   right), so they keep the boxes' numbers. The furniture written in Latin letters
 *   (LATIN_FURNITURE: the symbol, the distribution block, the job number, the running parts) is
 *   in left-to-right paragraphs, whose alignment is physical: theirs turns (start = right there),
 *   and the running footer's two texts, laid out with a tab, take their mirrored places.
 */
import { firstPageFooterBoxes, mastheadBoxes, runningFooterBoxes, runningHeaderBoxes, type FurnitureBox, type Mark, type TextBox } from "../../layout/furniture.js";
import { furnitureText, type FurnitureRole } from "../../layout/roles.js";
import { code39, code39Width, placeholderEmblem, qrCode, recyclingMark, type Drawing } from "../../marks/index.js";
import type { Document } from "../../model/types.js";
import { composeParagraph } from "../../typeset/index.js";
import type { DocxContext } from "./context.js";
import { markImage, type PendingImage } from "./images.js";
import { fieldRuns, paragraph, runProperties, TAB_RUN, textRun, type ParagraphOptions } from "./paragraph.js";
import { inlineRuns } from "./runs.js";
import { isRtl } from "../../style/style.js";
import { CHARACTER_STYLES, FURNITURE_STYLES, LATIN_FURNITURE, PART_STYLES } from "./styles.js";
import { twip } from "./units.js";

const ALIGN = { start: "left", center: "center", end: "right" } as const;
const FLIPPED = { start: "end", center: "center", end: "start" } as const;

/** A text box as a left-to-right paragraph aligns it: in a right-to-left document, Latin furniture's alignment turns. */
function physical(ctx: DocxContext, b: TextBox): TextBox {
  if (!isRtl(ctx.style) || !LATIN_FURNITURE.has(b.role)) return b;
  return { ...b, align: FLIPPED[b.align] };
}

/** The section's page: size, margins, grid (twips); what w:sectPr says. */
export interface SectionOptions {
  page: {
    size: { width: number; height: number };
    margin: { top: number; right: number; bottom: number; left: number; header: number; footer: number; gutter: number };
  };
  grid: { type: "default" | "linesAndChars"; linePitch: number; charSpace?: number };
  /** a right-to-left section (w:bidi) */
  rightToLeft: boolean;
}

/** Section properties: page size and margins from the style, different first page, document grid. */
export function sectionProperties(ctx: DocxContext): SectionOptions {
  const m = ctx.style.page.margin;
  const grid = documentGrid(ctx);
  return {
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
    // the character grid is for East Asian text; a right-to-left section with it is set on the
    // grid by LibreOffice (lines pushed apart: 6 pages for the Arabic example's 4), so none there
    grid: isRtl(ctx.style) ? { type: "default", linePitch: grid.linePitch } : { type: "linesAndChars", linePitch: grid.linePitch, charSpace: grid.charSpace },
    rightToLeft: isRtl(ctx.style),
  };
}

/**
 * w:sectPr in CT_SectPr order (§17.6.17): the header and footer references (default: odd pages,
 * first, even), page size, margins, page numbering, w:titlePg (a first page of its own), w:bidi (a
 * right-to-left section: Word lays out its columns and page furniture from the right), w:docGrid.
 * `refs`: the relationship ids of the header and footer parts.
 */
export function sectionXml(s: SectionOptions, refs: { headers: Record<HeaderFooterKind, string>; footers: Record<HeaderFooterKind, string> }): string {
  const { size, margin } = s.page;
  const reference = (tag: string, ids: Record<HeaderFooterKind, string>) => HEADER_FOOTER_KINDS.map((k) => `<w:${tag}Reference w:type="${k}" r:id="${ids[k]}"/>`).join("");
  return (
    `<w:sectPr>${reference("header", refs.headers)}${reference("footer", refs.footers)}` +
    `<w:pgSz w:w="${size.width}" w:h="${size.height}" w:orient="portrait"/>` +
    `<w:pgMar w:top="${margin.top}" w:right="${margin.right}" w:bottom="${margin.bottom}" w:left="${margin.left}" w:header="${margin.header}" w:footer="${margin.footer}" w:gutter="${margin.gutter}"/>` +
    `<w:pgNumType/><w:titlePg/>${s.rightToLeft ? "<w:bidi/>" : ""}` +
    // w:charSpace 0 is the default: left out
    `<w:docGrid w:type="${s.grid.type}" w:linePitch="${s.grid.linePitch}"${s.grid.charSpace ? ` w:charSpace="${s.grid.charSpace}"` : ""}/></w:sectPr>`
  );
}

/** The kinds of header and footer a section has, in the order the package numbers their parts (header1 is "default"). */
export const HEADER_FOOTER_KINDS = ["default", "first", "even"] as const;
export type HeaderFooterKind = (typeof HEADER_FOOTER_KINDS)[number];

/** A header's or footer's paragraphs (XML) and the images they show. */
export interface PagePart {
  xml: string;
  images: PendingImage[];
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
function textRuns(ctx: DocxContext, role: FurnitureRole, text: string): string {
  return inlineRuns(ctx, [{ type: "text", value: text }], { weight: furnitureText(ctx.style, role).weight, italic: false });
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

/**
 * A framed paragraph at a box's place on the page (the frame's text flows as if it were not
 * there: the boxes never overlap the body).
 */
function framed(x: number, y: number, width: number, style: string, runs: string, align?: TextBox["align"], border?: number): string {
  return paragraph(
    {
      style,
      frame: { x: twip(x), y: twip(y), width: twip(width) },
      ...(border && { border: { top: { style: "single", size: Math.round(border * 8), color: "000000", space: 0 } } }),
      ...(align && { alignment: ALIGN[align] }),
    },
    runs,
  );
}

/** Boxes as framed paragraphs, and the marks as floating image runs (the caller anchors them in a paragraph of its own). */
function boxParagraphs(ctx: DocxContext, boxes: FurnitureBox[]): { paragraphs: string; imageRuns: string; images: PendingImage[] } {
  let paragraphs = "";
  let imageRuns = "";
  const images: PendingImage[] = [];
  for (const b of boxes) {
    if (b.kind === "text") {
      const style = b.role === "pageNumber" ? FURNITURE_STYLES.runningFooter.id : FURNITURE_STYLES[b.role].id;
      const p = physical(ctx, b);
      paragraphs += framed(p.x, p.y, p.width, style, textRuns(ctx, b.role, b.text), p.align);
    } else if (b.kind === "rule") paragraphs += framed(b.x, b.y, b.width, PART_STYLES.rule.id, "", undefined, b.thickness);
    else {
      const m = markImage(ctx, drawingOf(b.mark), MARK_NAMES[b.mark.type](b.mark), { x: b.x, y: b.y }, b.mark.type === "emblem" || b.mark.type === "recycling");
      imageRuns += m.xml;
      images.push(m.image);
    }
  }
  return { paragraphs, imageRuns, images };
}

/** How many lines a furniture text takes at a width: the typesetter's count, as the PDF writer's. */
function lineCounter(ctx: DocxContext) {
  return (role: FurnitureRole, text: string, width: number) => {
    const { size, weight } = furnitureText(ctx.style, role);
    return Math.max(1, composeParagraph([{ text, weight }], ctx.faces, { size, width, leftIndent: 0, rightIndent: 0, firstLineIndent: 0, align: "start" }, ctx.opt).lines.length);
  };
}

/** A paragraph as tall as `height` points (the part of a header the body starts below). */
function spacer(height: number, runs = ""): string {
  return paragraph({ style: PART_STYLES.spacer.id, ...(height > 1 && { spacing: { after: twip(height - 1) } }) }, runs);
}

function masthead(ctx: DocxContext, doc: Document): PagePart {
  const { boxes, height } = mastheadBoxes(doc, ctx.style, lineCounter(ctx));
  const { paragraphs, imageRuns, images } = boxParagraphs(ctx, boxes);
  // Word starts the header at w:pgMar/@w:header and the body below the header's last line
  const below = ctx.style.page.margin.top + height - ctx.style.page.headerDistance;
  return { xml: paragraphs + spacer(below, imageRuns), images };
}

function firstPageFooter(ctx: DocxContext, doc: Document): PagePart {
  const boxes = firstPageFooterBoxes(doc, ctx.style, (text, narrow) => code39Width(text.length, { narrow, quiet: 0 }));
  const { paragraphs, imageRuns, images } = boxParagraphs(ctx, boxes);
  return { xml: paragraphs + spacer(1, imageRuns), images };
}

/** "page/total" from the PAGE and NUMPAGES fields (Word updates them on every layout), in the page number style. */
function pageOfPages(): string {
  const style = CHARACTER_STYLES.pageNumber.id;
  const rPr = runProperties({ style });
  return fieldRuns(rPr, "PAGE") + textRun({ style }, "/") + fieldRuns(rPr, "NUMPAGES");
}

/** The running header of an odd or even page: the symbol on the box's side, the rule under it. */
function runningHeader(ctx: DocxContext, doc: Document, page: number): PagePart {
  const boxes = runningHeaderBoxes(doc, ctx.style, page);
  const text = physical(ctx, boxes.find((b): b is TextBox => b.kind === "text")!);
  const rule = boxes.find((b) => b.kind === "rule");
  const options: ParagraphOptions = {
    style: FURNITURE_STYLES.runningHeader.id,
    ...(rule && { border: { bottom: { style: "single", size: Math.round(rule.thickness * 8), color: "000000", space: Math.round(rule.y - text.y - text.pitch) } } }),
    alignment: ALIGN[text.align],
  };
  return { xml: paragraph(options, textRuns(ctx, text.role, text.text)), images: [] };
}

/** The running footer of an odd or even page: the job number and page/total on the boxes' sides, a right tab between them. */
function runningFooter(ctx: DocxContext, doc: Document, page: number): PagePart {
  const boxes = runningFooterBoxes(doc, ctx.style, page, 0)
    .filter((b): b is TextBox => b.kind === "text")
    .map((b) => physical(ctx, b))
    .map((b) => (isRtl(ctx.style) ? { ...b, x: ctx.page.width - b.x - b.width } : b))
    .sort((a, b) => a.x - b.x);
  const left = ctx.style.page.margin.left;
  const runs = (b: TextBox) => (b.role === "pageNumber" ? pageOfPages() : textRuns(ctx, b.role, b.text));
  const [first, second] = boxes;
  const options: ParagraphOptions = { style: FURNITURE_STYLES.runningFooter.id, ...(second && { tabs: [{ type: "right", position: twip(second.x + second.width - left) }] }) };
  return { xml: paragraph(options, runs(first) + (second ? TAB_RUN + runs(second) : "")), images: [] };
}

/** The headers by kind (built first page first: the drawings are numbered in that order). */
export function headers(ctx: DocxContext, doc: Document): Record<HeaderFooterKind, PagePart> {
  return { first: masthead(ctx, doc), default: runningHeader(ctx, doc, 3), even: runningHeader(ctx, doc, 2) };
}

export function footers(ctx: DocxContext, doc: Document): Record<HeaderFooterKind, PagePart> {
  return { first: firstPageFooter(ctx, doc), default: runningFooter(ctx, doc, 3), even: runningFooter(ctx, doc, 2) };
}
