/**
 * The font folder Typst is pointed at in the benchmark.
 *
 * Typst should use exactly the faces in fonts/. One problem: the CJK faces there carry only
 * format-4 `cmap` subtables whose glyph array maps many ideographs to glyph ids above 32767
 * (表 -> 36026, 随 -> 42469, ...). ttf-parser, which Typst uses, rejects such entries (it adds
 * idDelta to the glyph id as a signed 16-bit number), so Typst 0.14 (typst-ts-node-compiler
 * 0.7.0) draws .notdef boxes for about a third of the text. Real Noto CJK fonts avoid this with
 * a format-12 subtable, which ttf-parser reads correctly.
 *
 * So: when every face in fonts/ already has a format-12 (3,10) subtable, Typst gets fonts/ as
 * it is. Otherwise this module writes copies into bench/.typst-fonts/ whose `cmap` has one more
 * subtable, format 12 (3,10), with exactly the same code point -> glyph mapping as the
 * existing format-4 one; every other table (glyphs, metrics, GSUB, GPOS) is byte-identical.
 * The copies are rebuilt when the source file changes (size and mtime).
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
export const FONTS = join(ROOT, "fonts");
const OUT = join(ROOT, "bench", ".typst-fonts");

function tables(buf) {
  const n = buf.readUInt16BE(4);
  const out = [];
  for (let i = 0; i < n; i++) {
    const r = 12 + 16 * i;
    out.push({ tag: buf.toString("latin1", r, r + 4), offset: buf.readUInt32BE(r + 8), length: buf.readUInt32BE(r + 12) });
  }
  return out;
}

function cmapRecords(cmap) {
  const n = cmap.readUInt16BE(2);
  const out = [];
  for (let i = 0; i < n; i++) {
    const r = 4 + 8 * i;
    const offset = cmap.readUInt32BE(r + 4);
    out.push({ platform: cmap.readUInt16BE(r), encoding: cmap.readUInt16BE(r + 2), offset, format: cmap.readUInt16BE(offset) });
  }
  return out;
}

/** code point -> glyph id of a format-4 subtable at `off` in `cmap`, read by the spec (unsigned). */
function readFormat4(cmap, off) {
  const segX2 = cmap.readUInt16BE(off + 6);
  const seg = segX2 / 2;
  const ends = off + 14;
  const starts = ends + segX2 + 2;
  const deltas = starts + segX2;
  const ranges = deltas + segX2;
  const map = new Map();
  for (let i = 0; i < seg; i++) {
    const end = cmap.readUInt16BE(ends + 2 * i);
    const start = cmap.readUInt16BE(starts + 2 * i);
    const delta = cmap.readUInt16BE(deltas + 2 * i);
    const ro = cmap.readUInt16BE(ranges + 2 * i);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let gid;
      if (ro === 0) gid = (c + delta) & 0xffff;
      else {
        gid = cmap.readUInt16BE(ranges + 2 * i + ro + 2 * (c - start));
        if (gid !== 0) gid = (gid + delta) & 0xffff;
      }
      if (gid !== 0) map.set(c, gid);
    }
  }
  return map;
}

function format12(map) {
  const cps = [...map.keys()].sort((a, b) => a - b);
  const groups = [];
  for (const c of cps) {
    const g = map.get(c);
    const last = groups[groups.length - 1];
    if (last && c === last[1] + 1 && g === last[2] + (c - last[0])) last[1] = c;
    else groups.push([c, c, g]);
  }
  const b = Buffer.alloc(16 + 12 * groups.length);
  b.writeUInt16BE(12, 0);
  b.writeUInt32BE(b.length, 4);
  b.writeUInt32BE(groups.length, 12);
  groups.forEach(([s, e, g], i) => {
    b.writeUInt32BE(s, 16 + 12 * i);
    b.writeUInt32BE(e, 20 + 12 * i);
    b.writeUInt32BE(g, 24 + 12 * i);
  });
  return b;
}

const pad4 = (b) => (b.length % 4 === 0 ? b : Buffer.concat([b, Buffer.alloc(4 - (b.length % 4))]));
function checksum(b) {
  const p = pad4(b);
  let sum = 0;
  for (let i = 0; i < p.length; i += 4) sum = (sum + p.readUInt32BE(i)) >>> 0;
  return sum;
}

