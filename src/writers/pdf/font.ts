/**
 * A face as pdfkit draws and embeds it: the interface of pdfkit's EmbeddedFont (encode, ref,
 * finalize, embed, ascender...), over undoc's own shaping (fonts/shape.ts, the same results the
 * typesetter measured) and subsetting (fonts/pdf-subset.ts), instead of fontkit's. pdfmake's
 * renderer sets `doc._font` to the inline's font and pdfkit calls these members; the objects
 * written (font file, descriptor, CID font with its widths, Type0 font, ToUnicode map) are the ones
 * pdfkit 0.17 writes for an embedded TrueType face, in the same order, so the PDF's bytes do not
 * change. pdfkit is pinned to an exact version (through pdfmake); tests/writers/pdf/font.test.ts
 * checks the output against pdfkit's own embedding.
 */
import { createHash } from "node:crypto";
import { deflateSync } from "node:zlib";
import type { Face } from "../../fonts/registry.js";
import { GlyfSubset } from "../../fonts/pdf-subset.js";
import { faceSerial } from "../../typeset/units.js";
import { shape, unkernedGlyphs, type Shaped } from "../../fonts/shape.js";

/** The part of a pdfkit document a font uses. */
/** Deflated font files by the SHA-1 of their bytes (a few, most recent last). */
const deflatedFiles = new Map<string, Uint8Array>();
const DEFLATED_FILES_LIMIT = 8;
/** Deflated glyf subsets by face and glyph list (deflatedSubset; a few, most recent last). */
const deflatedSubsets = new Map<string, Uint8Array>();

function deflatedFontFile(bytes: Uint8Array): Uint8Array {
  const key = createHash("sha1").update(bytes).digest("hex");
  let out = deflatedFiles.get(key);
  if (out) {
    deflatedFiles.delete(key);
  } else {
    out = deflateSync(bytes);
    if (deflatedFiles.size >= DEFLATED_FILES_LIMIT) deflatedFiles.delete(deflatedFiles.keys().next().value!);
  }
  deflatedFiles.set(key, out);
  return out;
}

export interface PdfKitFontHost {
  ref(data?: Record<string, unknown>): PdfKitRef;
  subset?: number;
  _fontCount: number;
  _fontFamilies: Record<string, unknown>;
}

interface PdfKitRef {
  data: Record<string, unknown>;
  /** whether pdfkit deflates the stream when it ends (the document compresses and no Filter was given) */
  compress: boolean;
  write(chunk: Uint8Array | string): void;
  end(chunk?: Uint8Array | string): PdfKitRef;
}

interface Subset {
  includeGlyph(gid: number): number;
  encode(): Uint8Array;
  cff?: unknown;
}

/** A glyph position as pdfkit's text drawing reads it: scaled to thousandths of the size. */
interface ScaledPosition {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
  advanceWidth: number;
}

interface ScaledRun {
  glyphs: Shaped["glyphs"];
  positions: ScaledPosition[];
  advanceWidth: number;
}

/** Subset glyph ids as pdfkit writes them (4 hex digits), made once per id. */
const HEX4: string[] = [];
const hex4 = (n: number) => (HEX4[n] ??= `0000${n.toString(16)}`.slice(-4));

/**
 * Texts laid out (without features), per face and for the process: a warm process drawing a
 * document again finds its unchanged words here. (Runs drawn at their advances, most Chinese
 * text, skip layout: encodeUnkerned.) Results are only read, never changed.
 */
const layoutCaches = new WeakMap<Face, Map<string, ScaledRun>>();
/** encodeUnkerned's glyph ids by text (null: the text needs layout), per face and for the process. */
const unkernedCaches = new WeakMap<Face, Map<string, number[] | null>>();
/** Texts kept per face before its cache starts over. */
const LAYOUT_CACHE_LIMIT = 20_000;

