/**
 * A standalone subset of a TrueType face, for embedding in a DOCX (where Word and LibreOffice set
 * the text themselves): the glyphs of some characters, renumbered in the face's order, with the
 * tables an application needs to use the font on its own (cmap, head, hhea, hmtx, maxp, loca,
 * glyf, name, OS/2, post, the hinting programs) and the face's width and vertical variants.
 *
 * OpenType layout is kept where it is simple: every single substitution (GSUB type 1: fwid, hwid,
 * pwid, vert, vrt2...) and single adjustment (GPOS type 1: halt, palt, vhal, vpal), for the kept
 * glyphs, with the glyphs they lead to added to the subset. Ligatures, contextual lookups and pair
 * kerning are left out (Word does not apply them to Chinese text; the Latin faces go in whole by
 * default). Read from the same tables as the PDF's subsets (sfnt.ts); deterministic: the same
 * face and characters give the same bytes.
 */
import type { Sfnt } from "./sfnt.js";
import { compositeComponents } from "./sfnt.js";
import { sfntFile } from "./pdf-subset.js";

type View = DataView;

/** Calls `each` with every (glyph, coverage index) of a Coverage table, in the table's order (no pairs allocated). */
function forCoverage(v: View, at: number, each: (g: number, k: number) => void): void {
  const format = v.getUint16(at);
  const count = v.getUint16(at + 2);
  if (format === 1) for (let i = 0; i < count; i++) each(v.getUint16(at + 4 + i * 2), i);
  else if (format === 2) {
    for (let i = 0; i < count; i++) {
      const r = at + 4 + i * 6;
      const start = v.getUint16(r);
      const end = v.getUint16(r + 2);
      const index = v.getUint16(r + 4) - start;
      for (let g = start; g <= end; g++) each(g, index + g);
    }
  }
}

const VALUE_BITS = 0x000f; // XPlacement, YPlacement, XAdvance, YAdvance (device tables dropped)
const valueSize = (format: number) => {
  let n = 0;
  for (let b = format; b; b >>= 1) n += b & 1;
  return n * 2;
};

/** A value record's placement and advance fields (XPlacement, YPlacement, XAdvance, YAdvance; 0 when absent). */
function readValues(v: View, at: number, format: number): number[] {
  const out = [0, 0, 0, 0];
  let p = at;
  for (let bit = 0; bit < 8; bit++) {
    if (!(format & (1 << bit))) continue;
    if (bit < 4) out[bit] = v.getInt16(p);
    p += 2;
  }
  return out;
}

interface SingleLookup {
  /** glyph -> substitute (GSUB) */
  subst?: Map<number, number>;
  /** glyph -> XPlacement, YPlacement, XAdvance, YAdvance (GPOS); `format` the fields any subtable has */
  adjust?: Map<number, number[]>;
  format?: number;
}

interface SimpleLayout {
  /** feature tag -> indices into `lookups` */
  features: Map<string, number[]>;
  lookups: SingleLookup[];
  scripts: string[];
}

