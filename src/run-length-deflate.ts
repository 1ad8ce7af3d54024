/**
 * Deflate whose bytes do not depend on the CPU: zlib's run-length strategy (Z_RLE). Node's zlib is
 * Chromium's, whose ordinary match finder hashes with the CPU's CRC-32C instruction where there is
 * one and with zlib's rolling hash where there is not; Z_RLE looks only one byte back and never
 * hashes. memLevel and windowBits fixed: they set where blocks end and the zlib header.
 * Used for the DOCX's font subsets (raw, writers/docx/zip.ts) and the marks' PNGs (zlib-wrapped,
 * marks/drawing.ts); tests hold both to stored bytes that canonical zlib also writes.
 */
import { constants, deflateRawSync, deflateSync } from "node:zlib";

const OPTIONS = { level: 9, memLevel: 8, windowBits: 15, strategy: constants.Z_RLE };

/** Raw deflate (no header), as a zip entry holds it. */
export function deflateRunLength(data: Uint8Array): Uint8Array {
  return new Uint8Array(deflateRawSync(data, OPTIONS));
}

/** Deflate in a zlib wrapper, as a PNG's IDAT holds it. */
export function zlibRunLength(data: Uint8Array): Uint8Array {
  return new Uint8Array(deflateSync(data, OPTIONS));
}
