/** Test helpers for tests/marks: a minimal PNG reader for our own output (read-back: tests/helpers/barcode.ts). */
import { inflateSync } from "node:zlib";

export interface PngChunk {
  type: string;
  data: Uint8Array;
  crc: number;
  crcInput: Uint8Array;
}

export const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Splits a PNG into chunks (throws on a bad signature or truncated data). */
export function pngChunks(png: Uint8Array): PngChunk[] {
  for (let i = 0; i < 8; i++) if (png[i] !== PNG_SIGNATURE[i]) throw new Error("bad PNG signature");
  const dv = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const chunks: PngChunk[] = [];
  let o = 8;
  while (o < png.length) {
    if (o + 12 > png.length) throw new Error("truncated chunk header");
    const len = dv.getUint32(o);
    if (o + 12 + len > png.length) throw new Error("truncated chunk");
    const type = String.fromCharCode(...png.subarray(o + 4, o + 8));
    chunks.push({
      type,
      data: png.subarray(o + 8, o + 8 + len),
      crc: dv.getUint32(o + 8 + len),
      crcInput: png.subarray(o + 4, o + 8 + len),
    });
    o += 12 + len;
  }
  return chunks;
}

export interface DecodedPng {
  width: number;
  height: number;
  colorType: number;
  channels: number;
  /** Unfiltered samples, row-major. */
  pixels: Uint8Array;
  filterTypes: number[];
}

/** Decodes an 8-bit, non-interlaced PNG whose rows use filter type 0 (None) or 2 (Up: what drawingToPng writes). */
export function decodePng(png: Uint8Array): DecodedPng {
  const chunks = pngChunks(png);
  const ihdr = chunks[0]!;
  if (ihdr.type !== "IHDR" || ihdr.data.length !== 13) throw new Error("first chunk must be a 13-byte IHDR");
  const dv = new DataView(ihdr.data.buffer, ihdr.data.byteOffset, 13);
  const width = dv.getUint32(0);
  const height = dv.getUint32(4);
  const colorType = ihdr.data[9]!;
  const channels = ({ 0: 1, 2: 3, 4: 2, 6: 4 } as Record<number, number>)[colorType];
  if (!channels) throw new Error(`unsupported colour type ${colorType}`);
  const idat = Buffer.concat(chunks.filter((c) => c.type === "IDAT").map((c) => c.data));
  const raw = new Uint8Array(inflateSync(idat));
  const stride = width * channels;
  if (raw.length !== height * (stride + 1)) throw new Error(`IDAT inflates to ${raw.length} bytes, expected ${height * (stride + 1)}`);
  const pixels = new Uint8Array(height * stride);
  const filterTypes: number[] = [];
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)]!;
    filterTypes.push(f);
    if (f !== 0 && f !== 2) throw new Error(`row ${y} uses filter ${f}; this reader only handles filters 0 and 2`);
    const row = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    if (f === 0 || y === 0) pixels.set(row, y * stride);
    else for (let x = 0; x < stride; x++) pixels[y * stride + x] = (row[x]! + pixels[(y - 1) * stride + x]!) & 0xff;
  }
  return { width, height, colorType, channels, pixels, filterTypes };
}

/** Grey value (first channel) at pixel (x, y). */
export function grey(img: DecodedPng, x: number, y: number): number {
  return img.pixels[(y * img.width + x) * img.channels]!;
}

/** Fraction of "dark" pixels (first channel < 128) in a decoded image. */
export function inkFraction(img: DecodedPng): number {
  let dark = 0;
  for (let i = 0; i < img.width * img.height; i++) if (img.pixels[i * img.channels]! < 128) dark++;
  return dark / (img.width * img.height);
}