/** The single-substitution (or single-adjustment) lookups of a GSUB (GPOS) table, and the features that use only them. */
function singleLookups(table: Uint8Array | undefined, gsub: boolean): SimpleLayout | undefined {
  if (!table) return undefined;
  const v = new DataView(table.buffer, table.byteOffset, table.byteLength);
  const scriptList = v.getUint16(4);
  const featureList = v.getUint16(6);
  const lookupList = v.getUint16(8);
  const scripts: string[] = [];
  for (let s = 0; s < v.getUint16(scriptList); s++) {
    const rec = scriptList + 2 + s * 6;
    scripts.push(String.fromCharCode(...table.subarray(rec, rec + 4)));
  }
  const lookupCache = new Map<number, SingleLookup | null>();
  const read = (index: number): SingleLookup | null => {
    if (lookupCache.has(index)) return lookupCache.get(index)!;
    const at = lookupList + v.getUint16(lookupList + 2 + index * 2);
    const lookupType = v.getUint16(at);
    const count = v.getUint16(at + 4);
    const out: SingleLookup = gsub ? { subst: new Map() } : { adjust: new Map() };
    let ok = true;
    for (let i = 0; i < count && ok; i++) {
      let sub = at + v.getUint16(at + 6 + i * 2);
      let type = lookupType;
      if (type === (gsub ? 7 : 9)) {
        type = v.getUint16(sub + 2);
        sub += v.getUint32(sub + 4);
      }
      if (type !== 1) {
        ok = false;
        break;
      }
      const format = v.getUint16(sub);
      const cov = sub + v.getUint16(sub + 2);
      if (gsub) {
        const subst = out.subst!;
        const delta = format === 1 ? v.getInt16(sub + 4) : 0;
        forCoverage(v, cov, (g, k) => {
          if (subst.has(g)) return; // the first subtable covering a glyph wins
          subst.set(g, format === 1 ? (g + delta) & 0xffff : v.getUint16(sub + 6 + k * 2));
        });
      } else {
        const adjust = out.adjust!;
        const valueFormat = v.getUint16(sub + 4);
        // subtables of one lookup may carry different fields: the lookup writes all of them
        out.format = (out.format ?? 0) | (valueFormat & VALUE_BITS);
        const size = valueSize(valueFormat);
        forCoverage(v, cov, (g, k) => {
          if (adjust.has(g)) return;
          adjust.set(g, readValues(v, format === 1 ? sub + 6 : sub + 8 + k * size, valueFormat));
        });
      }
    }
    const result = ok ? out : null;
    lookupCache.set(index, result);
    return result;
  };
  const features = new Map<string, number[]>();
  const lookups: SingleLookup[] = [];
  const newIndex = new Map<number, number>();
  const records: [string, number][] = [];
  for (let f = 0; f < v.getUint16(featureList); f++) {
    const rec = featureList + 2 + f * 6;
    records.push([String.fromCharCode(...table.subarray(rec, rec + 4)), featureList + v.getUint16(rec + 4)]);
  }
  for (const [tag, at] of records) {
    const indices = Array.from({ length: v.getUint16(at + 2) }, (_, i) => v.getUint16(at + 4 + i * 2));
    if (!indices.length || !indices.every((i) => read(i))) continue;
    const mapped = indices.map((i) => {
      if (!newIndex.has(i)) {
        newIndex.set(i, lookups.length);
        lookups.push(read(i)!);
      }
      return newIndex.get(i)!;
    });
    // a tag listed twice (per language system) keeps the union of its lookups
    features.set(tag, [...new Set([...(features.get(tag) ?? []), ...mapped])].sort((a, b) => a - b));
  }
  return features.size ? { features, lookups, scripts } : undefined;
}

class Writer {
  bytes: number[] = [];
  u16(n: number): this {
    this.bytes.push((n >> 8) & 0xff, n & 0xff);
    return this;
  }
  i16(n: number): this {
    return this.u16(n & 0xffff);
  }
  u32(n: number): this {
    return this.u16((n >>> 16) & 0xffff).u16(n & 0xffff);
  }
  tag(s: string): this {
    for (let i = 0; i < 4; i++) this.bytes.push(s.charCodeAt(i));
    return this;
  }
  get length(): number {
    return this.bytes.length;
  }
  patch16(at: number, n: number): void {
    this.bytes[at] = (n >> 8) & 0xff;
    this.bytes[at + 1] = n & 0xff;
  }
  append(other: Writer): void {
    for (const b of other.bytes) this.bytes.push(b);
  }
  done(): Uint8Array {
    return Uint8Array.from(this.bytes);
  }
}

function coverageTable(glyphs: number[]): Writer {
  const w = new Writer().u16(1).u16(glyphs.length);
  for (const g of glyphs) w.u16(g);
  return w;
}

/**
 * A GSUB or GPOS table of single lookups over the new glyph ids: every script with a default
 * language system that has every feature, features in tag order, one subtable per lookup.
 */
