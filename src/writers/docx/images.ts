/**
 * The marks (emblem, barcode, recycling mark, QR code) as PNG image runs: rasterised by
 * src/marks at PX_PER_PT pixels per point and sized in EMU from the drawing's size in points.
 */
import { ImageRun, HorizontalPositionRelativeFrom, TextWrappingType, VerticalPositionRelativeFrom } from "docx";
import { drawingToPng, type Drawing } from "../../marks/index.js";
import type { DocxContext } from "./context.js";
import { cssPixels, emu } from "./units.js";

/** 4 px per point = 288 dpi: sharp in print, a few kilobytes per mark. */
export const PX_PER_PT = 4;

export interface ImagePlacement {
  /** top-left corner from the page's top-left corner, points (a floating image, wp:anchor) */
  x: number;
  y: number;
}

/** PNGs by drawing: the same marks recur in every document (rasterising a QR code takes ~20 ms). */
const pngs = new Map<string, Uint8Array>();
const PNG_CACHE_SIZE = 64;

function png(drawing: Drawing): Uint8Array {
  const key = JSON.stringify(drawing);
  let data = pngs.get(key);
  if (!data) {
    if (pngs.size >= PNG_CACHE_SIZE) pngs.delete(pngs.keys().next().value!);
    pngs.set(key, (data = drawingToPng(drawing, PX_PER_PT)));
  }
  return data;
}

/** An inline image run, or a floating one at a fixed page position (wrapNone: text ignores it). */
export function markImage(ctx: DocxContext, drawing: Drawing, name: string, at?: ImagePlacement): ImageRun {
  const data = png(drawing);
  return new ImageRun({
    type: "png",
    data,
    transformation: { width: cssPixels(drawing.width), height: cssPixels(drawing.height) },
    altText: { id: String(ctx.nextDrawingId()), name, description: name, title: name },
    ...(at && {
      floating: {
        horizontalPosition: { relative: HorizontalPositionRelativeFrom.PAGE, offset: emu(at.x) },
        verticalPosition: { relative: VerticalPositionRelativeFrom.PAGE, offset: emu(at.y) },
        wrap: { type: TextWrappingType.NONE },
        allowOverlap: true,
        behindDocument: false,
        lockAnchor: true,
      },
    }),
  });
}
