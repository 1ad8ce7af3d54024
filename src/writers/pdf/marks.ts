/**
 * Marks (emblem, barcode, QR code, recycling mark) as pdfmake canvas vectors: drawn directly as
 * PDF paths, with no SVG to parse on every render. Drawings are cached by their content.
 */
import type { Drawing } from "../../marks/index.js";
import { code39, placeholderEmblem, qrCode, recyclingMark } from "../../marks/index.js";

type Vector = Record<string, unknown>;

export function drawingToCanvas(d: Drawing): Record<string, unknown> {
  const canvas: Vector[] = d.shapes.map((s) => {
    switch (s.kind) {
      case "rect":
        return { type: "rect", x: s.x, y: s.y, w: s.w, h: s.h, color: s.fill, lineWidth: 0 };
      case "polygon":
        return { type: "polyline", points: s.points.map(([x, y]) => ({ x, y })), closePath: true, color: s.fill, lineWidth: 0 };
      case "disc":
        return { type: "ellipse", x: s.cx, y: s.cy, r1: s.r, r2: s.r, color: s.fill, lineWidth: 0 };
      case "ring":
        return { type: "ellipse", x: s.cx, y: s.cy, r1: s.r, r2: s.r, lineColor: s.stroke, lineWidth: s.width };
    }
  });
  return { canvas, width: d.width, height: d.height };
}

const cache = new Map<string, Drawing>();

function cached(key: string, make: () => Drawing): Drawing {
  let d = cache.get(key);
  if (!d) {
    if (cache.size > 256) cache.clear(); // batches of many documents: keep it bounded
    cache.set(key, (d = make()));
  }
  return d;
}

export const marks = {
  emblem: (size: number) => cached(`emblem:${size}`, () => placeholderEmblem(size)),
  recycling: (size: number) => cached(`recycle:${size}`, () => recyclingMark(size)),
  barcode: (text: string, height: number, narrow: number) => cached(`c39:${text}:${height}:${narrow}`, () => code39(text, { height, narrow, quiet: 0 })),
  qr: (text: string, size: number) => cached(`qr:${size}:${text}`, () => qrCode(text, { size })),
};