function layoutTable(layout: SimpleLayout, gsub: boolean, order: number[], newId: Map<number, number>): Uint8Array | undefined {
  // the lookups over kept glyphs only, by new glyph id (`order` is the kept glyphs, increasing)
  const lookups = layout.lookups.map((l) => {
    if (gsub) {
      const subst = l.subst!;
      const pairs: [number, number][] = [];
      for (const g of order) {
        const s = subst.get(g);
        const ns = s === undefined ? undefined : newId.get(s);
        if (ns !== undefined) pairs.push([newId.get(g)!, ns]);
      }
      return pairs;
    }
    const adjust = l.adjust!;
    const vals: [number, number[]][] = [];
    for (const g of order) {
      const a = adjust.get(g);
      if (a) vals.push([newId.get(g)!, a]);
    }
    return vals;
  });
  const tags = [...layout.features.keys()].sort();
  const featureLookups = tags.map((t) => layout.features.get(t)!.filter((i) => lookups[i].length > 0));
  const used = tags.map((_, i) => featureLookups[i].length > 0);
  const keptTags = tags.filter((_, i) => used[i]);
  if (!keptTags.length) return undefined;
  const keptFeatures = featureLookups.filter((_, i) => used[i]);

  // ScriptList
  const scripts = [...new Set(layout.scripts.length ? layout.scripts : ["DFLT"])].sort();
  const scriptList = new Writer().u16(scripts.length);
  const langSysSize = 6 + keptTags.length * 2;
  scripts.forEach((tag, i) => scriptList.tag(tag).u16(2 + scripts.length * 6 + i * (4 + langSysSize)));
  for (let i = 0; i < scripts.length; i++) {
    scriptList.u16(4).u16(0); // Script: default LangSys right after, no others
    scriptList.u16(0).u16(0xffff).u16(keptTags.length); // LangSys: no required feature
    keptTags.forEach((_, k) => scriptList.u16(k));
  }
  // FeatureList
  const featureList = new Writer().u16(keptTags.length);
  let at = 2 + keptTags.length * 6;
  keptTags.forEach((tag, i) => {
    featureList.tag(tag).u16(at);
    at += 4 + keptFeatures[i].length * 2;
  });
  for (const ls of keptFeatures) {
    featureList.u16(0).u16(ls.length);
    for (const l of ls) featureList.u16(l);
  }
  // LookupList: every lookup keeps its index (an empty one has no subtable)
  const lookupList = new Writer().u16(lookups.length);
  const bodies = lookups.map((entries, i) => {
    const lookup = new Writer().u16(1).u16(0);
    if (!entries.length) return lookup.u16(0);
    lookup.u16(1).u16(8); // one subtable, right after this header
    const sub = new Writer();
    if (gsub) {
      const pairs = entries as [number, number][];
      sub.u16(2).u16(6 + pairs.length * 2).u16(pairs.length);
      for (const [, s] of pairs) sub.u16(s);
      sub.append(coverageTable(pairs.map(([g]) => g)));
    } else {
      const vals = entries as [number, number[]][];
      const format = layout.lookups[i].format ?? 0;
      const size = valueSize(format);
      sub.u16(2).u16(8 + vals.length * size).u16(format).u16(vals.length);
      for (const [, vs] of vals) for (let bit = 0; bit < 4; bit++) if (format & (1 << bit)) sub.i16(vs[bit]);
      sub.append(coverageTable(vals.map(([g]) => g)));
    }
    lookup.append(sub);
    return lookup;
  });
  let offset = 2 + lookups.length * 2;
  for (const b of bodies) {
    lookupList.u16(offset);
    offset += b.length;
  }
  for (const b of bodies) lookupList.append(b);

  const out = new Writer().u16(1).u16(0);
  out.u16(10).u16(10 + scriptList.length).u16(10 + scriptList.length + featureList.length);
  out.append(scriptList);
  out.append(featureList);
  out.append(lookupList);
  return out.done();
}

