/**
 * The page furniture, described once: where the masthead, the first-page footer and the running
 * header and footer go, as boxes in page coordinates (points from the page's top-left corner).
 * The PDF writer draws these boxes as they are; the DOCX writer builds its header and footer
 * parts from the same numbers (Word then places them itself).
 *
 * Text boxes say where a text's lines start (top), how wide they may be, how they align and in
 * which role (size and weight: roles.ts furnitureText); `lines` says how many lines each text
 * takes at that width, so boxes below a wrapped text move down.
 *
 * Directions: x is measured from the page's start edge, and "start"/"end" are the text's
 * directions. In a right-to-left document (style text.direction: rtl) the start edge is the right
 * one, and the PDF writer mirrors each page (x' = page width - x - width), so the whole furniture
 * is mirrored as UN Arabic documents are: the emblem and the organisation at the right, the symbol
 * at the left, the organ at the right and the distribution block at the left, the job number and
 * barcode at the bottom right, the QR code at the bottom left; odd pages' running header and page
 * number at the left. The distribution block is English in every version and keeps its lines flush
 * left (the end side of a right-to-left page).
 */
import type { Document } from "../model/types.js";
import { isRtl, MASTHEAD_PADDING as PAD, pageSize, SHORT_TEXT_PITCH, textWidth, type Style } from "../style/style.js";
import { furnitureText, type FurnitureRole } from "./roles.js";

export interface TextBox {
  kind: "text";
  role: FurnitureRole;
  text: string;
  /** left edge and top of the first line's box */
  x: number;
  y: number;
  width: number;
  align: "start" | "center" | "end";
  /** distance between baselines */
  pitch: number;
}
export interface RuleBox {
  kind: "rule";
  x: number;
  /** top edge of the rule */
  y: number;
  width: number;
  thickness: number;
}
export type Mark =
  | { type: "emblem"; size: number }
  | { type: "barcode"; text: string; height: number; narrow: number }
  | { type: "qr"; text: string; size: number }
  | { type: "recycling"; size: number };
export interface MarkBox {
  kind: "mark";
  mark: Mark;
  /** top-left corner */
  x: number;
  y: number;
}
export type FurnitureBox = TextBox | RuleBox | MarkBox;

/** How many lines a furniture text takes at a width (the writer's typesetter counts them). */
export type LineCounter = (role: FurnitureRole, text: string, width: number) => number;

/** Width of a Code 39 barcode: what marks/code39 draws for `text` (start and stop characters included). */
export type BarcodeWidth = (text: string, narrow: number) => number;

function pitchOf(style: Style, role: FurnitureRole): number {
  return furnitureText(style, role).size * SHORT_TEXT_PITCH;
}

/**
 * The masthead, from the top margin down: emblem, organisation and symbol; the heavy rule; the
 * organ at the left and the distribution block at the right; the thin rule. `height` is where
 * the body starts, below the top margin.
 */
export function mastheadBoxes(doc: Document, style: Style, lines: LineCounter): { boxes: FurnitureBox[]; height: number } {
  const s = style.masthead;
  const m = doc.masthead;
  const left = style.page.margin.left;
  const top = style.page.margin.top;
  const w = textWidth(style);
  const half = w / 2;
  const boxes: FurnitureBox[] = [];
  const emblem = m.emblem === "placeholder" ? s.emblemSize : 0;
  const gap = emblem ? s.emblemGap : 0;
  if (emblem) boxes.push({ kind: "mark", mark: { type: "emblem", size: emblem }, x: left, y: top });

  // the organisation's words centred on the emblem, the symbol standing on the emblem's foot
  const orgPitch = pitchOf(style, "organisation");
  const orgWidth = half - emblem - gap;
  const orgTop = top + Math.max(0, (s.emblemSize - orgPitch) / 2);
  const orgLines = m.organisation ? lines("organisation", m.organisation, orgWidth) : 0;
  if (m.organisation) boxes.push({ kind: "text", role: "organisation", text: m.organisation, x: left + emblem + gap, y: orgTop, width: orgWidth, align: "start", pitch: orgPitch });
  const symPitch = pitchOf(style, "symbol");
  const symTop = top + Math.max(0, s.emblemSize - symPitch);
  const symLines = m.symbol ? lines("symbol", m.symbol, w - half) : 0;
  if (m.symbol) boxes.push({ kind: "text", role: "symbol", text: m.symbol, x: left + half, y: symTop, width: w - half, align: "end", pitch: symPitch });
  const rowBottom = Math.max(top + emblem, orgTop + orgLines * orgPitch, symTop + symLines * symPitch);

  const heavyTop = rowBottom + PAD.topRowBelow;
  boxes.push({ kind: "rule", x: left, y: heavyTop, width: w, thickness: s.heavyRule });

  const rowTop = heavyTop + s.heavyRule + PAD.organRowAbove;
  const organPitch = pitchOf(style, "organ");
  const organWidth = w - s.distributionWidth;
  const organLines = m.organ ? lines("organ", m.organ, organWidth) : 0;
  if (m.organ) boxes.push({ kind: "text", role: "organ", text: m.organ, x: left, y: rowTop, width: organWidth, align: "start", pitch: organPitch });
  const distPitch = pitchOf(style, "distribution");
  let distY = rowTop;
  for (const line of m.distribution) {
    boxes.push({ kind: "text", role: "distribution", text: line, x: left + organWidth, y: distY, width: s.distributionWidth, align: isRtl(style) ? "end" : "start", pitch: distPitch });
    distY += lines("distribution", line, s.distributionWidth) * distPitch;
  }
  const organBottom = rowTop + organLines * organPitch;
  const distBottom = m.distribution.length ? distY + PAD.distributionBelow : rowTop;
  const thinTop = Math.max(organBottom, distBottom) + PAD.thinRuleAbove;
  boxes.push({ kind: "rule", x: left, y: thinTop, width: w, thickness: s.thinRule });
  return { boxes, height: thinTop + s.thinRule + s.spaceBelow - top };
}

