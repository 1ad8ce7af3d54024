/**
 * Format-neutral vector drawings ("marks") and their two renderings:
 *
 * - {@link drawingToSvg}: a compact SVG string (for the PDF writer / pdfmake `svg` nodes);
 * - {@link drawingToPng}: a PNG raster (for the DOCX writer's image runs), produced by a small
 *   built-in scanline rasteriser and PNG encoder (no native dependencies).
 *
 * Coordinates are PDF points, y grows downwards, origin at the top-left corner.
 *
 * Colours: `#rgb`, `#rrggbb` or the names `black` / `white`. Anything else throws.
 *
 * Background: the SVG has no background (transparent). The PNG is opaque white by default
 * (8-bit greyscale when every colour involved is grey, otherwise 8-bit RGB); pass
 * `{ background: "transparent" }` to get 8-bit RGBA with a transparent background, or any
 * colour to use it as the opaque background.
 */
import { zlibRunLength } from "../run-length-deflate.js";

export type Shape =
  | { kind: "rect"; x: number; y: number; w: number; h: number; fill: string }
  /** One closed ring (nonzero fill rule); use several polygons for several rings. */
  | { kind: "polygon"; points: Array<[number, number]>; fill: string }
  /** Circle outline centred on (cx, cy) with radius r measured to the middle of the stroke. */
  | { kind: "ring"; cx: number; cy: number; r: number; width: number; stroke: string }
  | { kind: "disc"; cx: number; cy: number; r: number; fill: string };

/** Units: PDF points, y down, origin top-left. */
export interface Drawing {
  width: number;
  height: number;
  shapes: Shape[];
}

export interface PngOptions {
  /** Opaque background colour (default `#ffffff`), or `"transparent"` for an RGBA image. */
  background?: string;
}

/* ------------------------------------------------------------------------------------------ */
/* Colours                                                                                     */
/* ------------------------------------------------------------------------------------------ */

type Rgb = [number, number, number];

const NAMED: Record<string, Rgb> = { black: [0, 0, 0], white: [255, 255, 255] };

/** Parses a colour accepted by drawings; throws a descriptive Error otherwise. */
export function parseColor(color: string): Rgb {
  const c = color.trim().toLowerCase();
  const named = NAMED[c];
  if (named) return [named[0], named[1], named[2]];
  let m = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(c);
  if (m) return [parseInt(m[1]! + m[1]!, 16), parseInt(m[2]! + m[2]!, 16), parseInt(m[3]! + m[3]!, 16)];
  m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/.exec(c);
  if (m) return [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)];
  throw new Error(`marks: unsupported colour ${JSON.stringify(color)} (use #rgb, #rrggbb, black or white)`);
}

function hex(rgb: Rgb): string {
  const h = rgb.map((v) => v.toString(16).padStart(2, "0")).join("");
  // Shorten #aabbcc to #abc when possible (compact, still deterministic).
  if (h[0] === h[1] && h[2] === h[3] && h[4] === h[5]) return `#${h[0]}${h[2]}${h[4]}`;
  return `#${h}`;
}

/* ------------------------------------------------------------------------------------------ */
/* Validation                                                                                  */
/* ------------------------------------------------------------------------------------------ */

function finite(v: number, what: string): void {
  if (typeof v !== "number" || !Number.isFinite(v)) throw new Error(`marks: ${what} must be a finite number, got ${v}`);
}