export class FacePdfFont {
  readonly id: string;
  readonly name: string;
  readonly scale: number;
  readonly ascender: number;
  readonly descender: number;
  readonly xHeight: number;
  readonly capHeight: number;
  readonly lineGap: number;
  dictionary?: PdfKitRef;
  embedded = false;
  private readonly subset: Subset;
  private readonly unicode: number[][] = [[0]];
  private readonly widths: number[];
  /** the subset's hex id by original glyph id, for glyphs encodeUnkerned has drawn */
  private readonly hexByGlyph: string[] = [];

  constructor(private readonly document: PdfKitFontHost, private readonly face: Face) {
    const sfnt = face.sfnt;
    if (!sfnt) throw new Error(`face ${face.id} has no tables to embed`);
    this.id = `F${++document._fontCount}`;
    // CFF outlines (none of the bundled faces): fontkit's subsetter
    this.subset = sfnt.has("glyf") ? new GlyfSubset(sfnt) : (face.font.createSubset() as unknown as Subset);
    this.name = sfnt.postscriptName;
    this.scale = 1000 / sfnt.unitsPerEm;
    // pdfkit writes glyph 0's width unscaled (font units): kept, so the bytes do not change
    this.widths = [sfnt.advance(0)];
    this.ascender = sfnt.ascent * this.scale;
    this.descender = sfnt.descent * this.scale;
    this.xHeight = sfnt.xHeight * this.scale;
    this.capHeight = sfnt.capHeight * this.scale;
    this.lineGap = sfnt.lineGap * this.scale;
    // pdfkit finalizes (embeds) the fonts it finds here when the document ends
    document._fontFamilies[`undoc-${face.id}`] = this;
  }

  private layoutRun(text: string, features?: string[]): ScaledRun {
    const run = shape(this.face, text, features ?? []);
    const positions = run.positions.map((p, i) => ({
      xAdvance: p.xAdvance * this.scale,
      yAdvance: p.yAdvance * this.scale,
      xOffset: p.xOffset * this.scale,
      yOffset: p.yOffset * this.scale,
      advanceWidth: run.glyphs[i].advanceWidth * this.scale,
    }));
    // scaled, as fontkit's run reports it once pdfkit has scaled its positions
    let advanceWidth = 0;
    for (const p of positions) advanceWidth += p.xAdvance;
    return { glyphs: run.glyphs, positions, advanceWidth };
  }

  private layoutCached(text: string): ScaledRun {
    let cache = layoutCaches.get(this.face);
    if (!cache) layoutCaches.set(this.face, (cache = new Map()));
    let run = cache.get(text);
    if (!run) {
      if (cache.size >= LAYOUT_CACHE_LIMIT) cache.clear();
      cache.set(text, (run = this.layoutRun(text)));
    }
    return run;
  }

  /**
   * pdfkit's layout: with features, the whole text at once; without, piece by piece, each piece
   * ending after a space or tab (so pieces repeat and are cached), as EmbeddedFont does.
   */
  private layout(text: string, features?: string[]): { glyphs: Shaped["glyphs"]; positions: ScaledPosition[]; advanceWidth: number } {
    if (features) return this.layoutRun(text, features);
    // one piece (no space or tab before the end, as a run of Chinese text): the cached run itself, not a copy
    const space = text.indexOf(" ");
    const tab = text.indexOf("\t");
    if ((space < 0 || space === text.length - 1) && (tab < 0 || tab === text.length - 1) && text.length > 0) return this.layoutCached(text);
    const glyphs: Shaped["glyphs"] = [];
    const positions: ScaledPosition[] = [];
    let advanceWidth = 0;
    let last = 0;
    let index = 0;
    while (index <= text.length) {
      const ch = text.charAt(index);
      if ((index === text.length && last < index) || ch === " " || ch === "\t") {
        const run = this.layoutCached(text.slice(last, ++index));
        glyphs.push(...run.glyphs);
        positions.push(...run.positions);
        advanceWidth += run.advanceWidth;
        last = index;
      } else index++;
    }
    return { glyphs, positions, advanceWidth };
  }

