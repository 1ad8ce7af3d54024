/**
 * The few things the DOCX writer reads from or changes in a TrueType font (OpenType spec,
 * "Font file" and the name and OS/2 tables): the OS/2 signature and PANOSE that Word's font table
 * carries (ECMA-376 Part 1 §17.8.3.16, §17.8.3.13), and a renamed copy of a subset face, so an
 * embedded subset never takes the name of a face a user has installed (see fonts.ts).
 */

interface TableRecord {
  tag: string;
  offset: number;
  length: number;
}

function tables(font: Uint8Array): TableRecord[] {
  const v = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const count = v.getUint16(4);
  const out: TableRecord[] = [];
  for (let i = 0; i < count; i++) {
    const rec = 12 + i * 16;
    out.push({ tag: String.fromCharCode(...font.subarray(rec, rec + 4)), offset: v.getUint32(rec + 8), length: v.getUint32(rec + 12) });
  }
  return out;
}

function table(font: Uint8Array, tag: string): DataView | undefined {
  const t = tables(font).find((r) => r.tag === tag);
  return t && new DataView(font.buffer, font.byteOffset + t.offset, t.length);
}

const hex8 = (n: number) => (n >>> 0).toString(16).toUpperCase().padStart(8, "0");

/** w:sig: the Unicode ranges and code pages of the font's OS/2 table (Word matches fonts by them). */
export function fontSignature(font: Uint8Array): { usb0: string; usb1: string; usb2: string; usb3: string; csb0: string; csb1: string } | undefined {
  const os2 = table(font, "OS/2");
  if (!os2) return undefined;
  const codePages = os2.getUint16(0) >= 1;
  return {
    usb0: hex8(os2.getUint32(42)),
    usb1: hex8(os2.getUint32(46)),
    usb2: hex8(os2.getUint32(50)),
    usb3: hex8(os2.getUint32(54)),
    csb0: codePages ? hex8(os2.getUint32(78)) : "00000000",
    csb1: codePages ? hex8(os2.getUint32(82)) : "00000000",
  };
}

/** w:panose1: the font's ten PANOSE bytes as hex (Word picks a substitute of the same kind by them). */
export function panose(font: Uint8Array): string | undefined {
  const os2 = table(font, "OS/2");
  if (!os2) return undefined;
  let s = "";
  for (let i = 0; i < 10; i++) s += os2.getUint8(32 + i).toString(16).toUpperCase().padStart(2, "0");
  return s;
}

const utf16 = (s: string) => {
  const out = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) (out[i * 2] = s.charCodeAt(i) >> 8), (out[i * 2 + 1] = s.charCodeAt(i) & 0xff);
  return out;
};
const ascii = (s: string) => Uint8Array.from(s, (c) => (c.charCodeAt(0) < 128 ? c.charCodeAt(0) : 63));

/**
 * The name table with new family names: IDs 1 and 16 (family), 4 (full name), 6 (PostScript
 * name) and 3 (unique id); the other records kept as they are.
 */
function renamedNameTable(name: DataView, family: string, postscript: string): Uint8Array {
  const count = name.getUint16(2);
  const storage = name.getUint16(4);
  const subfamily = (() => {
    for (let i = 0; i < count; i++) {
      const r = 6 + i * 12;
      if (name.getUint16(r + 6) === 2 && name.getUint16(r) === 3) {
        const len = name.getUint16(r + 8);
        const off = storage + name.getUint16(r + 10);
        let s = "";
        for (let k = 0; k < len; k += 2) s += String.fromCharCode(name.getUint16(off + k));
        return s;
      }
    }
    return "Regular";
  })();
  const full = subfamily === "Regular" ? family : `${family} ${subfamily}`;
  const replaced: Record<number, string> = { 1: family, 3: `${postscript};undoc`, 4: full, 6: postscript, 16: family };
  const records: { head: number[]; bytes: Uint8Array }[] = [];
  for (let i = 0; i < count; i++) {
    const r = 6 + i * 12;
    const [platform, encoding, language, id, len, off] = [0, 2, 4, 6, 8, 10].map((k) => name.getUint16(r + k));
    const text = replaced[id];
    const bytes = text === undefined ? new Uint8Array(name.buffer, name.byteOffset + storage + off, len).slice() : platform === 1 ? ascii(text) : utf16(text);
    records.push({ head: [platform, encoding, language, id], bytes });
  }
  const header = 6 + count * 12;
  const size = header + records.reduce((n, r) => n + r.bytes.length, 0);
  const out = new Uint8Array(size);
  const v = new DataView(out.buffer);
  v.setUint16(0, 0);
  v.setUint16(2, count);
  v.setUint16(4, header);
  let at = 0;
  records.forEach((r, i) => {
    const rec = 6 + i * 12;
    r.head.forEach((x, k) => v.setUint16(rec + k * 2, x));
    v.setUint16(rec + 8, r.bytes.length);
    v.setUint16(rec + 10, at);
    out.set(r.bytes, header + at);
    at += r.bytes.length;
  });
  return out;
}

/** A name table (its bytes) with new family names: what renamedFont puts in the copy it writes. */
export function renamedNames(name: Uint8Array, family: string, postscript: string): Uint8Array {
  return renamedNameTable(new DataView(name.buffer, name.byteOffset, name.byteLength), family, postscript);
}

function checksum(data: Uint8Array): number {
  const padded = new Uint8Array((data.length + 3) & ~3);
  padded.set(data);
  const v = new DataView(padded.buffer);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + v.getUint32(i)) >>> 0;
  return sum;
}

/**
 * A copy of a TrueType font whose name table gives it another family name. The tables are
 * written again in the same order, each on a 4-byte boundary, with their checksums and the
 * head table's checkSumAdjustment recomputed (OpenType spec, "Calculating checksums").
 */
export function renamedFont(bytes: Uint8Array, family: string, postscript: string): Uint8Array {
  // a plain view: a Node Buffer's slice() would share (and let this write into) the face's own bytes
  const font = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const recs = tables(font);
  const name = table(font, "name");
  if (!name) throw new Error("font has no name table");
  const datas = recs.map((r) => (r.tag === "name" ? renamedNameTable(name, family, postscript) : font.slice(r.offset, r.offset + r.length)));
  const head = recs.findIndex((r) => r.tag === "head");
  if (head >= 0) new DataView(datas[head].buffer).setUint32(8, 0); // checkSumAdjustment counts as 0 while summing
  const dirSize = 12 + recs.length * 16;
  let size = dirSize;
  const offsets = datas.map((d) => {
    const at = size;
    size += (d.length + 3) & ~3;
    return at;
  });
  const out = new Uint8Array(size);
  out.set(font.subarray(0, 12));
  const v = new DataView(out.buffer);
  recs.forEach((r, i) => {
    const rec = 12 + i * 16;
    out.set(font.subarray(12 + i * 16, 12 + i * 16 + 4), rec); // tag
    v.setUint32(rec + 4, checksum(datas[i]));
    v.setUint32(rec + 8, offsets[i]);
    v.setUint32(rec + 12, datas[i].length);
    out.set(datas[i], offsets[i]);
  });
  if (head >= 0) v.setUint32(offsets[head] + 8, (0xb1b0afba - checksum(out)) >>> 0);
  return out;
}