function validate(d: Drawing): void {
  finite(d.width, "drawing width");
  finite(d.height, "drawing height");
  if (d.width <= 0 || d.height <= 0) throw new Error(`marks: drawing size must be positive, got ${d.width}x${d.height}`);
  d.shapes.forEach((s, i) => {
    const at = `shape ${i} (${s.kind})`;
    switch (s.kind) {
      case "rect":
        for (const k of ["x", "y", "w", "h"] as const) finite(s[k], `${at} ${k}`);
        if (s.w < 0 || s.h < 0) throw new Error(`marks: ${at} has negative size`);
        break;
      case "polygon":
        if (s.points.length < 3) throw new Error(`marks: ${at} needs at least 3 points`);
        for (const [x, y] of s.points) {
          finite(x, `${at} x`);
          finite(y, `${at} y`);
        }
        break;
      case "ring":
        for (const k of ["cx", "cy", "r", "width"] as const) finite(s[k], `${at} ${k}`);
        if (s.r < 0 || s.width < 0) throw new Error(`marks: ${at} has negative radius or width`);
        break;
      case "disc":
        for (const k of ["cx", "cy", "r"] as const) finite(s[k], `${at} ${k}`);
        if (s.r < 0) throw new Error(`marks: ${at} has negative radius`);
        break;
      default:
        throw new Error(`marks: unknown shape kind ${JSON.stringify((s as { kind: unknown }).kind)}`);
    }
  });
}

/* ------------------------------------------------------------------------------------------ */
/* SVG                                                                                         */
/* ------------------------------------------------------------------------------------------ */

/** Formats a number with at most 3 decimals, no trailing zeros, never "-0". */
export function fmt(v: number): string {
  const r = Math.round(v * 1000) / 1000;
  if (r === 0) return "0";
  return String(r);
}

/**
 * Renders a drawing as a self-contained SVG string (no external references, no background).
 * `width`/`height` are given in points (`pt`), the viewBox in drawing units.
 */
export function drawingToSvg(d: Drawing): string {
  validate(d);
  const w = fmt(d.width);
  const h = fmt(d.height);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}pt" height="${h}pt" viewBox="0 0 ${w} ${h}">`,
  ];
  for (const s of d.shapes) {
    switch (s.kind) {
      case "rect":
        parts.push(
          `<rect x="${fmt(s.x)}" y="${fmt(s.y)}" width="${fmt(s.w)}" height="${fmt(s.h)}" fill="${hex(parseColor(s.fill))}"/>`,
        );
        break;
      case "polygon":
        parts.push(
          `<polygon points="${s.points.map(([x, y]) => `${fmt(x)},${fmt(y)}`).join(" ")}" fill="${hex(parseColor(s.fill))}"/>`,
        );
        break;
      case "ring":
        parts.push(
          `<circle cx="${fmt(s.cx)}" cy="${fmt(s.cy)}" r="${fmt(s.r)}" fill="none" stroke="${hex(parseColor(s.stroke))}" stroke-width="${fmt(s.width)}"/>`,
        );
        break;
      case "disc":
        parts.push(`<circle cx="${fmt(s.cx)}" cy="${fmt(s.cy)}" r="${fmt(s.r)}" fill="${hex(parseColor(s.fill))}"/>`);
        break;
    }
  }
  parts.push("</svg>");
  return parts.join("");
}

/* ------------------------------------------------------------------------------------------ */
/* Rasteriser                                                                                  */
/* ------------------------------------------------------------------------------------------ */

/** Vertical sub-scanlines per pixel; horizontal coverage is computed exactly per sub-scanline. */
const SUBSAMPLES = 4;
/** Refuse to allocate absurd rasters. */
const MAX_PIXELS = 40_000_000;

type Ring = Array<[number, number]>;

/** A circle as a polygon in pixel space, fine enough that the chord error stays < 0.02 px. */
function circleRing(cx: number, cy: number, r: number, clockwise: boolean): Ring {
  let n = 8;
  if (r > 0.02) n = Math.max(8, Math.ceil(Math.PI / Math.acos(1 - 0.02 / r)));
  n = Math.min(n, 4096);
  const ring: Ring = [];
  for (let i = 0; i < n; i++) {
    const a = ((clockwise ? i : -i) * 2 * Math.PI) / n;
    ring.push([cx + r * Math.cos(a), cy + r * Math.sin(a)]);
  }
  return ring;
}