  /** Glyph ids (hex, the subset's numbering) and positions of a text, as pdfkit's text drawing wants them. */
  encode(text: string, features?: string[]): [string[], ScaledPosition[]] {
    const { glyphs, positions } = this.layout(text, features);
    const res: string[] = [];
    for (const glyph of glyphs) {
      const gid = this.subset.includeGlyph(glyph.id);
      res.push(hex4(gid));
      this.widths[gid] ??= glyph.advanceWidth * this.scale;
      this.unicode[gid] ??= glyph.codePoints;
    }
    return [res, positions];
  }

  /**
   * encode's glyphs as one hex string, for text drawn glyph by glyph at its advances (no features,
   * no kerning: every position is the glyph's advance); undefined when the text needs encode.
   * Nothing per glyph is made: the common case of a run of Chinese text.
   */
  encodeUnkerned(text: string): string | undefined {
    let cache = unkernedCaches.get(this.face);
    if (!cache) unkernedCaches.set(this.face, (cache = new Map()));
    let ids = cache.get(text);
    if (ids === undefined) {
      if (cache.size >= LAYOUT_CACHE_LIMIT) cache.clear();
      cache.set(text, (ids = unkernedGlyphs(this.face, text) ?? null));
    }
    if (!ids) return undefined;
    const sfnt = this.face.sfnt!;
    let hex = "";
    let i = 0;
    for (const ch of text) {
      const id = ids[i++];
      let h = this.hexByGlyph[id];
      if (h === undefined) {
        // first drawn here: in the subset, with its width and characters (unless encode had it first)
        const gid = this.subset.includeGlyph(id);
        h = this.hexByGlyph[id] = hex4(gid);
        this.widths[gid] ??= sfnt.advance(id) * this.scale;
        this.unicode[gid] ??= [ch.codePointAt(0)!];
      }
      hex += h;
    }
    return hex;
  }

  widthOfString(text: string, size: number, features?: string[]): number {
    return this.layout(text, features).advanceWidth * (size / 1000);
  }

  lineHeight(size: number, includeGap = false): number {
    const gap = includeGap ? this.lineGap : 0;
    return ((this.ascender + gap - this.descender) / 1000) * size;
  }

  ref(): PdfKitRef {
    return (this.dictionary ??= this.document.ref());
  }

  finalize(): void {
    if (this.embedded || this.dictionary == null) return;
    this.embed();
    this.embedded = true;
  }

  private embed(): void {
    const sfnt = this.face.sfnt!;
    const isCFF = this.subset.cff != null;
    const fontFile = this.document.ref();
    if (isCFF) fontFile.data.Subtype = "CIDFontType0C";
    if (fontFile.compress) {
      // pdfkit's deflate (zlib's defaults, Length then Filter), from a cache by content: a warm
      // process's documents often use the same glyphs, and a CJK subset takes a few ms to deflate
      fontFile.compress = false;
      fontFile.write(this.deflatedSubset());
      fontFile.data.Filter = "FlateDecode";
      fontFile.end();
    } else fontFile.end(this.subset.encode());
    const familyClass = sfnt.familyClass >> 8;
    let flags = 0;
    if (sfnt.isFixedPitch) flags |= 1 << 0;
    if (1 <= familyClass && familyClass <= 7) flags |= 1 << 1;
    flags |= 1 << 2; // symbolic
    if (familyClass === 10) flags |= 1 << 3;
    if (sfnt.macStyleItalic) flags |= 1 << 6;
    // pdfkit's subset tag: from the font's id, so the same document always gets the same name
    const tag = [1, 2, 3, 4, 5, 6].map((i) => String.fromCharCode((this.id.charCodeAt(i) || 73) + 17)).join("");
    const name = `${tag}+${this.name.replaceAll(" ", "_")}`;
    const bbox = sfnt.bbox;
    const descriptor = this.document.ref({
      Type: "FontDescriptor",
      FontName: name,
      Flags: flags,
      FontBBox: [bbox.minX * this.scale, bbox.minY * this.scale, bbox.maxX * this.scale, bbox.maxY * this.scale],
      ItalicAngle: sfnt.italicAngle,
      Ascent: this.ascender,
      Descent: this.descender,
      CapHeight: (sfnt.capHeight || sfnt.ascent) * this.scale,
      XHeight: (sfnt.xHeight || 0) * this.scale,
      StemV: 0,
    });
    if (isCFF) descriptor.data.FontFile3 = fontFile;
    else descriptor.data.FontFile2 = fontFile;
    if (this.document.subset && this.document.subset === 1) {
      // PDF/A-1: the set of glyphs present
      const maxCID = this.widths.length - 1;
      const cidSet = Buffer.alloc(Math.ceil((maxCID + 1) / 8), 0);
      for (let cid = 0; cid <= maxCID; cid++) if (this.widths[cid] != null) cidSet[Math.floor(cid / 8)] |= 0x80 >> cid % 8;
      const cidSetRef = this.document.ref();
      cidSetRef.write(cidSet);
      cidSetRef.end();
      descriptor.data.CIDSet = cidSetRef;
    }
    descriptor.end();
    const descendant: Record<string, unknown> = {
      Type: "Font",
      Subtype: "CIDFontType0",
      BaseFont: name,
      CIDSystemInfo: { Registry: new String("Adobe"), Ordering: new String("Identity"), Supplement: 0 },
      FontDescriptor: descriptor,
      W: [0, this.widths],
    };
    if (!isCFF) {
      descendant.Subtype = "CIDFontType2";
      descendant.CIDToGIDMap = "Identity";
    }
    const descendantFont = this.document.ref(descendant);
    descendantFont.end();
    this.dictionary!.data = { Type: "Font", Subtype: "Type0", BaseFont: name, Encoding: "Identity-H", DescendantFonts: [descendantFont], ToUnicode: this.toUnicodeCmap() };
    this.dictionary!.end();
  }