/** The font with a format-12 (3,10) cmap subtable added; null when it has one or needs none. */
export function withFormat12(buf) {
  const ts = tables(buf);
  const cm = ts.find((t) => t.tag === "cmap");
  const cmap = buf.subarray(cm.offset, cm.offset + cm.length);
  const recs = cmapRecords(cmap);
  if (recs.some((r) => r.format === 12)) return null;
  const f4 = recs.find((r) => r.platform === 3 && r.encoding === 1 && r.format === 4) ?? recs.find((r) => r.format === 4);
  if (!f4) return null;
  const map = readFormat4(cmap, f4.offset);
  // only faces with glyph ids past the signed 16-bit range need it
  if (![...map.values()].some((g) => g > 0x7fff)) return null;
  const sub12 = format12(map);
  const oldHeader = 4 + 8 * recs.length;
  const newHeader = oldHeader + 8;
  const body = pad4(Buffer.from(cmap.subarray(oldHeader)));
  const newRecs = [...recs.map((r) => ({ ...r, offset: r.offset + 8 })), { platform: 3, encoding: 10, offset: newHeader + body.length }].sort(
    (a, b) => a.platform - b.platform || a.encoding - b.encoding,
  );
  const head = Buffer.alloc(newHeader);
  head.writeUInt16BE(0, 0);
  head.writeUInt16BE(newRecs.length, 2);
  newRecs.forEach((r, i) => {
    head.writeUInt16BE(r.platform, 4 + 8 * i);
    head.writeUInt16BE(r.encoding, 6 + 8 * i);
    head.writeUInt32BE(r.offset, 8 + 8 * i);
  });
  const newCmap = Buffer.concat([head, body, sub12]);

  // rebuild the file: same table order, 4-byte aligned, fresh checksums and head.checkSumAdjustment
  const n = ts.length;
  const dir = Buffer.alloc(12 + 16 * n);
  buf.copy(dir, 0, 0, 12);
  const datas = [];
  let offset = dir.length;
  const sorted = [...ts].sort((a, b) => (a.tag < b.tag ? -1 : 1));
  const placed = new Map();
  for (const t of ts) {
    let data = t.tag === "cmap" ? newCmap : Buffer.from(buf.subarray(t.offset, t.offset + t.length));
    if (t.tag === "head") data.writeUInt32BE(0, 8);
    placed.set(t.tag, { offset, length: data.length, sum: checksum(data) });
    datas.push(pad4(data));
    offset += pad4(data).length;
  }
  sorted.forEach((t, i) => {
    const p = placed.get(t.tag);
    const r = 12 + 16 * i;
    dir.write(t.tag, r, "latin1");
    dir.writeUInt32BE(p.sum, r + 4);
    dir.writeUInt32BE(p.offset, r + 8);
    dir.writeUInt32BE(p.length, r + 12);
  });
  const out = Buffer.concat([dir, ...datas]);
  const headAt = placed.get("head").offset;
  out.writeUInt32BE((0xb1b0afba - checksum(out)) >>> 0, headAt + 8);
  return out;
}

/**
 * The folder to give Typst (fontPaths), and whether its faces were patched. Patched copies are
 * cached in bench/.typst-fonts/ and rebuilt when a source font changes.
 */
export function typstFontDir() {
  const files = readdirSync(FONTS).filter((f) => /\.(ttf|otf)$/i.test(f));
  const stamp = files.map((f) => `${f}:${statSync(join(FONTS, f)).size}:${statSync(join(FONTS, f)).mtimeMs}`).join("\n");
  const stampFile = join(OUT, "SOURCE");
  if (existsSync(stampFile) && readFileSync(stampFile, "utf8") === stamp) {
    const patched = readFileSync(join(OUT, "PATCHED"), "utf8").split("\n").filter(Boolean);
    return { dir: patched.length ? OUT : FONTS, patched };
  }
  mkdirSync(OUT, { recursive: true });
  const patched = [];
  for (const f of files) {
    const src = readFileSync(join(FONTS, f));
    const fixed = withFormat12(src);
    if (fixed) patched.push(f);
    writeFileSync(join(OUT, f), fixed ?? src);
  }
  writeFileSync(join(OUT, "PATCHED"), patched.join("\n"));
  writeFileSync(stampFile, stamp);
  return { dir: patched.length ? OUT : FONTS, patched };
}