/** Shape -> rings in pixel space (filled with the nonzero rule) plus its colour. */
function shapeRings(s: Shape, k: number): { rings: Ring[]; color: Rgb } {
  switch (s.kind) {
    case "rect": {
      const x0 = s.x * k, y0 = s.y * k, x1 = (s.x + s.w) * k, y1 = (s.y + s.h) * k;
      return { rings: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1]]], color: parseColor(s.fill) };
    }
    case "polygon":
      return { rings: [s.points.map(([x, y]) => [x * k, y * k] as [number, number])], color: parseColor(s.fill) };
    case "disc":
      return { rings: [circleRing(s.cx * k, s.cy * k, s.r * k, true)], color: parseColor(s.fill) };
    case "ring": {
      const outer = (s.r + s.width / 2) * k;
      const inner = Math.max(0, s.r - s.width / 2) * k;
      const rings = [circleRing(s.cx * k, s.cy * k, outer, true)];
      // Opposite orientation cancels the winding number inside the hole.
      if (inner > 0) rings.push(circleRing(s.cx * k, s.cy * k, inner, false));
      return { rings, color: parseColor(s.stroke) };
    }
  }
}

interface Edge {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  dir: number;
}

/** Adds horizontal coverage of [x0, x1) weighted by w to a row accumulator of width W. */
function addSpan(acc: Float64Array, W: number, x0: number, x1: number, w: number): void {
  if (x0 < 0) x0 = 0;
  if (x1 > W) x1 = W;
  if (x1 <= x0) return;
  const i0 = Math.floor(x0);
  const i1 = Math.floor(x1);
  if (i0 === i1) {
    acc[i0]! += (x1 - x0) * w;
    return;
  }
  acc[i0]! += (i0 + 1 - x0) * w;
  for (let i = i0 + 1; i < i1; i++) acc[i]! += w;
  if (i1 < W) acc[i1]! += (x1 - i1) * w;
}

interface Filled {
  edges: Edge[];
  minY: number;
  maxY: number;
}

function toEdges(rings: Ring[]): Filled {
  const edges: Edge[] = [];
  let minY = Infinity, maxY = -Infinity;
  for (const ring of rings) {
    for (let i = 0; i < ring.length; i++) {
      const [ax, ay] = ring[i]!;
      const [bx, by] = ring[(i + 1) % ring.length]!;
      if (ay === by) continue;
      if (ay < by) edges.push({ x0: ax, y0: ay, x1: bx, y1: by, dir: 1 });
      else edges.push({ x0: bx, y0: by, x1: ax, y1: ay, dir: -1 });
      minY = Math.min(minY, ay, by);
      maxY = Math.max(maxY, ay, by);
    }
  }
  return { edges, minY, maxY };
}

/**
 * Fills the union of several shapes of one colour (each with the nonzero rule) with an
 * anti-aliased coverage and composites `color` over the premultiplied RGBA float buffer `buf`.
 * Filling same-coloured neighbours together (span union per sub-scanline) avoids the faint
 * seams that compositing abutting shapes one by one would leave at fractional pixel edges.
 */
