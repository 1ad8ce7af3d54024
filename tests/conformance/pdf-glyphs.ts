/**
 * Which glyph a PDF draws for each character, to tell a real glyph from a missing one: pdftotext
 * gives back the text of a box or a blank as well as of a letter, so this reads the PDF itself.
 * The PDF is first written out uncompressed by qpdf (--qdf); then, for each page and the forms it
 * draws, every text-showing operator's codes are looked up in its font's ToUnicode map (the
 * character) and in the embedded font program (the glyph, read with fontkit). A character is
 * missing when its glyph is .notdef (0) or has no outline (a space drawn for a letter).
 *
 * Written for the PDFs LibreOffice exports: simple TrueType fonts and Type0 fonts with
 * Identity-H encoding and CIDFontType2 descendants.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type * as Fontkit from "fontkit";

const fontkit = createRequire(import.meta.url)("fontkit") as typeof Fontkit;

export interface DrawnChar {
  char: string;
  font: string;
  glyph: number;
  /** .notdef or a glyph with no outline */
  missing: boolean;
}

interface PdfObject {
  dict: string;
  stream?: Buffer;
}

function objects(qdf: Buffer): Map<number, PdfObject> {
  const s = qdf.toString("latin1");
  const out = new Map<number, PdfObject>();
  for (const m of s.matchAll(/\n(\d+) 0 obj\n([\s\S]*?)\nendobj/g)) {
    const body = m[2];
    const at = body.indexOf("\nstream\n");
    if (at < 0) out.set(Number(m[1]), { dict: body });
    else {
      const end = body.lastIndexOf("endstream");
      // qdf ends stream data with a newline of its own before endstream
      let data = body.slice(at + 8, end);
      if (data.endsWith("\n")) data = data.slice(0, -1);
      out.set(Number(m[1]), { dict: body.slice(0, at), stream: Buffer.from(data, "latin1") });
    }
  }
  return out;
}

const ref = (dict: string, key: string) => {
  const m = new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(dict);
  return m ? Number(m[1]) : undefined;
};

/** The text of a dictionary value (inline << ... >>, or the referenced object's). */
function dictValue(objs: Map<number, PdfObject>, dict: string, key: string): string | undefined {
  const r = ref(dict, key);
  if (r !== undefined) return objs.get(r)?.dict;
  const at = new RegExp(`/${key}\\s*<<`).exec(dict);
  if (!at) return undefined;
  let depth = 0;
  for (let i = at.index + at[0].length - 2; i < dict.length; i++) {
    if (dict.startsWith("<<", i)) (depth++, i++);
    else if (dict.startsWith(">>", i)) {
      depth--;
      i++;
      if (depth === 0) return dict.slice(at.index + at[0].length - 2, i + 1);
    }
  }
  return undefined;
}

/** /Name N 0 R entries of a dictionary. */
const namedRefs = (dict: string | undefined) => new Map([...(dict ?? "").matchAll(/\/([^\s/<>[\]()]+)\s+(\d+) 0 R/g)].map((m) => [m[1], Number(m[2])]));

const hex = (h: string) => Buffer.from(h.replace(/\s+/g, "").padEnd(Math.ceil(h.replace(/\s+/g, "").length / 2) * 2, "0"), "hex");

/** A ToUnicode CMap: code -> text. */
function toUnicode(cmap: string): Map<number, string> {
  const out = new Map<number, string>();
  const text = (h: string) => hex(h).swap16().toString("utf16le");
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) out.set(parseInt(m[1], 16), text(m[2]));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(<[0-9a-fA-F]+>|\[[^\]]*\])/g)) {
      const lo = parseInt(m[1], 16);
      const hi = parseInt(m[2], 16);
      if (m[3].startsWith("[")) [...m[3].matchAll(/<([0-9a-fA-F]+)>/g)].forEach((d, i) => out.set(lo + i, text(d[1])));
      else {
        const base = hex(m[3].slice(1, -1)).swap16();
        for (let c = lo; c <= hi; c++) {
          const b = Buffer.from(base);
          b.writeUInt16LE(b.readUInt16LE(b.length - 2) + (c - lo), b.length - 2);
          out.set(c, b.toString("utf16le"));
        }
      }
    }
  }
  return out;
}

interface FontInfo {
  name: string;
  twoByte: boolean;
  unicode: Map<number, string>;
  glyphOf: (code: number) => { id: number; empty: boolean };
}

