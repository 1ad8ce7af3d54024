/**
 * The UN page furniture: first-page masthead (in the body flow), first-page footer, and the
 * running header and footer of later pages, which alternate sides on odd and even pages.
 */
import type { FirstPageFooter, Masthead, RunningParts } from "../../model/types.js";
import { drawingToCanvas, marks } from "./marks.js";
import { MASTHEAD_PADDING as PAD, SHORT_TEXT_PITCH } from "../../style/style.js";
import { setText, type PdfContext } from "./context.js";

type Node = Record<string, unknown>;

function rule(width: number, thickness: number, margin: number[] = [0, 0, 0, 0]): Node {
  return { canvas: [{ type: "line", x1: 0, y1: thickness / 2, x2: width, y2: thickness / 2, lineWidth: thickness }], margin };
}

export function mastheadContent(ctx: PdfContext, m: Masthead): Node[] {
  const s = ctx.style.masthead;
  const w = ctx.width;
  const emblemGap = s.emblemGap;
  const emblem = m.emblem === "placeholder" ? s.emblemSize : 0;
  const leftWidth = w * 0.5;
  const topRow: Node = {
    columns: [
      ...(emblem ? [{ ...drawingToCanvas(marks.emblem(s.emblemSize)), width: s.emblemSize }] : []),
      {
        width: leftWidth - emblem - (emblem ? emblemGap : 0),
        stack: setText(ctx, m.organisation, { weight: "bold", size: s.organisationSize, width: leftWidth - emblem - emblemGap }),
        margin: [emblem ? emblemGap : 0, Math.max(0, (s.emblemSize - s.organisationSize * SHORT_TEXT_PITCH) / 2), 0, 0],
      },
      {
        width: "*",
        stack: setText(ctx, m.symbol, { size: s.symbolSize, width: w - leftWidth, align: "end" }),
        margin: [0, Math.max(0, s.emblemSize - s.symbolSize * SHORT_TEXT_PITCH), 0, 0],
      },
    ],
    columnGap: 0,
    margin: [0, 0, 0, PAD.topRowBelow],
  };
  const distributionWidth = s.distributionWidth;
  const organRow: Node = {
    columns: [
      { width: "*", stack: setText(ctx, m.organ, { weight: "bold", size: s.organSize, width: w - distributionWidth }), margin: [0, PAD.organRowAbove, 0, 0] },
      {
        width: distributionWidth,
        stack: m.distribution.flatMap((line) => setText(ctx, line, { size: s.distributionSize, width: distributionWidth })),
        margin: [0, PAD.organRowAbove, 0, PAD.distributionBelow],
      },
    ],
    columnGap: 0,
  };
  return [topRow, rule(w, s.heavyRule), organRow, rule(w, s.thinRule, [0, PAD.thinRuleAbove, 0, s.spaceBelow])];
}

export function firstPageFooterContent(ctx: PdfContext, f: FirstPageFooter, pageWidth: number): Node {
  const s = ctx.style.firstPageFooter;
  const margin = ctx.style.page.margin;
  const barcode = marks.barcode(f.barcode, s.barcodeHeight, s.barcodeNarrow);
  const left: Node = {
    width: barcode.width + 8,
    stack: [
      ...setText(ctx, f.jobLabel, { size: s.size, width: barcode.width + 8 }),
      { ...drawingToCanvas(barcode), margin: [0, PAD.barcodeAbove, 0, 0] },
    ],
  };
  const columns: Node[] = [left];
  if (f.recyclingMark) {
    columns.push({ ...drawingToCanvas(marks.recycling(s.recyclingSize)), margin: [PAD.recyclingLeft, PAD.recyclingTop, 0, 0] });
  }
  columns.push({ width: "*", text: "" });
  columns.push(drawingToCanvas(marks.qr(f.qr, s.qrSize)));
  return { columns, columnGap: 0, margin: [margin.left, s.top, margin.right, 0], width: pageWidth };
}

export function runningHeader(ctx: PdfContext, r: RunningParts, page: number): Node {
  const s = ctx.style.running;
  const m = ctx.style.page.margin;
  const odd = page % 2 === 1;
  return {
    stack: [...setText(ctx, r.header, { weight: "bold", size: s.size, width: ctx.width, align: odd ? "end" : "start" }), rule(ctx.width, s.rule, [0, 2, 0, 0])],
    margin: [m.left, ctx.style.page.headerDistance, m.right, 0],
  };
}

export function runningFooter(ctx: PdfContext, r: RunningParts, page: number, pages: number): Node {
  const s = ctx.style.running;
  const m = ctx.style.page.margin;
  const odd = page % 2 === 1;
  const half = ctx.width / 2;
  const number = setText(ctx, `${page}/${pages}`, { weight: "bold", size: s.size, width: half, align: odd ? "end" : "start" });
  const job = setText(ctx, r.footer, { size: s.size, width: half, align: odd ? "start" : "end" });
  const footerTop = m.bottom - ctx.style.page.footerDistance - s.size * SHORT_TEXT_PITCH;
  return {
    columns: odd ? [{ width: half, stack: job }, { width: half, stack: number }] : [{ width: half, stack: number }, { width: half, stack: job }],
    columnGap: 0,
    margin: [m.left, Math.max(0, footerTop), m.right, 0],
  };
}