function fillGroup(buf: Float64Array, W: number, H: number, group: Filled[], color: Rgb): void {
  let minY = Infinity, maxY = -Infinity;
  for (const f of group) {
    if (f.edges.length === 0) continue;
    minY = Math.min(minY, f.minY);
    maxY = Math.max(maxY, f.maxY);
  }
  if (!(minY < maxY)) return;
  const rowStart = Math.max(0, Math.floor(minY));
  const rowEnd = Math.min(H, Math.ceil(maxY));
  const acc = new Float64Array(W);
  const xs: Array<[number, number]> = [];
  const spans: Array<[number, number]> = [];
  // each shape's edges by the pixel rows they cross (in their order), so a sub-scanline looks
  // only at the few edges of its row, not at every edge of a ring of hundreds
  const rows = group.map((f) => {
    const byRow: Edge[][] = Array.from({ length: rowEnd - rowStart }, () => []);
    for (const e of f.edges) {
      const r0 = Math.max(rowStart, Math.floor(e.y0));
      const r1 = Math.min(rowEnd, Math.ceil(e.y1));
      for (let r = r0; r < r1; r++) byRow[r - rowStart]!.push(e);
    }
    return byRow;
  });
  for (let py = rowStart; py < rowEnd; py++) {
    acc.fill(0);
    let touched = false;
    for (let j = 0; j < SUBSAMPLES; j++) {
      const sy = py + (j + 0.5) / SUBSAMPLES;
      spans.length = 0;
      for (let g = 0; g < group.length; g++) {
        const f = group[g]!;
        if (sy < f.minY || sy >= f.maxY) continue;
        xs.length = 0;
        for (const e of rows[g]![py - rowStart]!) {
          if (sy >= e.y0 && sy < e.y1) xs.push([e.x0 + ((sy - e.y0) * (e.x1 - e.x0)) / (e.y1 - e.y0), e.dir]);
        }
        if (xs.length < 2) continue;
        xs.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
        let winding = 0;
        let start = 0;
        for (const [x, dir] of xs) {
          const before = winding;
          winding += dir;
          if (before === 0 && winding !== 0) start = x;
          else if (before !== 0 && winding === 0 && x > start) spans.push([start, x]);
        }
      }
      if (spans.length === 0) continue;
      spans.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
      let [s0, s1] = spans[0]!;
      for (let k = 1; k < spans.length; k++) {
        const [a0, a1] = spans[k]!;
        if (a0 <= s1) {
          if (a1 > s1) s1 = a1;
        } else {
          addSpan(acc, W, s0, s1, 1 / SUBSAMPLES);
          s0 = a0;
          s1 = a1;
        }
      }
      addSpan(acc, W, s0, s1, 1 / SUBSAMPLES);
      touched = true;
    }
    if (touched) compositeRow(buf, W, py, acc, color);
  }
}

/** compositeRow for a buffer of one grey channel (opaque): the same arithmetic as compositeRow's first channel. */
function compositeGreyRow(buf: Float64Array, W: number, py: number, acc: Float64Array, v: number): void {
  for (let px = 0; px < W; px++) {
    const a = acc[px]!;
    if (a <= 0) continue;
    const cov = a >= 1 ? 1 : a;
    const o = py * W + px;
    buf[o] = v * cov + buf[o]! * (1 - cov);
  }
}

/**
 * drawingToPng for grey rectangles on an opaque grey background (the barcodes and QR codes): one
 * channel instead of four, no edges; the same pixels, so the same PNG bytes.
 */
function greyRectsPng(d: Drawing, W: number, H: number, k: number, bg: number, colors: Rgb[], ppm: number): Uint8Array {
  const buf = new Float64Array(W * H).fill(bg / 255);
  // 1 where a row equals the row above (all rows are the background at first)
  const sameRows = new Uint8Array(H).fill(1);
  sameRows[0] = 0;
  let rects: Array<[number, number, number, number]> = [];
  let groupColor: Rgb | undefined;
  d.shapes.forEach((s, i) => {
    const color = colors[i]!;
    if (groupColor && groupColor[0] !== color[0]) {
      fillRects(buf, W, H, rects, groupColor, true, sameRows);
      rects = [];
    }
    groupColor = color;
    const r = s as Extract<Shape, { kind: "rect" }>;
    rects.push([r.x * k, r.y * k, (r.x + r.w) * k, (r.y + r.h) * k]);
  });
  if (groupColor) fillRects(buf, W, H, rects, groupColor, true, sameRows);
  // the bytes and their PNG rows (filter Up) in one pass: a fresh process runs this loop uncompiled
  const raw = new Uint8Array(W * H);
  const filtered = new Uint8Array((W + 1) * H);
  for (let y = 0; y < H; y++) {
    const row = y * W;
    const at = y * (W + 1) + 1;
    filtered[at - 1] = 2; // filter type 2 (Up)
    if (sameRows[y]) {
      raw.copyWithin(row, row - W, row); // and the row's differences from the row above stay 0
      continue;
    }
    for (let x = 0; x < W; x++) {
      const v = buf[row + x]!;
      const b = v <= 0 ? 0 : v >= 1 ? 255 : Math.round(v * 255);
      raw[row + x] = b;
      filtered[at + x] = y === 0 ? b : (b - raw[row - W + x]!) & 0xff;
    }
  }
  return pngFile(W, H, 0, filtered, ppm);
}

