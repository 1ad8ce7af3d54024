/**
 * A deterministic zip writer: entries in the given order, every entry dated `date` (DOS time from
 * its UTC fields, so the bytes do not depend on the time zone), no extra fields.
 *
 * Compression gives the same bytes on every machine. Node's zlib cannot do that for ordinary
 * deflate: it is Chromium's zlib, whose match finder hashes with the CPU's CRC-32C instruction
 * where there is one and with zlib's rolling hash where there is not, so its LZ77 output depends
 * on the CPU. Hence:
 * - text parts (XML): undoc's own deflate (deflate.ts: LZ77 with the fixed Huffman codes, pure
 *   JavaScript; a fresh process runs it ~3 times faster than fflate on a document's XML);
 * - the whole faces: fflate's deflate (pure JavaScript, LZ77, dynamic codes, level 1), kept on disk;
 * - the fonts made for this document (subsets): zlib's run-length strategy (Z_RLE), which never
 *   hashes, so its output is the same on every CPU (tests/writers/docx/zip.test.ts holds it to
 *   stored bytes). On a font it compresses about a fifth less than LZ77 (glyph outlines repeat
 *   little), but it runs natively: ~1 ms for a 150 KB subset where fflate, not yet optimised by V8
 *   in a fresh process, takes ~40 ms.
 * Compressed data is cached per data array, and large entries (fonts) also by their content, so a
 * warm process deflates a font once even though the font table hands over a new (obfuscated) copy each time;
 * entries marked unchanging are kept on disk too (src/disk-cache.ts): the whole Latin faces of the
 * default font mode are the same in every document, and deflating 0.8 MB in JavaScript takes ~100 ms.
 */
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { deflateFixed } from "./deflate.js";
import { readCached, writeCached } from "../../disk-cache.js";
import { crc32 as zlibCrc32 } from "node:zlib";
import { deflateRunLength } from "../../run-length-deflate.js";
import { crc32 as jsCrc32 } from "../../marks/index.js";

/** CRC-32: zlib's (Node 20.15 on), else undoc's own; the same values. */
const crc32: (data: Uint8Array) => number = typeof zlibCrc32 === "function" ? (d) => zlibCrc32(d) >>> 0 : jsCrc32;

export interface ZipEntry {
  name: string;
  data: Uint8Array;
  /** the same in every document (a whole face): its compressed bytes may be kept on disk */
  unchanging?: boolean;
}

interface Packed {
  crc: number;
  method: 0 | 8;
  bytes: Uint8Array;
}

const packedCache = new WeakMap<Uint8Array, Packed>();
/** Entries at least this large are also cached by content (a hash costs far less than deflating them). */
const BY_CONTENT_MIN = 64 * 1024;
const byContent = new Map<string, Packed>();
const BY_CONTENT_LIMIT = 32;

function pack(data: Uint8Array, unchanging = false, runLength = false): Packed {
  let p = packedCache.get(data);
  if (p) return p;
  const key = data.length >= BY_CONTENT_MIN ? createHash("sha1").update(data).digest("hex") : undefined;
  p = key ? (byContent.get(key) ?? (unchanging ? fromDisk(key, data) : undefined)) : undefined;
  if (!p) {
    const deflated = unchanging ? fflateDeflate(data) : runLength ? deflateRunLength(data) : deflateFixed(data);
    p = deflated.length < data.length ? { crc: crc32(data), method: 8, bytes: deflated } : { crc: crc32(data), method: 0, bytes: data };
    if (key && unchanging) toDisk(key, data.length, p);
    if (key) {
      if (byContent.size >= BY_CONTENT_LIMIT) byContent.delete(byContent.keys().next().value!);
      byContent.set(key, p);
    }
  }
  packedCache.set(data, p);
  return p;
}

let fflateDeflateSync: typeof import("fflate").deflateSync | undefined;

/**
 * fflate's deflate at level 1, loaded on first use: only a whole face whose compressed bytes are
 * not on disk yet needs it, and loading it builds tables (~3 ms in a fresh process).
 */
