/**
 * The subset a PDF embeds (FontFile2 of a CIDFontType2 with CIDToGIDMap /Identity): the glyphs a
 * document draws, renumbered in the order they are first drawn (glyph 0 first), each glyph's bytes
 * copied from glyf (composite glyphs get their components added and renumbered), and the tables a
 * PDF reader needs: head, hhea, loca, maxp, cvt, prep, glyf, hmtx, fpgm.
 *
 * The bytes are the ones fontkit's TTFSubset writes for the same glyphs (tests/fonts/subset.test.ts
 * compares them), so PDFs are byte-identical to those made when pdfkit subset with fontkit, while
 * no outline is decoded: only composite glyphs are read, far enough to find their components.
 */
import type { Sfnt } from "./sfnt.js";
import { compositeComponents } from "./sfnt.js";

export class GlyfSubset {
  /** original glyph ids, in subset order */
  readonly glyphs: number[] = [];
  private readonly mapping = new Map<number, number>();

  constructor(private readonly font: Sfnt) {
    this.includeGlyph(0);
  }

  /** The subset's id for an original glyph, added at the end on first use. */
  includeGlyph(gid: number | { id: number }): number {
    const id = typeof gid === "number" ? gid : gid.id;
    let n = this.mapping.get(id);
    if (n === undefined) {
      n = this.glyphs.length;
      this.glyphs.push(id);
      this.mapping.set(id, n);
    }
    return n;
  }

  encode(): Uint8Array {
    const font = this.font;
    const parts: Uint8Array[] = [];
    const offsets: number[] = [];
    const metrics: number[] = [];
    let offset = 0;
    // the list grows while it is walked: a composite's components are appended
    for (let i = 0; i < this.glyphs.length; i++) {
      const gid = this.glyphs[i];
      let data = font.glyphData(gid);
      const components = compositeComponents(data);
      if (components.length) {
        data = data.slice();
        const v = new DataView(data.buffer, data.byteOffset, data.byteLength);
        for (const c of components) v.setUint16(c.pos, this.includeGlyph(c.gid));
      }
      parts.push(data);
      offsets.push(offset);
      metrics.push(font.advance(gid), font.leftBearing(gid));
      offset += data.length;
    }
    offsets.push(offset);
    const count = this.glyphs.length;
    const long = font.indexToLocFormat === 1;

    const head = font.table("head")!.slice();
    const hhea = font.table("hhea")!.slice();
    new DataView(hhea.buffer, hhea.byteOffset).setUint16(34, count);
    const maxp = font.table("maxp")!.slice();
    new DataView(maxp.buffer, maxp.byteOffset).setUint16(4, count);
    const loca = new Uint8Array(offsets.length * (long ? 4 : 2));
    const lv = new DataView(loca.buffer);
    offsets.forEach((o, i) => (long ? lv.setUint32(i * 4, o) : lv.setUint16(i * 2, (o >>> 1) & 0xffff)));
    const glyf = new Uint8Array(offset);
    let at = 0;
    for (const p of parts) {
      glyf.set(p, at);
      at += p.length;
    }
    const hmtx = new Uint8Array(count * 4);
    const hv = new DataView(hmtx.buffer);
    for (let i = 0; i < count; i++) {
      hv.setUint16(i * 4, metrics[i * 2]);
      hv.setInt16(i * 4 + 2, metrics[i * 2 + 1]);
    }
    // fontkit's table order and directory: tag "true", checksums left at 0, tables packed without padding
    const tables: [string, Uint8Array | undefined][] = [
      ["head", head],
      ["hhea", hhea],
      ["loca", loca],
      ["maxp", maxp],
      ["cvt ", font.table("cvt ")],
      ["prep", font.table("prep")],
      ["glyf", glyf],
      ["hmtx", hmtx],
      ["fpgm", font.table("fpgm")],
    ];
    return sfntFile(
      "true",
      tables.filter((t): t is [string, Uint8Array] => t[1] !== undefined),
      false,
    );
  }
}

function checksum(data: Uint8Array): number {
  let sum = 0;
  const whole = data.length & ~3;
  const v = new DataView(data.buffer, data.byteOffset, data.byteLength);
  for (let i = 0; i < whole; i += 4) sum = (sum + v.getUint32(i)) >>> 0;
  if (whole < data.length) {
    let last = 0;
    for (let i = whole; i < whole + 4; i++) last = (last << 8) | (i < data.length ? data[i] : 0);
    sum = (sum + (last >>> 0)) >>> 0;
  }
  return sum;
}

/**
 * An sfnt file of `tables`, in the order given. `aligned`: each table on a 4-byte boundary with
 * its checksum and head's checkSumAdjustment set (what fonts for Word and LibreOffice need);
 * else packed with zero checksums, as fontkit writes the PDF subsets.
 */
export function sfntFile(tag: string, tables: [string, Uint8Array][], aligned: boolean): Uint8Array {
  const n = tables.length;
  const dir = 12 + n * 16;
  let size = dir;
  const offsets = tables.map(([, data]) => {
    const at = size;
    size += aligned ? (data.length + 3) & ~3 : data.length;
    return at;
  });
  const out = new Uint8Array(size);
  const v = new DataView(out.buffer);
  for (let i = 0; i < 4; i++) out[i] = tag.charCodeAt(i);
  const power = 2 ** Math.floor(Math.log2(n));
  v.setUint16(4, n);
  v.setUint16(6, power * 16);
  v.setUint16(8, Math.log2(power));
  v.setUint16(10, n * 16 - power * 16);
  let headAt = -1;
  // the whole file's checksum is the directory's plus the tables' (each on a 4-byte boundary, zero-padded): no second pass
  let tableSums = 0;
  tables.forEach(([name, data], i) => {
    const rec = 12 + i * 16;
    for (let k = 0; k < 4; k++) out[rec + k] = name.charCodeAt(k);
    out.set(data, offsets[i]);
    if (aligned) {
      if (name === "head") {
        headAt = offsets[i];
        v.setUint32(headAt + 8, 0); // checkSumAdjustment counts as 0 in the sums
      }
      const sum = checksum(out.subarray(offsets[i], offsets[i] + data.length));
      v.setUint32(rec + 4, sum);
      tableSums = (tableSums + sum) >>> 0;
    }
    v.setUint32(rec + 8, offsets[i]);
    v.setUint32(rec + 12, data.length);
  });
  if (aligned && headAt >= 0) v.setUint32(headAt + 8, (0xb1b0afba - ((checksum(out.subarray(0, dir)) + tableSums) >>> 0)) >>> 0);
  return out;
}
