/**
 * A TrueType font read straight from its tables (OpenType spec, "Font file", cmap, hmtx, loca,
 * glyf, head, hhea, OS/2, post, name): what measuring, drawing and subsetting need, without
 * fontkit. Nothing is decoded up front: the table directory is read at once, everything else on
 * first use, and glyph outlines never (a subset copies their bytes; only composite glyphs are
 * read far enough to find their components).
 *
 * The values match fontkit's (tests/fonts/sfnt.test.ts compares them for every bundled face), so
 * the PDF writer can hand pdfkit this font in place of fontkit's.
 */
import { openSync, readSync } from "node:fs";

export interface TableRange {
  offset: number;
  length: number;
}

/** A component reference in a composite glyph: its glyph id and where that id sits in the glyph's bytes. */
export interface Component {
  gid: number;
  /** byte offset of the component's glyph index within the glyph's data */
  pos: number;
}

/** cmap subtables in fontkit's order of preference (CmapProcessor.findSubtable). */
const CMAP_PREFERENCE: [number, number][] = [
  [3, 10],
  [0, 6],
  [0, 4],
  [3, 1],
  [0, 3],
  [0, 2],
  [0, 1],
  [0, 0],
];

/** Where a font's bytes come from: the whole file in memory, or a file read piece by piece. */
export interface FontSource {
  read(offset: number, length: number): Uint8Array;
}

/** A font held in memory. */
export function bytesSource(bytes: Uint8Array): FontSource {
  // a plain view: a Node Buffer's slice() would share the file's bytes instead of copying them
  const plain = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { read: (offset, length) => plain.subarray(offset, offset + length) };
}

/**
 * A font file read piece by piece: a table when first used, a glyph's outline when a subset takes
 * it. The Chinese faces are 10-16 MB, of which a document uses a few hundred KB.
 */
export function fileSource(path: string): FontSource {
  let fd: number | undefined;
  return {
    read(offset, length) {
      fd ??= openSync(path, "r");
      const out = new Uint8Array(length);
      let done = 0;
      while (done < length) {
        const n = readSync(fd, out, done, length - done, offset + done);
        if (n <= 0) throw new Error(`${path}: the font file ends early`);
        done += n;
      }
      return out;
    },
  };
}

const EMPTY = new Uint8Array(0);

export class Sfnt {
  readonly tables = new Map<string, TableRange>();
  readonly unitsPerEm: number;
  readonly numGlyphs: number;
  /** 0: short loca offsets (half the offset), 1: long */
  readonly indexToLocFormat: number;
  readonly numberOfHMetrics: number;
  private readonly source: FontSource;
  private readonly loaded = new Map<string, Uint8Array>();
  private readonly views = new Map<string, DataView>();
  private cmapFormat = -1;
  private cmapAt = 0;
  private readonly glyphs = new Map<number, Uint8Array>();
  /** name ID -> offset of its best record in the name table */
  private nameRecords?: Map<number, number>;
  private readonly names = new Map<number, string>();

  constructor(from: Uint8Array | FontSource) {
    this.source = from instanceof Uint8Array ? bytesSource(from) : from;
    const header = this.source.read(0, 12);
    const count = new DataView(header.buffer, header.byteOffset, 12).getUint16(4);
    const dir = this.source.read(12, count * 16);
    const v = new DataView(dir.buffer, dir.byteOffset, dir.byteLength);
    for (let i = 0; i < count; i++) {
      const rec = i * 16;
      const tag = String.fromCharCode(dir[rec], dir[rec + 1], dir[rec + 2], dir[rec + 3]);
      this.tables.set(tag, { offset: v.getUint32(rec + 8), length: v.getUint32(rec + 12) });
    }
    const head = this.need("head");
    this.unitsPerEm = head.getUint16(18);
    this.indexToLocFormat = head.getInt16(50);
    this.numGlyphs = this.need("maxp").getUint16(4);
    this.numberOfHMetrics = this.need("hhea").getUint16(34);
    this.findCmap();
  }

  private need(tag: string): DataView {
    const v = this.tv(tag);
    if (!v) throw new Error(`font has no ${tag} table`);
    return v;
  }

  /** A table as a DataView (read on first use), or undefined. */
  private tv(tag: string): DataView | undefined {
    let v = this.views.get(tag);
    if (!v) {
      const t = this.table(tag);
      if (!t) return undefined;
      this.views.set(tag, (v = new DataView(t.buffer, t.byteOffset, t.byteLength)));
    }
    return v;
  }

  has(tag: string): boolean {
    return this.tables.has(tag);
  }

  /** A table's bytes, read once (do not change them: copy with slice()), or undefined. */
  table(tag: string): Uint8Array | undefined {
    let t = this.loaded.get(tag);
    if (!t) {
      const r = this.tables.get(tag);
      if (!r) return undefined;
      this.loaded.set(tag, (t = this.source.read(r.offset, r.length)));
    }
    return t;
  }