/** cmap with a format 4 subtable (Unicode BMP, for both platforms) and, past the BMP, format 12. */
function cmapTable(pairs: [number, number][]): Uint8Array {
  const bmp = pairs.filter(([cp]) => cp <= 0xffff);
  // segments: runs of consecutive code points with consecutive glyphs
  const segs: { start: number; end: number; delta: number }[] = [];
  for (const [cp, gid] of bmp) {
    const last = segs[segs.length - 1];
    if (last && cp === last.end + 1 && ((gid - cp) & 0xffff) === last.delta) last.end = cp;
    else segs.push({ start: cp, end: cp, delta: (gid - cp) & 0xffff });
  }
  segs.push({ start: 0xffff, end: 0xffff, delta: 1 });
  const n = segs.length;
  const power = 2 ** Math.floor(Math.log2(n));
  const f4 = new Writer().u16(4).u16(16 + n * 8).u16(0).u16(n * 2).u16(power * 2).u16(Math.log2(power)).u16(n * 2 - power * 2);
  for (const s of segs) f4.u16(s.end);
  f4.u16(0);
  for (const s of segs) f4.u16(s.start);
  for (const s of segs) f4.u16(s.delta);
  for (let i = 0; i < n; i++) f4.u16(0);
  const wide = pairs.length > bmp.length;
  const f12 = new Writer();
  if (wide) {
    const groups: { start: number; end: number; gid: number }[] = [];
    for (const [cp, gid] of pairs) {
      const last = groups[groups.length - 1];
      if (last && cp === last.end + 1 && gid === last.gid + (cp - last.start)) last.end = cp;
      else groups.push({ start: cp, end: cp, gid });
    }
    f12.u16(12).u16(0).u32(16 + groups.length * 12).u32(0).u32(groups.length);
    for (const g of groups) f12.u32(g.start).u32(g.end).u32(g.gid);
  }
  const records = wide ? 3 : 2;
  const head = 4 + records * 8;
  const out = new Writer().u16(0).u16(records);
  out.u16(0).u16(3).u32(head); // Unicode BMP
  out.u16(3).u16(1).u32(head); // Windows Unicode BMP (the same subtable)
  if (wide) out.u16(3).u16(10).u32(head + f4.length);
  out.append(f4);
  if (wide) out.append(f12);
  return out.done();
}

/** Each face's single lookups, read once per process. */
const layouts = new WeakMap<Sfnt, { gsub?: SimpleLayout; gpos?: SimpleLayout }>();

/** The subset of `font` holding the glyphs of `codePoints` (those it has), as a standalone TrueType font. */
export function standaloneSubset(font: Sfnt, codePoints: Iterable<number>): Uint8Array {
  return sfntFile("\x00\x01\x00\x00", standaloneSubsetTables(font, codePoints), true);
}

