/**
 * The marks (emblem, barcode, recycling mark, QR code) as PNG image runs: rasterised by
 * src/marks at PX_PER_PT pixels per point and sized in EMU from the drawing's size in points.
 */
import { ImageRun, HorizontalPositionRelativeFrom, TextWrappingType, VerticalPositionRelativeFrom } from "docx";
import { createHash } from "node:crypto";
import { readCached, writeCached } from "../../disk-cache.js";
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

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const PNG_END = [0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]; // the IEND chunk's type and CRC

/** A mark the same in every document (the emblem, the recycling mark): its PNG is kept on disk too. */
function unchangingPng(key: string, drawing: Drawing): Uint8Array {
  const name = `png-${createHash("sha1").update(`${PX_PER_PT}\u0000${key}`).digest("hex")}.png`;
  const cached = readCached(name);
  const whole = cached && PNG_SIGNATURE.every((b, i) => cached[i] === b) && PNG_END.every((b, i) => cached[cached.length - 8 + i] === b);
  if (whole) return new Uint8Array(cached.buffer, cached.byteOffset, cached.length);
  const data = drawingToPng(drawing, PX_PER_PT);
  writeCached(name, data);
  return data;
}

function png(drawing: Drawing, unchanging: boolean): Uint8Array {
  const key = JSON.stringify(drawing);
  let data = pngs.get(key);
  if (!data) {
    if (pngs.size >= PNG_CACHE_SIZE) pngs.delete(pngs.keys().next().value!);
    pngs.set(key, (data = unchanging ? unchangingPng(key, drawing) : drawingToPng(drawing, PX_PER_PT)));
  }
  return data;
}

/**
 * An inline image run, or a floating one at a fixed page position (wrapNone: text ignores it).
 * `unchanging`: a mark the same in every document, whose PNG may be kept on disk (src/disk-cache.ts).
 */
export function markImage(ctx: DocxContext, drawing: Drawing, name: string, at?: ImagePlacement, unchanging = false): ImageRun {
  const data = png(drawing, unchanging);
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