/** Composites `color` over row `py` of the premultiplied RGBA buffer with per-pixel coverage `acc`. */
function compositeRow(buf: Float64Array, W: number, py: number, acc: Float64Array, color: Rgb): void {
  const [r, g, b] = [color[0] / 255, color[1] / 255, color[2] / 255];
  for (let px = 0; px < W; px++) {
    const a = acc[px]!;
    if (a <= 0) continue;
    const cov = a >= 1 ? 1 : a;
    const o = (py * W + px) * 4;
    const inv = 1 - cov;
    buf[o] = r * cov + buf[o]! * inv;
    buf[o + 1] = g * cov + buf[o + 1]! * inv;
    buf[o + 2] = b * cov + buf[o + 2]! * inv;
    buf[o + 3] = cov + buf[o + 3]! * inv;
  }
}

/**
 * Fast path for a group of axis-aligned rectangles (barcode bars, QR modules): exact area
 * coverage per pixel, no sub-scanlines. Non-overlapping rects (what code39 and qrCode draw)
 * give the same result as the general union; overlaps are clamped to full coverage.
 */
/**
 * Paints the union of `rects` in `color`, row by row. `sameRows` (grey only): 1 where a row of
 * `buf` equals the row above; a row whose rectangles and vertical coverage are those of the row
 * above gets the same values, so it is copied, not painted again, and stays marked (a barcode's
 * rows, a QR code's rows inside a module: most rows of a mark).
 */
function fillRects(buf: Float64Array, W: number, H: number, rects: Array<[number, number, number, number]>, color: Rgb, grey = false, sameRows?: Uint8Array): void {
  const rows: Array<Array<[number, number, number, number]>> = Array.from({ length: H }, () => []);
  let widest = 0;
  for (const rc of rects) {
    const r0 = Math.max(0, Math.floor(rc[1]));
    const r1 = Math.min(H, Math.ceil(rc[3]));
    for (let py = r0; py < r1; py++) widest = Math.max(widest, rows[py]!.push(rc));
  }
  const acc = new Float64Array(W);
  // each rectangle's vertical coverage of this row and of the row above
  let cys = new Float64Array(widest);
  let above = new Float64Array(widest);
  let aboveList: Array<[number, number, number, number]> = [];
  for (let py = 0; py < H; py++) {
    const list = rows[py]!;
    let same = sameRows !== undefined && py > 0 && list.length === aboveList.length;
    // indexed, not destructured: destructuring runs the iterator protocol in uncompiled code
    for (let j = 0; j < list.length; j++) {
      const rc = list[j]!;
      const cy = Math.min(py + 1, rc[3]) - Math.max(py, rc[1]);
      cys[j] = cy;
      if (same && (rc !== aboveList[j] || cy !== above[j])) same = false;
    }
    aboveList = list;
    const swap = above; // `above` is now this row's
    above = cys;
    cys = swap;
    if (sameRows && !same) sameRows[py] = 0;
    if (list.length === 0) continue;
    if (same && sameRows![py]) {
      buf.copyWithin(py * W, (py - 1) * W, py * W);
      continue;
    }
    acc.fill(0);
    for (let j = 0; j < list.length; j++) {
      const rc = list[j]!;
      const cy = above[j]!;
      if (cy > 0) addSpan(acc, W, rc[0], rc[2], cy);
    }
    if (grey) compositeGreyRow(buf, W, py, acc, color[0] / 255);
    else compositeRow(buf, W, py, acc, color);
  }
}

