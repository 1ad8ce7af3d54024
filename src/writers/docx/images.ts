/**
 * The marks (emblem, barcode, recycling mark, QR code) as floating PNG images: rasterised by
 * src/marks at PX_PER_PT pixels per point, sized in EMU from the drawing's size in points, placed
 * on the page (wp:anchor, ECMA-376 Part 1 §20.4.2.3) and stored once per package however often
 * they are used (word/media/image<N>.png, Media).
 */
import { createHash } from "node:crypto";
import { readCached, writeCached } from "../../disk-cache.js";
import { drawingToPng, type Drawing } from "../../marks/index.js";
import type { DocxContext } from "./context.js";
import { cssPixels, emu } from "./units.js";
import { escapeXml } from "./xml.js";

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
  // (the encoding's name in the key: entries of an earlier encoding are never read back)
  const name = `png-${createHash("sha1").update(`up-rle\u0000${PX_PER_PT}\u0000${key}`).digest("hex")}.png`;
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
 * The images of a package, in the order the parts are written (each part's in its order), stored
 * once each by content: the Nth is word/media/image<N>.png. A part's image relationships are
 * rId0, rId1, ... in this order (package.ts withImages).
 */
export class Media {
  private readonly byKey = new Map<string, { fileName: string; data: Uint8Array }>();

  /** The file name of an image (added when first seen). */
  add(key: string, data: Uint8Array): string {
    let m = this.byKey.get(key);
    if (!m) this.byKey.set(key, (m = { fileName: `image${this.byKey.size + 1}.png`, data }));
    return m.fileName;
  }

  /** The keys of `keys` in the order their images were added. */
  inOrder(keys: ReadonlySet<string>): string[] {
    return [...this.byKey.keys()].filter((k) => keys.has(k));
  }

  fileName(key: string): string {
    return this.byKey.get(key)!.fileName;
  }

  /** The images as package parts. */
  parts(): [string, Uint8Array][] {
    return [...this.byKey.values()].map((m) => [`word/media/${m.fileName}`, m.data]);
  }
}

/** An image run as written before its part is known: its relationship id is this mark, replaced by package.ts withImages. */
export interface PendingImage {
  key: string;
  data: Uint8Array;
}

/** Where an image's relationship id goes in a run's XML: NUL never survives escaping, so no text can look like it. */
export const IMAGE_REF = /\u0000([0-9a-f]{40})\u0000/g;

/**
 * A floating image run at a fixed page position (wrapNone: text ignores it), its relationship id
 * left as a mark (IMAGE_REF) for the part to fill in. `unchanging`: a mark the same in every
 * document, whose PNG may be kept on disk (src/disk-cache.ts).
 */
export function markImage(ctx: DocxContext, drawing: Drawing, name: string, at: ImagePlacement, unchanging = false): { xml: string; image: PendingImage } {
  const data = png(drawing, unchanging);
  const key = createHash("sha1").update(data).digest("hex");
  // sizes in EMU through CSS pixels (96 per inch), as Word measures pictures
  const cx = Math.round(cssPixels(drawing.width) * 9525);
  const cy = Math.round(cssPixels(drawing.height) * 9525);
  const n = escapeXml(name);
  const id = ctx.nextDrawingId();
  const xml =
    `<w:r><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" allowOverlap="1" behindDoc="0" locked="1" layoutInCell="1" relativeHeight="${cy}">` +
    `<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="page"><wp:posOffset>${emu(at.x)}</wp:posOffset></wp:positionH>` +
    `<wp:positionV relativeFrom="page"><wp:posOffset>${emu(at.y)}</wp:posOffset></wp:positionV>` +
    `<wp:extent cx="${cx}" cy="${cy}"/><wp:effectExtent t="0" r="0" b="0" l="0"/><wp:wrapNone/>` +
    `<wp:docPr id="${id}" name="${n}" descr="${n}" title="${n}"/>` +
    `<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a="${DRAWINGML}" noChangeAspect="1"/></wp:cNvGraphicFramePr>` +
    `<a:graphic xmlns:a="${DRAWINGML}"><a:graphicData uri="${PICTURE}"><pic:pic xmlns:pic="${PICTURE}">` +
    `<pic:nvPicPr><pic:cNvPr id="0" name="" descr=""/><pic:cNvPicPr><a:picLocks noChangeAspect="1" noChangeArrowheads="1"/></pic:cNvPicPr></pic:nvPicPr>` +
    `<pic:blipFill><a:blip r:embed="rId\u0000${key}\u0000" cstate="none"/><a:srcRect/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>` +
    `<pic:spPr bwMode="auto"><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>` +
    `</pic:pic></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>`;
  return { xml, image: { key, data } };
}

const DRAWINGML = "http://schemas.openxmlformats.org/drawingml/2006/main";
const PICTURE = "http://schemas.openxmlformats.org/drawingml/2006/picture";