  // ------------------------------------------------------------------------------------------
  // metrics (hhea, head, OS/2, post): the figures pdfkit's font descriptor and the typesetter use

  get ascent(): number {
    return this.need("hhea").getInt16(4);
  }
  get descent(): number {
    return this.need("hhea").getInt16(6);
  }
  get lineGap(): number {
    return this.need("hhea").getInt16(8);
  }
  get bbox(): { minX: number; minY: number; maxX: number; maxY: number } {
    const h = this.need("head");
    return { minX: h.getInt16(36), minY: h.getInt16(38), maxX: h.getInt16(40), maxY: h.getInt16(42) };
  }
  get macStyleItalic(): boolean {
    return (this.need("head").getUint16(44) & 2) !== 0;
  }
  /** post.italicAngle, a 16.16 fixed-point number */
  get italicAngle(): number {
    const p = this.tv("post");
    return p ? p.getInt32(4) / 65536 : 0;
  }
  get isFixedPitch(): boolean {
    const p = this.tv("post");
    return p ? p.getUint32(12) !== 0 : false;
  }
  private os2(field: number, version: number): number | undefined {
    const t = this.tv("OS/2");
    if (!t || t.getUint16(0) < version || field + 2 > t.byteLength) return undefined;
    return t.getInt16(field);
  }
  /** OS/2 sFamilyClass (0 when there is no OS/2 table) */
  get familyClass(): number {
    return this.os2(30, 0) ?? 0;
  }
  /** OS/2 sCapHeight (version 2 on), else the ascent, as fontkit gives it */
  get capHeight(): number {
    return this.os2(88, 2) ?? (this.tables.has("OS/2") ? 0 : this.ascent);
  }
  /** OS/2 sxHeight (version 2 on), else 0 */
  get xHeight(): number {
    return this.os2(86, 2) ?? 0;
  }

  /** A name record's text (Windows Unicode English first, then Macintosh Roman), by name ID. */
  name(id: number): string | undefined {
    // the best record of each ID first, and only the asked ones decoded: a CJK face's name table
    // holds long licence texts in many languages
    if (!this.nameRecords) {
      this.nameRecords = new Map();
      const v = this.tv("name");
      if (v) {
        const count = v.getUint16(2);
        const storage = v.getUint16(4);
        const rank = new Map<number, number>();
        for (let i = 0; i < count; i++) {
          const r = 6 + i * 12;
          const platform = v.getUint16(r);
          const encoding = v.getUint16(r + 2);
          const language = v.getUint16(r + 4);
          const nameId = v.getUint16(r + 6);
          if (storage + v.getUint16(r + 10) + v.getUint16(r + 8) > v.byteLength) continue;
          let score: number;
          if (platform === 3 && (encoding === 1 || encoding === 10)) score = language === 0x409 ? 3 : 2;
          else if (platform === 1 && encoding === 0) score = language === 0 ? 1 : 0;
          else continue;
          if ((rank.get(nameId) ?? -1) < score) {
            rank.set(nameId, score);
            this.nameRecords.set(nameId, r);
          }
        }
      }
    }
    let text = this.names.get(id);
    if (text !== undefined) return text;
    const r = this.nameRecords.get(id);
    if (r === undefined) return undefined;
    const v = this.tv("name")!;
    const at = v.getUint16(4) + v.getUint16(r + 10);
    const len = v.getUint16(r + 8);
    text = "";
    if (v.getUint16(r) === 3) for (let k = 0; k + 1 < len; k += 2) text += String.fromCharCode(v.getUint16(at + k));
    else for (let k = 0; k < len; k++) text += String.fromCharCode(v.getUint8(at + k));
    this.names.set(id, text);
    return text;
  }

  get postscriptName(): string {
    return this.name(6) ?? "";
  }
  get familyName(): string {
    return this.name(16) ?? this.name(1) ?? "";
  }

  // ------------------------------------------------------------------------------------------
  // cmap

  private findCmap(): void {
    const v = this.tv("cmap");
    if (!v) return;
    const count = v.getUint16(2);
    const subtables: { platform: number; encoding: number; at: number }[] = [];
    for (let i = 0; i < count; i++) {
      const r = 4 + i * 8;
      subtables.push({ platform: v.getUint16(r), encoding: v.getUint16(r + 2), at: v.getUint32(r + 4) });
    }
    for (const [p, e] of CMAP_PREFERENCE) {
      const s = subtables.find((x) => x.platform === p && x.encoding === e);
      if (s) {
        this.cmapAt = s.at;
        this.cmapFormat = v.getUint16(s.at);
        return;
      }
    }
  }

  /** Whether glyphId() reads this font's cmap (formats 4 and 12); when not, the caller uses fontkit. */
  get cmapSupported(): boolean {
    return this.cmapFormat === 4 || this.cmapFormat === 12;
  }