/**
 * The first-page footer, in the bottom margin: the job label with the barcode under it and the
 * recycling mark beside them at the left, the QR code at the right.
 */
export function firstPageFooterBoxes(doc: Document, style: Style, barcodeWidth: BarcodeWidth): FurnitureBox[] {
  const f = doc.firstPageFooter;
  const s = style.firstPageFooter;
  const page = pageSize(style);
  const m = style.page.margin;
  const top = page.height - m.bottom + s.top;
  const boxes: FurnitureBox[] = [];
  const codeWidth = barcodeWidth(f.barcode, s.barcodeNarrow);
  const labelPitch = pitchOf(style, "jobLabel");
  boxes.push({ kind: "text", role: "jobLabel", text: f.jobLabel, x: m.left, y: top, width: codeWidth + 8, align: "start", pitch: labelPitch });
  boxes.push({ kind: "mark", mark: { type: "barcode", text: f.barcode, height: s.barcodeHeight, narrow: s.barcodeNarrow }, x: m.left, y: top + labelPitch + PAD.barcodeAbove });
  if (f.recyclingMark) {
    boxes.push({ kind: "mark", mark: { type: "recycling", size: s.recyclingSize }, x: m.left + codeWidth + 8 + PAD.recyclingLeft, y: top + PAD.recyclingTop });
  }
  boxes.push({ kind: "mark", mark: { type: "qr", text: f.qr, size: s.qrSize }, x: page.width - m.right - s.qrSize, y: top });
  return boxes;
}

/** Pages after the first: odd pages carry their parts at the right, even pages at the left. */
export function runningHeaderBoxes(doc: Document, style: Style, page: number): FurnitureBox[] {
  const m = style.page.margin;
  const w = textWidth(style);
  const pitch = pitchOf(style, "runningHeader");
  const top = style.page.headerDistance;
  const odd = page % 2 === 1;
  return [
    { kind: "text", role: "runningHeader", text: doc.running.header, x: m.left, y: top, width: w, align: odd ? "end" : "start", pitch },
    { kind: "rule", x: m.left, y: top + pitch + 2, width: w, thickness: style.running.rule },
  ];
}

export function runningFooterBoxes(doc: Document, style: Style, page: number, pages: number): FurnitureBox[] {
  const m = style.page.margin;
  const w = textWidth(style);
  const half = w / 2;
  const pitch = pitchOf(style, "runningFooter");
  const size = pageSize(style);
  const top = size.height - m.bottom + Math.max(0, m.bottom - style.page.footerDistance - pitch);
  const odd = page % 2 === 1;
  const number: TextBox = { kind: "text", role: "pageNumber", text: `${page}/${pages}`, x: odd ? m.left + half : m.left, y: top, width: half, align: odd ? "end" : "start", pitch };
  const job: TextBox = { kind: "text", role: "runningFooter", text: doc.running.footer, x: odd ? m.left : m.left + half, y: top, width: half, align: odd ? "start" : "end", pitch };
  return [job, number];
}
