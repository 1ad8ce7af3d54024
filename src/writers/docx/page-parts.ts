/**
 * Page furniture and the section: the first page (w:titlePg) has the masthead in its header and
 * the job number, barcode, recycling mark and QR code in its footer; later pages have running
 * headers and footers that alternate sides (w:evenAndOddHeaders: "default" is odd pages).
 */
import {
  BorderStyle,
  DocumentGridType,
  Footer,
  Header,
  PageNumber,
  Paragraph,
  Tab,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type ISectionPropertiesOptions,
} from "docx";
import { code39, placeholderEmblem, qrCode, recyclingMark } from "../../marks/index.js";
import type { Document } from "../../model/types.js";
import { runsOf } from "./blocks.js";
import type { DocxContext } from "./context.js";
import { markImage } from "./images.js";
import { MASTHEAD_PADDING, SHORT_TEXT_PITCH } from "../../style/style.js";
import { STYLE } from "./styles.js";
import { eighths, twip } from "./units.js";

/** Masthead geometry shared with the PDF writer (style.yaml and MASTHEAD_PADDING), points. */
const { topRowBelow: TOP_ROW_BELOW, organRowAbove: ORGAN_ROW_ABOVE, distributionBelow: DISTRIBUTION_BELOW, thinRuleAbove: THIN_RULE_ABOVE } = MASTHEAD_PADDING;

const text = (t: string) => runsOf([{ type: "text", value: t }]);
const para = (style: string, t: string) => new Paragraph({ style, children: text(t) });

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
 * to the body size to get that pitch, in 4096ths of a point (ECMA-376 §17.6.5).
 */
export function documentGrid(ctx: DocxContext): { linePitch: number; charSpace: number; charsPerLine: number } {
  const size = ctx.style.text.size;
  const charsPerLine = Math.max(1, Math.floor(ctx.width / size + 1e-9));
  const pitch = ctx.width / charsPerLine;
  return { linePitch: twip(ctx.style.text.lineHeight), charSpace: Math.round((pitch - size) * 4096), charsPerLine };
}

const none = { style: BorderStyle.NONE, size: 0, color: "auto" };
const rule = (thickness: number) => ({ top: none, left: none, right: none, bottom: { style: BorderStyle.SINGLE, size: eighths(thickness), color: "000000" } });
const pad = (top: number, bottom: number) => ({ top: twip(top), bottom: twip(bottom), left: 0, right: 0 });

/**
 * The masthead: a borderless table. Row 1: emblem, organisation words, symbol (large, right).
 * Heavy rule. Row 2: organ name (large, bold), distribution block at the right. Thin rule.
 * Word places the header at w:pgMar/@w:header; the first row's top padding moves the masthead
 * down to the top margin, where the PDF starts it, and the body starts below the header.
 */