/* ------------------------------------------------------------------------------------------ */
/* PNG encoder                                                                                 */
/* ------------------------------------------------------------------------------------------ */

const CRC_TABLE: Uint32Array = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC-32 (ISO 3309 / PNG), as an unsigned 32-bit integer. */
export function crc32(bytes: Uint8Array, crc = 0): number {
  let c = (crc ^ 0xffffffff) >>> 0;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  dv.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/**
 * colorType: 0 greyscale, 2 RGB, 6 RGBA; 8 bits per sample; `rows` = raw samples, no filter bytes.
 *
 * Every row is filtered Up (PNG filter type 2: each byte minus the one above it), so a row equal to
 * the one above (a barcode's rows, a QR module's four pixel rows) is all zeros, and the data is
 * deflated with zlib's run-length strategy: runs are what a mark's rows are made of, and Z_RLE
 * chooses no matches by hash, so the bytes are the same on every CPU (ordinary deflate in Node's
 * zlib depends on the CPU: src/writers/docx/zip.ts) and it takes ~1 ms where level 9 took ~10.
 */
function encodePng(width: number, height: number, colorType: 0 | 2 | 6, raw: Uint8Array, ppm: number): Uint8Array {
  const channels = colorType === 0 ? 1 : colorType === 2 ? 3 : 4;
  const stride = width * channels;
  const filtered = new Uint8Array((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    const at = y * (stride + 1);
    filtered[at] = 2; // filter type 2 (Up)
    const row = y * stride;
    if (y === 0) filtered.set(raw.subarray(0, stride), at + 1);
    else for (let x = 0; x < stride; x++) filtered[at + 1 + x] = (raw[row + x] - raw[row - stride + x]) & 0xff;
  }
  return pngFile(width, height, colorType, filtered, ppm);
}

/** A PNG file of rows already filtered (a filter type byte before each row). */
function pngFile(width: number, height: number, colorType: 0 | 2 | 6, filtered: Uint8Array, ppm: number): Uint8Array {
  const ihdr = new Uint8Array(13);
  const hv = new DataView(ihdr.buffer);
  hv.setUint32(0, width);
  hv.setUint32(4, height);
  ihdr[8] = 8;
  ihdr[9] = colorType;
  ihdr[10] = 0; // deflate
  ihdr[11] = 0; // adaptive filtering
  ihdr[12] = 0; // no interlace
  const phys = new Uint8Array(9);
  const pv = new DataView(phys.buffer);
  pv.setUint32(0, ppm);
  pv.setUint32(4, ppm);
  phys[8] = 1; // unit: metre
  const idat = zlibRunLength(filtered);
  const parts = [
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("pHYs", phys),
    chunk("IDAT", idat),
    chunk("IEND", new Uint8Array(0)),
  ];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** Pixel dimensions of a drawing rendered at `pixelsPerPoint`. */
export function pngSize(d: Drawing, pixelsPerPoint: number): { width: number; height: number } {
  return {
    width: Math.max(1, Math.ceil(d.width * pixelsPerPoint - 1e-6)),
    height: Math.max(1, Math.ceil(d.height * pixelsPerPoint - 1e-6)),
  };
}

/**
 * Rasterises a drawing to PNG bytes at `pixelsPerPoint` (e.g. 300/72 for 300 dpi).
 * Image size is ceil(width × ppp) × ceil(height × ppp); the pHYs chunk records 72 × ppp dpi.
 * Default background: opaque white (greyscale PNG if all colours are grey, else RGB);
 * `{ background: "transparent" }` gives RGBA. Output bytes are deterministic.
 */
export function drawingToPng(d: Drawing, pixelsPerPoint: number, options: PngOptions = {}): Uint8Array {
  validate(d);
  finite(pixelsPerPoint, "pixelsPerPoint");
  if (pixelsPerPoint <= 0) throw new Error(`marks: pixelsPerPoint must be positive, got ${pixelsPerPoint}`);
  const { width: W, height: H } = pngSize(d, pixelsPerPoint);
  if (W * H > MAX_PIXELS) throw new Error(`marks: PNG of ${W}x${H} pixels is too large`);

  const bgSpec = options.background ?? "#ffffff";
  const transparent = bgSpec.trim().toLowerCase() === "transparent";
  const bg: Rgb = transparent ? [0, 0, 0] : parseColor(bgSpec);
  const isGrey = (c: Rgb) => c[0] === c[1] && c[1] === c[2];
  if (!transparent && isGrey(bg) && d.shapes.every((s) => s.kind === "rect")) {
    const colors = d.shapes.map((s) => parseColor((s as Extract<Shape, { kind: "rect" }>).fill));
    if (colors.every(isGrey)) return greyRectsPng(d, W, H, pixelsPerPoint, bg[0], colors, Math.round((pixelsPerPoint * 72) / 0.0254));
  }

  const buf = new Float64Array(W * H * 4);
  if (!transparent) {
    for (let i = 0; i < W * H; i++) {
      buf[i * 4] = bg[0] / 255;
      buf[i * 4 + 1] = bg[1] / 255;
      buf[i * 4 + 2] = bg[2] / 255;
      buf[i * 4 + 3] = 1;
    }
  }
  let allGrey = bg[0] === bg[1] && bg[1] === bg[2];
  // Paint in order, filling each run of consecutive same-coloured shapes as one union.
  let group: Filled[] = [];
  let rects: Array<[number, number, number, number]> = [];
  let onlyRects = true;
  let groupColor: Rgb | undefined;
  const k = pixelsPerPoint;
  const flush = (color: Rgb) => {
    if (onlyRects) fillRects(buf, W, H, rects, color);
    else fillGroup(buf, W, H, group, color);
    group = [];
    rects = [];
    onlyRects = true;
  };
  for (const s of d.shapes) {
    const { rings, color } = shapeRings(s, pixelsPerPoint);
    if (!(color[0] === color[1] && color[1] === color[2])) allGrey = false;
    if (groupColor && !(groupColor[0] === color[0] && groupColor[1] === color[1] && groupColor[2] === color[2])) flush(groupColor);
    groupColor = color;
    group.push(toEdges(rings));
    if (s.kind === "rect") rects.push([s.x * k, s.y * k, (s.x + s.w) * k, (s.y + s.h) * k]);
    else onlyRects = false;
  }
  if (groupColor) flush(groupColor);

  const byte = (v: number): number => (v <= 0 ? 0 : v >= 1 ? 255 : Math.round(v * 255));
  const ppm = Math.round((pixelsPerPoint * 72) / 0.0254);
  if (transparent) {
    const raw = new Uint8Array(W * H * 4);
    for (let i = 0; i < W * H; i++) {
      const a = buf[i * 4 + 3]!;
      if (a <= 0) {
        // Fully transparent: white, so viewers that ignore alpha still show a white background.
        raw[i * 4] = raw[i * 4 + 1] = raw[i * 4 + 2] = 255;
        continue;
      }
      for (let c = 0; c < 3; c++) raw[i * 4 + c] = byte(buf[i * 4 + c]! / a);
      raw[i * 4 + 3] = byte(a);
    }
    return encodePng(W, H, 6, raw, ppm);
  }
  if (allGrey) {
    const raw = new Uint8Array(W * H);
    for (let i = 0; i < W * H; i++) raw[i] = byte(buf[i * 4]!);
    return encodePng(W, H, 0, raw, ppm);
  }
  const raw = new Uint8Array(W * H * 3);
  for (let i = 0; i < W * H; i++) for (let c = 0; c < 3; c++) raw[i * 3 + c] = byte(buf[i * 4 + c]!);
  return encodePng(W, H, 2, raw, ppm);
}