  /** The glyph a code point maps to, 0 when none (fontkit's CmapProcessor.lookup, formats 4 and 12). */
  glyphId(cp: number): number {
    const v = this.tv("cmap");
    if (!v) return 0;
    const at = this.cmapAt;
    if (this.cmapFormat === 4) {
      if (cp > 0xffff) return 0;
      const segs = v.getUint16(at + 6) >> 1;
      const ends = at + 14;
      const starts = ends + segs * 2 + 2;
      const deltas = starts + segs * 2;
      const ranges = deltas + segs * 2;
      let lo = 0;
      let hi = segs - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (cp < v.getUint16(starts + mid * 2)) hi = mid - 1;
        else if (cp > v.getUint16(ends + mid * 2)) lo = mid + 1;
        else {
          const rangeOffset = v.getUint16(ranges + mid * 2);
          const delta = v.getInt16(deltas + mid * 2);
          if (rangeOffset === 0) return (cp + delta) & 0xffff;
          const index = rangeOffset / 2 + (cp - v.getUint16(starts + mid * 2)) - (segs - mid);
          const where = ranges + segs * 2 + index * 2;
          const gid = where + 2 <= v.byteLength ? v.getUint16(where) : 0;
          return gid === 0 ? 0 : (gid + delta) & 0xffff;
        }
      }
      return 0;
    }
    if (this.cmapFormat === 12) {
      const groups = v.getUint32(at + 12);
      let lo = 0;
      let hi = groups - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const g = at + 16 + mid * 12;
        if (cp < v.getUint32(g)) hi = mid - 1;
        else if (cp > v.getUint32(g + 4)) lo = mid + 1;
        else return v.getUint32(g + 8) + (cp - v.getUint32(g));
      }
      return 0;
    }
    return 0;
  }

  // ------------------------------------------------------------------------------------------
  // hmtx

  /** hmtx advance of a glyph, in font units (the last long metric's for glyphs past numberOfHMetrics). */
  advance(gid: number): number {
    const hmtx = this.tv("hmtx");
    if (!hmtx || this.numberOfHMetrics === 0) return 0;
    const i = gid < this.numberOfHMetrics ? gid : this.numberOfHMetrics - 1;
    return hmtx.getUint16(i * 4);
  }

  /** hmtx left side bearing of a glyph. */
  leftBearing(gid: number): number {
    const hmtx = this.tv("hmtx");
    if (!hmtx) return 0;
    if (gid < this.numberOfHMetrics) return hmtx.getInt16(gid * 4 + 2);
    const at = this.numberOfHMetrics * 4 + (gid - this.numberOfHMetrics) * 2;
    return at + 2 <= hmtx.byteLength ? hmtx.getInt16(at) : 0;
  }

  // ------------------------------------------------------------------------------------------
  // loca and glyf

  /** A glyph's offset in glyf, read from loca when asked: a CJK face has ~65,000 entries, a document needs hundreds. */
  private locaAt(i: number): number {
    const v = this.tv("loca");
    if (!v) return 0;
    const long = this.indexToLocFormat === 1;
    const count = Math.min(this.numGlyphs + 1, Math.floor(v.byteLength / (long ? 4 : 2)));
    if (i >= count) i = count - 1; // a short table: its last offset
    if (i < 0) return 0;
    return long ? v.getUint32(i * 4) : v.getUint16(i * 2) * 2;
  }

  /** A glyph's bytes in glyf (read when asked for; empty for a glyph without outline). Do not change them. */
  glyphData(gid: number): Uint8Array {
    const glyf = this.tables.get("glyf");
    if (!glyf || gid >= this.numGlyphs) return EMPTY;
    const start = this.locaAt(gid);
    const end = Math.min(this.locaAt(gid + 1), glyf.length);
    if (end <= start) return EMPTY;
    const whole = this.loaded.get("glyf");
    if (whole) return whole.subarray(start, end);
    // read from the file once: every document's subset takes the common glyphs again
    let data = this.glyphs.get(gid);
    if (!data) this.glyphs.set(gid, (data = this.source.read(glyf.offset + start, end - start)));
    return data;
  }

  /** The components of a composite glyph (none for a simple or empty one). */
  components(gid: number): Component[] {
    return compositeComponents(this.glyphData(gid));
  }
}

const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;

/** Components of a glyph's data (glyf "Composite Glyph Description"): none unless numberOfContours < 0. */
export function compositeComponents(data: Uint8Array): Component[] {
  if (data.length < 10) return [];
  const v = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (v.getInt16(0) >= 0) return [];
  const out: Component[] = [];
  let at = 10;
  let flags = MORE_COMPONENTS;
  while (flags & MORE_COMPONENTS && at + 4 <= data.length) {
    flags = v.getUint16(at);
    out.push({ gid: v.getUint16(at + 2), pos: at + 2 });
    at += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
    if (flags & WE_HAVE_A_SCALE) at += 2;
    else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) at += 4;
    else if (flags & WE_HAVE_A_TWO_BY_TWO) at += 8;
  }
  return out;
}