function fontInfo(objs: Map<number, PdfObject>, id: number): FontInfo {
  const dict = objs.get(id)!.dict;
  const name = /\/BaseFont\s*\/([^\s/<>]+)/.exec(dict)?.[1] ?? `font ${id}`;
  const twoByte = /\/Subtype\s*\/Type0/.test(dict);
  const cidFont = twoByte ? objs.get(Number(/\/DescendantFonts\s*\[\s*(\d+) 0 R/.exec(dict)![1]))!.dict : dict;
  const descriptor = objs.get(ref(cidFont, "FontDescriptor")!)!.dict;
  const file = ref(descriptor, "FontFile2");
  const program = file !== undefined ? (fontkit.create(objs.get(file)!.stream!) as Fontkit.Font) : undefined;
  const unicodeRef = ref(dict, "ToUnicode");
  const unicode = unicodeRef !== undefined ? toUnicode(objs.get(unicodeRef)!.stream!.toString("latin1")) : new Map<number, string>();
  // a simple TrueType font maps its one-byte codes to glyphs in its own cmap: LibreOffice writes a
  // (1,0) format 0 table (fontkit's glyphForCodePoint would take the code for Unicode and convert it)
  type CodeMap = { get(i: number): number };
  const cmaps = (program as unknown as { cmap?: { tables: { platformID: number; encodingID: number; table: { codeMap?: CodeMap } }[] } })?.cmap?.tables ?? [];
  const byteMap = cmaps.find((t) => t.platformID === 1 && t.encodingID === 0 && t.table.codeMap)?.table.codeMap; // fontkit's lazy array
  const glyphOf = (code: number) => {
    if (!program) return { id: -1, empty: false }; // not embedded: nothing to check here
    // Identity CIDToGIDMap (or none): the CID is the glyph id
    const id = twoByte ? code : byteMap ? (byteMap.get(code) ?? 0) : program.glyphForCodePoint(code).id;
    return { id, empty: id === 0 || program.getGlyph(id).path.commands.length === 0 };
  };
  return { name, twoByte, unicode, glyphOf };
}

/** Literal and hex strings of a TJ array or a Tj operand, as bytes. */
function strings(operand: string): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 0; i < operand.length; i++) {
    if (operand[i] === "<") {
      const end = operand.indexOf(">", i);
      out.push(hex(operand.slice(i + 1, end)));
      i = end;
    } else if (operand[i] === "(") {
      const bytes: number[] = [];
      let depth = 1;
      for (i++; i < operand.length && depth > 0; i++) {
        const c = operand[i];
        if (c === "\\") {
          const n = operand[++i];
          const esc: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12 };
          if (n in esc) bytes.push(esc[n]);
          else if (/[0-7]/.test(n)) {
            let oct = n;
            while (oct.length < 3 && /[0-7]/.test(operand[i + 1])) oct += operand[++i];
            bytes.push(parseInt(oct, 8));
          } else bytes.push(n.charCodeAt(0));
        } else if (c === "(") (depth++, bytes.push(40));
        else if (c === ")") {
          if (--depth > 0) bytes.push(41);
        } else bytes.push(c.charCodeAt(0));
      }
      i--;
      out.push(Buffer.from(bytes));
    }
  }
  return out;
}

/** Every character the PDF's pages draw, in content order, with the glyph drawn for it. */
export function drawnChars(pdf: string): DrawnChar[] {
  const dir = mkdtempSync(join(tmpdir(), "undoc-qdf-"));
  try {
    const out = join(dir, "q.pdf");
    try {
      execFileSync("qpdf", ["--qdf", "--object-streams=disable", pdf, out], { stdio: "pipe" });
    } catch (e) {
      if ((e as { status?: number }).status !== 3) throw e; // 3: warnings only
    }
    const objs = objects(readFileSync(out));
    const fonts = new Map<number, FontInfo>();
    const drawn: DrawnChar[] = [];
    const run = (content: Buffer, resources: string | undefined, seen: Set<number>) => {
      const fontRefs = namedRefs(resources && dictValue(objs, resources, "Font"));
      const xobjects = namedRefs(resources && dictValue(objs, resources, "XObject"));
      const text = content.toString("latin1");
      let font: FontInfo | undefined;
      const ops = /\/([^\s/<>[\]()]+)\s+[-\d.]+\s+Tf|(\[(?:[^\]\\]|\\.)*\]|<[0-9a-fA-F\s]*>|\((?:[^()\\]|\\.|\((?:[^()\\]|\\.)*\))*\))\s*(Tj|TJ|'|")|\/([^\s/<>[\]()]+)\s+Do/g;
      for (const m of text.matchAll(ops)) {
        if (m[1]) {
          const id = fontRefs.get(m[1]);
          if (id === undefined) throw new Error(`no font ${m[1]} in the resources`);
          if (!fonts.has(id)) fonts.set(id, fontInfo(objs, id));
          font = fonts.get(id);
        } else if (m[2] && font) {
          for (const bytes of strings(m[2])) {
            for (let i = 0; i < bytes.length; i += font.twoByte ? 2 : 1) {
              const code = font.twoByte ? bytes.readUInt16BE(i) : bytes[i];
              const g = font.glyphOf(code);
              drawn.push({ char: font.unicode.get(code) ?? "\uFFFD", font: font.name, glyph: g.id, missing: g.empty });
            }
          }
        } else if (m[4]) {
          const id = xobjects.get(m[4]);
          const x = id !== undefined ? objs.get(id) : undefined;
          if (id !== undefined && x?.stream && /\/Subtype\s*\/Form/.test(x.dict) && !seen.has(id)) run(x.stream, dictValue(objs, x.dict, "Resources") ?? resources, new Set([...seen, id]));
        }
      }
    };
    for (const [, o] of [...objs].sort(([a], [b]) => a - b)) {
      if (!/\/Type\s*\/Page\b/.test(o.dict)) continue;
      const resources = dictValue(objs, o.dict, "Resources");
      const contents = /\/Contents\s*\[([^\]]*)\]/.exec(o.dict)?.[1].match(/(\d+) 0 R/g)?.map((r) => Number(r.split(" ")[0])) ?? [ref(o.dict, "Contents")!];
      run(Buffer.concat(contents.map((c) => objs.get(c)!.stream!)), resources, new Set());
    }
    return drawn;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The characters of `text` (spaces left out) that the PDF never draws with a real glyph. */
export function missingGlyphs(drawn: DrawnChar[], text: string): string[] {
  const good = new Set(drawn.filter((d) => !d.missing).map((d) => d.char));
  return [...new Set([...text].filter((c) => c.trim() && !good.has(c)))];
}