/** standaloneSubset's tables, in tag order, before they are written out (a caller may replace one: the DOCX writer renames the face). */
export function standaloneSubsetTables(font: Sfnt, codePoints: Iterable<number>): [string, Uint8Array][] {
  if (!font.has("glyf")) throw new Error("only TrueType (glyf) faces can be subset");
  let layout = layouts.get(font);
  if (!layout) layouts.set(font, (layout = { gsub: singleLookups(font.table("GSUB"), true), gpos: singleLookups(font.table("GPOS"), false) }));
  const { gsub, gpos } = layout;
  const cmap: [number, number][] = [];
  for (const cp of [...new Set(codePoints)].sort((a, b) => a - b)) {
    const gid = font.glyphId(cp);
    if (gid) cmap.push([cp, gid]);
  }
  // the glyphs: .notdef, the characters', what single substitutions lead to, composites' parts
  const keep = new Set<number>([0, ...cmap.map(([, g]) => g)]);
  // each kept glyph visited once (a work list): what its substitutions lead to, its components
  const pending = [...keep];
  const add = (g: number) => {
    if (g < font.numGlyphs && !keep.has(g)) {
      keep.add(g);
      pending.push(g);
    }
  };
  for (let i = 0; i < pending.length; i++) {
    const g = pending[i];
    if (gsub) {
      for (const l of gsub.lookups) {
        const s = l.subst!.get(g);
        if (s !== undefined) add(s);
      }
    }
    for (const c of font.components(g)) add(c.gid);
  }
  const order = [...keep].sort((a, b) => a - b);
  const newId = new Map(order.map((g, i) => [g, i]));
  const count = order.length;

  // glyf and loca
  const datas = order.map((g) => {
    let data = font.glyphData(g);
    const comps = compositeComponents(data);
    if (comps.length) {
      data = data.slice();
      const v = new DataView(data.buffer, data.byteOffset, data.byteLength);
      for (const c of comps) v.setUint16(c.pos, newId.get(c.gid)!);
    }
    return data;
  });
  const padded = datas.map((d) => (d.length + 1) & ~1); // glyphs on even offsets (short loca)
  const glyfSize = padded.reduce((a, b) => a + b, 0);
  const long = glyfSize > 0x1fffe;
  const glyf = new Uint8Array(glyfSize);
  const loca = new Uint8Array((count + 1) * (long ? 4 : 2));
  const lv = new DataView(loca.buffer);
  let at = 0;
  datas.forEach((d, i) => {
    long ? lv.setUint32(i * 4, at) : lv.setUint16(i * 2, at >> 1);
    glyf.set(d, at);
    at += padded[i];
  });
  long ? lv.setUint32(count * 4, at) : lv.setUint16(count * 2, at >> 1);

  const copy = (tag: string) => font.table(tag)?.slice();
  const head = copy("head")!;
  const hv = new DataView(head.buffer);
  hv.setInt16(50, long ? 1 : 0);
  const maxp = copy("maxp")!;
  new DataView(maxp.buffer).setUint16(4, count);
  const hhea = copy("hhea")!;
  new DataView(hhea.buffer).setUint16(34, count);
  const hmtx = new Uint8Array(count * 4);
  const mv = new DataView(hmtx.buffer);
  order.forEach((g, i) => {
    mv.setUint16(i * 4, font.advance(g));
    mv.setInt16(i * 4 + 2, font.leftBearing(g));
  });
  const tables: [string, Uint8Array][] = [
    ["cmap", cmapTable(cmap.map(([cp, g]) => [cp, newId.get(g)!]))],
    ["glyf", glyf],
    ["head", head],
    ["hhea", hhea],
    ["hmtx", hmtx],
    ["loca", loca],
    ["maxp", maxp],
  ];
  const name = copy("name");
  if (name) tables.push(["name", name]);
  const os2 = copy("OS/2");
  if (os2) {
    const ov = new DataView(os2.buffer);
    if (cmap.length && os2.length >= 68) {
      ov.setUint16(64, Math.min(cmap[0][0], 0xffff));
      ov.setUint16(66, Math.min(cmap[cmap.length - 1][0], 0xffff));
    }
    tables.push(["OS/2", os2]);
  }
  const post = copy("post");
  if (post && post.length >= 32) {
    // version 3: no glyph names
    const p = post.slice(0, 32);
    new DataView(p.buffer).setUint32(0, 0x00030000);
    tables.push(["post", p]);
  }
  for (const tag of ["cvt ", "fpgm", "prep", "gasp"]) {
    const t = copy(tag);
    if (t) tables.push([tag, t]);
  }
  const vhea = copy("vhea");
  const vmtxSrc = font.table("vmtx");
  if (vhea && vmtxSrc) {
    const vv = new DataView(vhea.buffer);
    const longMetrics = vv.getUint16(34);
    const src = new DataView(vmtxSrc.buffer, vmtxSrc.byteOffset, vmtxSrc.byteLength);
    const vmtx = new Uint8Array(count * 4);
    const ov = new DataView(vmtx.buffer);
    order.forEach((g, i) => {
      const adv = src.getUint16(Math.min(g, longMetrics - 1) * 4);
      const tsbAt = g < longMetrics ? g * 4 + 2 : longMetrics * 4 + (g - longMetrics) * 2;
      ov.setUint16(i * 4, adv);
      ov.setInt16(i * 4 + 2, tsbAt + 2 <= vmtxSrc.length ? src.getInt16(tsbAt) : 0);
    });
    vv.setUint16(34, count);
    tables.push(["vhea", vhea], ["vmtx", vmtx]);
  }
  const gsubOut = gsub && layoutTable(gsub, true, order, newId);
  if (gsubOut) tables.push(["GSUB", gsubOut]);
  const gposOut = gpos && layoutTable(gpos, false, order, newId);
  if (gposOut) tables.push(["GPOS", gposOut]);
  // the directory in tag order (binary search by tag needs it)
  tables.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return tables;
}