  /**
   * The subset's font file, deflated. A glyf subset's bytes follow from the face and its glyphs
   * in order alone: the same list (a document drawn again, a change that brought no new glyph)
   * takes the bytes made before, without building or hashing the subset again.
   */
  private deflatedSubset(): Uint8Array {
    if (!(this.subset instanceof GlyfSubset)) return deflatedFontFile(this.subset.encode());
    const key = `${faceSerial(this.face)}:${this.subset.glyphs.join(",")}`;
    let out = deflatedSubsets.get(key);
    if (out) deflatedSubsets.delete(key);
    else {
      out = deflatedFontFile(this.subset.encode());
      if (deflatedSubsets.size >= DEFLATED_FILES_LIMIT) deflatedSubsets.delete(deflatedSubsets.keys().next().value!);
    }
    deflatedSubsets.set(key, out);
    return out;
  }

  /** The ToUnicode CMap: each glyph's characters, UTF-16 (pdfkit's layout of it). */
  private toUnicodeCmap(): PdfKitRef {
    const cmap = this.document.ref();
    const toHex = (n: number) => `0000${n.toString(16)}`.slice(-4);
    const entries: string[] = [];
    for (const codePoints of this.unicode) {
      const encoded: string[] = [];
      for (let value of codePoints ?? []) {
        if (value > 0xffff) {
          value -= 0x10000;
          encoded.push(toHex(((value >>> 10) & 0x3ff) | 0xd800));
          value = 0xdc00 | (value & 0x3ff);
        }
        encoded.push(toHex(value));
      }
      entries.push(`<${encoded.join(" ")}>`);
    }
    const chunkSize = 256;
    const ranges: string[] = [];
    for (let start = 0; start < entries.length; start += chunkSize) {
      const end = Math.min(start + chunkSize, entries.length);
      ranges.push(`<${toHex(start)}> <${toHex(end - 1)}> [${entries.slice(start, end).join(" ")}]`);
    }
    cmap.end(`/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo <<
  /Registry (Adobe)
  /Ordering (UCS)
  /Supplement 0
>> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<0000><ffff>
endcodespacerange
${ranges.length} beginbfrange
${ranges.join("\n")}
endbfrange
endcmap
CMapName currentdict /CMap defineresource pop
end
end`);
    return cmap;
  }
}