function fflateDeflate(data: Uint8Array): Uint8Array {
  if (!fflateDeflateSync) {
    // a plain require("fflate") call: tests/cli/install.test.ts finds the source's packages by it
    const require = createRequire(import.meta.url);
    fflateDeflateSync = (require("fflate") as typeof import("fflate")).deflateSync;
  }
  return fflateDeflateSync(data, { level: 1 });
}

/** Images whose format compresses them already (PNG, JPEG, GIF): stored, as deflate would not shrink them. */
export const isCompressedImage = (name: string): boolean => /\.(png|jpe?g|gif)$/i.test(name);

function stored(data: Uint8Array): Packed {
  let p = packedCache.get(data);
  if (!p) packedCache.set(data, (p = { crc: crc32(data), method: 0, bytes: data }));
  return p;
}

/** Font files in a package (ECMA-376 Part 1 §15.2.13: obfuscated .odttf; plain .ttf). */
export const isFontData = (name: string): boolean => /\.(odttf|ttf|otf)$/i.test(name);

/** The disk entry of deflated data: CRC-32 and length of the data, then the deflated bytes. */
const diskName = (key: string) => `deflate-${key}.bin`;

function fromDisk(key: string, data: Uint8Array): Packed | undefined {
  const entry = readCached(diskName(key));
  if (!entry || entry.length < 8) return undefined;
  const crc = entry.readUInt32BE(0);
  // the SHA-1 names the content; the CRC and length guard against a damaged entry
  if (entry.readUInt32BE(4) !== data.length || crc !== crc32(data)) return undefined;
  return { crc, method: 8, bytes: new Uint8Array(entry.buffer, entry.byteOffset + 8, entry.length - 8) };
}

function toDisk(key: string, length: number, p: Packed): void {
  if (p.method !== 8) return;
  const head = Buffer.alloc(8);
  head.writeUInt32BE(p.crc >>> 0, 0);
  head.writeUInt32BE(length, 4);
  writeCached(diskName(key), Buffer.concat([head, p.bytes]));
}

/** MS-DOS date and time (the zip format's), from the date's UTC fields; 1980 is the earliest. */
function dosDateTime(d: Date): { date: number; time: number } {
  if (d.getUTCFullYear() < 1980) return { date: (1 << 5) | 1, time: 0 };
  const date = ((Math.min(d.getUTCFullYear(), 2107) - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate();
  const time = (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1);
  return { date, time };
}

export function zipEntries(entries: ZipEntry[], when: Date): Uint8Array {
  const { date, time } = dosDateTime(when);
  const enc = new TextEncoder();
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = enc.encode(e.name);
    const p = isCompressedImage(e.name) ? stored(e.data) : pack(e.data, e.unchanging, isFontData(e.name));
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true); // local file header
    lv.setUint16(4, 20, true); // version needed: 2.0 (deflate)
    lv.setUint16(6, 0x0800, true); // names are UTF-8
    lv.setUint16(8, p.method, true);
    lv.setUint16(10, time, true);
    lv.setUint16(12, date, true);
    lv.setUint32(14, p.crc, true);
    lv.setUint32(18, p.bytes.length, true);
    lv.setUint32(22, e.data.length, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const central = new Uint8Array(46 + name.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true); // central directory header
    cv.setUint16(4, 20, true); // made by: MS-DOS, 2.0
    cv.setUint16(6, 20, true);
    cv.setUint16(8, 0x0800, true);
    cv.setUint16(10, p.method, true);
    cv.setUint16(12, time, true);
    cv.setUint16(14, date, true);
    cv.setUint32(16, p.crc, true);
    cv.setUint32(20, p.bytes.length, true);
    cv.setUint32(24, e.data.length, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    central.set(name, 46);
    locals.push(local, p.bytes);
    centrals.push(central);
    offset += local.length + p.bytes.length;
  }
  const cdSize = centrals.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true); // end of central directory
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, offset, true);
  const out = new Uint8Array(offset + cdSize + 22);
  let at = 0;
  for (const part of [...locals, ...centrals, end]) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