function masthead(ctx: DocxContext, doc: Document): (Table | Paragraph)[] {
  const s = ctx.style.masthead;
  const m = doc.masthead;
  const w = ctx.width;
  const top = Math.max(0, ctx.style.page.margin.top - ctx.style.page.headerDistance);
  const emblemWidth = m.emblem === "placeholder" ? s.emblemSize + s.emblemGap : 0;
  const left = w / 2;
  const columns = [...(emblemWidth ? [emblemWidth] : []), left - emblemWidth, left - s.distributionWidth, s.distributionWidth];
  const heavy = rule(s.heavyRule);
  const thin = rule(s.thinRule);
  const width = (pt: number) => ({ size: twip(pt), type: WidthType.DXA });
  const row1: TableCell[] = [];
  if (emblemWidth) {
    const emblem = markImage(ctx, placeholderEmblem(s.emblemSize), "Emblem");
    row1.push(new TableCell({ width: width(emblemWidth), borders: heavy, margins: pad(top, TOP_ROW_BELOW), children: [new Paragraph({ style: STYLE.mastheadEmblem, children: [emblem] })] }));
  }
  row1.push(
    new TableCell({
      width: width(left - emblemWidth),
      borders: heavy,
      margins: pad(top, TOP_ROW_BELOW),
      verticalAlign: VerticalAlignTable.CENTER,
      children: [para(STYLE.mastheadOrganisation, m.organisation)],
    }),
    new TableCell({
      width: width(w - left),
      columnSpan: 2,
      borders: heavy,
      margins: pad(top, TOP_ROW_BELOW),
      verticalAlign: VerticalAlignTable.BOTTOM,
      children: [para(STYLE.mastheadSymbol, m.symbol)],
    }),
  );
  const row2 = [
    new TableCell({
      width: width(w - s.distributionWidth),
      columnSpan: columns.length - 1,
      borders: thin,
      margins: pad(ORGAN_ROW_ABOVE, THIN_RULE_ABOVE),
      children: [para(STYLE.mastheadOrgan, m.organ)],
    }),
    new TableCell({
      width: width(s.distributionWidth),
      borders: thin,
      margins: pad(ORGAN_ROW_ABOVE, DISTRIBUTION_BELOW + THIN_RULE_ABOVE),
      children: m.distribution.length ? m.distribution.map((line) => para(STYLE.mastheadDistribution, line)) : [para(STYLE.mastheadDistribution, "")],
    }),
  ];
  const table = new Table({
    rows: [new TableRow({ children: row1, cantSplit: true }), new TableRow({ children: row2, cantSplit: true })],
    width: width(w),
    columnWidths: columns.map(twip),
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
  });
  // a table must be followed by a paragraph; this one is the space between masthead and body
  return [table, new Paragraph({ style: STYLE.mastheadEnd })];
}

/** First-page footer: the job label in the text, the three marks floating where the PDF draws them. */
function firstPageFooter(ctx: DocxContext, doc: Document): Paragraph {
  const f = doc.firstPageFooter;
  const s = ctx.style.firstPageFooter;
  const m = ctx.style.page.margin;
  const top = ctx.page.height - m.bottom + s.top;
  const barcode = code39(f.barcode, { height: s.barcodeHeight, narrow: s.barcodeNarrow, quiet: 0 });
  const children = [...text(f.jobLabel), markImage(ctx, barcode, `Barcode ${f.barcode}`, { x: m.left, y: top + s.size * SHORT_TEXT_PITCH + MASTHEAD_PADDING.barcodeAbove })];
  if (f.recyclingMark) {
    children.push(markImage(ctx, recyclingMark(s.recyclingSize), "Recycling mark", { x: m.left + barcode.width + 8 + MASTHEAD_PADDING.recyclingLeft, y: top + MASTHEAD_PADDING.recyclingTop }));
  }
  children.push(markImage(ctx, qrCode(f.qr, { size: s.qrSize }), `QR code ${f.qr}`, { x: ctx.page.width - m.right - s.qrSize, y: top }));
  return new Paragraph({ style: STYLE.firstPageFooter, children });
}

/** "page/total" from the PAGE and NUMPAGES fields (Word updates them on every layout). */
function pageOfPages(): TextRun {
  return new TextRun({ style: STYLE.pageNumber, children: [PageNumber.CURRENT, "/", PageNumber.TOTAL_PAGES] });
}

function runningFooter(doc: Document, odd: boolean): Paragraph {
  const job = text(doc.running.footer);
  const tab = new TextRun({ children: [new Tab()] });
  return new Paragraph({ style: STYLE.footer, children: odd ? [...job, tab, pageOfPages()] : [pageOfPages(), tab, ...job] });
}

export function headers(ctx: DocxContext, doc: Document) {
  return {
    first: new Header({ children: masthead(ctx, doc) }),
    default: new Header({ children: [para(STYLE.headerOdd, doc.running.header)] }),
    even: new Header({ children: [para(STYLE.header, doc.running.header)] }),
  };
}

export function footers(ctx: DocxContext, doc: Document) {
  return {
    first: new Footer({ children: [firstPageFooter(ctx, doc)] }),
    default: new Footer({ children: [runningFooter(doc, true)] }),
    even: new Footer({ children: [runningFooter(doc, false)] }),
  };
}
