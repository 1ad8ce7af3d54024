/**
 * Reading PDFs back in tests, with npm libraries only (no poppler, no qpdf): the one place for it.
 *
 * - `pdfText`: text lines per page, rebuilt from positioned text items (pdfjs-dist): items are
 *   grouped by baseline, sorted by x and joined, with a space only where the gap is wide, as
 *   pdftotext does. Nothing depends on how the writer splits runs into text objects.
 * - `pdfFonts`: the fonts the pages use, like pdffonts (name, type, embedded, subset, ToUnicode),
 *   read from the PDF's own objects.
 * - `pdfInfo`: page count, page sizes, document information.
 * - `pdfStructureProblems`: a structural check in the spirit of `qpdf --check` (cross-reference
 *   table, object offsets, stream lengths), so the default suite keeps one without qpdf.
 * - `renderPage`: a page as RGBA pixels (pdfjs-dist drawing on @napi-rs/canvas), for marks.
 *
 * Coordinates are in points, x from the left edge, y from the top edge down to the baseline.
 */
import { inflateSync } from "node:zlib";
import { linesOf, openPdf, pdfText, WORD_GAP_EM, type TextItem, type TextLine, type TextPage } from "../../scripts/pdf-lines.mjs";

export { linesOf, pdfText };
export type { TextItem, TextLine, TextPage };

export interface Word {
  text: string;
  xMin: number;
  xMax: number;
  /** baseline, from the top of the page */
  y: number;
  fontSize: number;
}

/** The words of a page: a line's text split at white space and at wide gaps (pdftotext -bbox's words). */
export function wordsOf(page: TextPage): Word[] {
  const words: Word[] = [];
  for (const line of page.lines) {
    let cur: Word | undefined;
    for (const item of line.items) {
      const em = item.fontSize || 1;
      // split the item at its spaces, placing each part proportionally along the item's width
      const chars = [...item.text];
      const step = chars.length ? item.width / chars.length : 0;
      chars.forEach((ch, k) => {
        const x = item.x + k * step;
        if (/\s/.test(ch)) {
          if (cur) words.push(cur);
          cur = undefined;
          return;
        }
        if (cur && x - cur.xMax > WORD_GAP_EM * em) {
          words.push(cur);
          cur = undefined;
        }
        if (!cur) cur = { text: "", xMin: x, xMax: x, y: item.y, fontSize: item.fontSize };
        cur.text += ch;
        cur.xMax = x + step;
      });
    }
    if (cur) words.push(cur);
  }
  return words;
}

/** All text with white space removed, NFC: what comparisons with the input use. */
export const squash = (s: string) => s.normalize("NFC").replace(/\s+/gu, "");

/** The lines of a page (1-based), or of all pages, as one string (lines joined by newlines). */
export function textOf(pages: TextPage[], page?: number): string {
  return (page === undefined ? pages : [pages[page - 1]]).map((p) => p.lines.map((l) => l.text).join("\n")).join("\n\f");
}

/**
 * The text block of every page (between the top and bottom margins), squashed, page after page:
 * running headers, folios and first-page footers left out, so a paragraph that crosses a page
 * reads as one. A line belongs to the block when its baseline lies within the margins.
 */
export function bodyTextOf(pages: TextPage[], margin: { top: number; bottom: number }): string {
  return squash(
    pages
      .map((p) =>
        p.lines
          .filter((l) => l.y > margin.top && l.y <= p.height - margin.bottom)
          .map((l) => l.text)
          .join(""),
      )
      .join(""),
  );
}

export interface PdfInfo {
  pages: number;
  /** size of each page in points */
  sizes: Array<{ width: number; height: number }>;
  /** the document information dictionary (Title, Producer, CreationDate, ...) */
  info: Record<string, unknown>;
}

export async function pdfInfo(bytes: Uint8Array): Promise<PdfInfo> {
  const doc = await openPdf(bytes);
  try {
    const sizes = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const [x0, y0, x1, y1] = (await doc.getPage(n)).view;
      sizes.push({ width: round2(x1 - x0), height: round2(y1 - y0) });
    }
    const { info } = await doc.getMetadata();
    return { pages: doc.numPages, sizes, info: info as Record<string, unknown> };
  } finally {
    await doc.destroy();
  }
}

const round2 = (v: number) => Math.round(v * 100) / 100;

/** "D:20231114221320Z" and the like -> ISO 8601 (UTC). */
export function pdfDate(value: unknown): string {
  const m = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|[+-]\d{2}'?\d{2}'?)?/.exec(String(value));
  if (!m) throw new Error(`not a PDF date: ${String(value)}`);
  const [, y, mo = "01", d = "01", h = "00", mi = "00", s = "00"] = m;
  return `${y}-${mo}-${d}T${h}:${mi}:${s}`;
}

export interface RenderedPage {
  width: number;
  height: number;
  /** RGBA, row-major */
  data: Uint8ClampedArray;
}

/** One page (1-based) drawn at `dpi`, on white. */
export async function renderPage(bytes: Uint8Array, pageNumber: number, dpi = 300): Promise<RenderedPage> {
  const { createCanvas } = await import("@napi-rs/canvas");
  const doc = await openPdf(bytes);
  try {
    const page = await doc.getPage(pageNumber);
    const viewport = page.getViewport({ scale: dpi / 72 });
    const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
    const ctx = canvas.getContext("2d");
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    await page.render({ canvas: canvas as unknown as HTMLCanvasElement, canvasContext: ctx as unknown as CanvasRenderingContext2D, viewport }).promise;
    const img = ctx.getImageData(0, 0, canvas.width, canvas.height);
    return { width: img.width, height: img.height, data: img.data };
  } finally {
    await doc.destroy();
  }
}

// ---------------------------------------------------------------------------------------------
// The PDF's objects, read directly: enough of the syntax (ISO 32000-1 §7.3, §7.5) for fonts and a
// structural check. Classic cross-reference tables only (what pdfkit writes); anything else is
// reported as a problem rather than guessed at.

export type PdfValue = number | boolean | null | string | PdfName | PdfRef | PdfValue[] | PdfDict;
export class PdfName {
  constructor(readonly name: string) {}
}
export class PdfRef {
  constructor(
    readonly num: number,
    readonly gen: number,
  ) {}
}
export type PdfDict = Map<string, PdfValue>;

interface PdfObject {
  value: PdfValue;
  /** the stream's bytes, undecoded */
  stream?: Uint8Array;
}

const WS = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIM = new Set([...("()<>[]{}/%".split("").map((c) => c.charCodeAt(0)))]);

export class Lexer {
  constructor(
    private readonly b: Uint8Array,
    public pos: number,
  ) {}

  private skip(): void {
    const b = this.b;
    for (;;) {
      while (this.pos < b.length && WS.has(b[this.pos])) this.pos++;
      if (b[this.pos] !== 0x25) return; // %comment
      while (this.pos < b.length && b[this.pos] !== 0x0a && b[this.pos] !== 0x0d) this.pos++;
    }
  }

  /** the next keyword or number, without consuming it */
  peekWord(): string {
    const save = this.pos;
    this.skip();
    let w = "";
    while (this.pos < this.b.length && !WS.has(this.b[this.pos]) && !DELIM.has(this.b[this.pos])) w += String.fromCharCode(this.b[this.pos++]);
    this.pos = save;
    return w;
  }

  word(): string {
    this.skip();
    let w = "";
    while (this.pos < this.b.length && !WS.has(this.b[this.pos]) && !DELIM.has(this.b[this.pos])) w += String.fromCharCode(this.b[this.pos++]);
    return w;
  }

  value(): PdfValue {
    this.skip();
    const b = this.b;
    const c = b[this.pos];
    if (c === 0x3c && b[this.pos + 1] === 0x3c) {
      this.pos += 2;
      const dict: PdfDict = new Map();
      for (;;) {
        this.skip();
        if (b[this.pos] === 0x3e && b[this.pos + 1] === 0x3e) {
          this.pos += 2;
          return dict;
        }
        const key = this.value();
        if (!(key instanceof PdfName)) throw new Error(`dictionary key is not a name at byte ${this.pos}`);
        dict.set(key.name, this.value());
      }
    }
    if (c === 0x5b) {
      this.pos++;
      const arr: PdfValue[] = [];
      for (;;) {
        this.skip();
        if (b[this.pos] === 0x5d) {
          this.pos++;
          return arr;
        }
        if (this.pos >= b.length) throw new Error("unterminated array");
        arr.push(this.value());
      }
    }
    if (c === 0x2f) {
      this.pos++;
      let n = "";
      while (this.pos < b.length && !WS.has(b[this.pos]) && !DELIM.has(b[this.pos])) n += String.fromCharCode(b[this.pos++]);
      return new PdfName(n.replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))));
    }
    if (c === 0x28) return this.literal();
    if (c === 0x3c) {
      const end = b.indexOf(0x3e, this.pos);
      if (end < 0) throw new Error("unterminated hex string");
      const hex = Buffer.from(b.subarray(this.pos + 1, end)).toString("latin1").replace(/\s+/g, "");
      this.pos = end + 1;
      return Buffer.from(hex.length % 2 ? `${hex}0` : hex, "hex").toString("latin1");
    }
    const w = this.word();
    if (w === "true") return true;
    if (w === "false") return false;
    if (w === "null") return null;
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(w)) {
      // "n g R" is a reference
      if (/^\d+$/.test(w)) {
        const save = this.pos;
        const g = this.word();
        if (/^\d+$/.test(g) && this.word() === "R") return new PdfRef(Number(w), Number(g));
        this.pos = save;
      }
      return Number(w);
    }
    throw new Error(`unexpected "${w || String.fromCharCode(c)}" at byte ${this.pos}`);
  }

  private literal(): string {
    const b = this.b;
    this.pos++; // the opening parenthesis
    let depth = 0;
    let out = "";
    for (;;) {
      if (this.pos >= b.length) throw new Error("unterminated string");
      const c = b[this.pos++];
      if (c === 0x5c) {
        const e = b[this.pos++];
        const esc: Record<number, string> = { 0x6e: "\n", 0x72: "\r", 0x74: "\t", 0x62: "\b", 0x66: "\f", 0x28: "(", 0x29: ")", 0x5c: "\\" };
        if (esc[e] !== undefined) out += esc[e];
        else if (e >= 0x30 && e <= 0x37) {
          let oct = String.fromCharCode(e);
          while (oct.length < 3 && b[this.pos] >= 0x30 && b[this.pos] <= 0x37) oct += String.fromCharCode(b[this.pos++]);
          out += String.fromCharCode(parseInt(oct, 8) & 0xff);
        } else if (e === 0x0d) {
          if (b[this.pos] === 0x0a) this.pos++;
        } else if (e !== 0x0a) out += String.fromCharCode(e);
        continue;
      }
      if (c === 0x28) depth++;
      if (c === 0x29 && depth-- === 0) return out;
      out += String.fromCharCode(c);
    }
  }
}

export interface PdfFile {
  trailer: PdfDict;
  objects: Map<number, PdfObject>;
  /** what is wrong with the file's structure (empty when it is sound) */
  problems: string[];
  get(v: PdfValue | undefined): PdfValue | undefined;
}

/** Reads every object through the cross-reference table, checking offsets and stream lengths as it goes. */
export function readPdfObjects(bytes: Uint8Array): PdfFile {
  const problems: string[] = [];
  const objects = new Map<number, PdfObject>();
  const text = Buffer.from(bytes).toString("latin1");
  let trailer: PdfDict = new Map();
  const file: PdfFile = {
    trailer,
    objects,
    problems,
    get(v) {
      return v instanceof PdfRef ? objects.get(v.num)?.value : v;
    },
  };
  if (!text.startsWith("%PDF-")) problems.push("no %PDF- header");
  const tail = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text.slice(-1024));
  if (!tail) {
    problems.push("no startxref ... %%EOF at the end of the file");
    return file;
  }
  const entries = new Map<number, { offset: number; gen: number }>();
  let size = 0;
  for (let at: number | undefined = Number(tail[1]), hops = 0; at !== undefined && hops < 32; hops++) {
    if (!text.startsWith("xref", at)) {
      problems.push(`startxref (or /Prev) ${at} does not point at a cross-reference table${text.slice(at, at + 40).includes(" obj") ? " (a cross-reference stream: this reader handles tables only)" : ""}`);
      return file;
    }
    const lines: Lexer = new Lexer(bytes, at + 4);
    for (;;) {
      const first = lines.peekWord();
      if (first === "trailer") {
        lines.word();
        break;
      }
      const start = Number(lines.word());
      const count = Number(lines.word());
      if (!Number.isInteger(start) || !Number.isInteger(count)) {
        problems.push(`malformed cross-reference subsection at byte ${lines.pos}`);
        return file;
      }
      for (let k = 0; k < count; k++) {
        const offset = Number(lines.word());
        const gen = Number(lines.word());
        const kind = lines.word();
        if (kind === "n" && !entries.has(start + k)) entries.set(start + k, { offset, gen });
        else if (kind !== "n" && kind !== "f") problems.push(`cross-reference entry ${start + k} has type "${kind}"`);
      }
    }
    const t: PdfValue = lines.value();
    if (!(t instanceof Map)) {
      problems.push("the trailer is not a dictionary");
      return file;
    }
    if (hops === 0) {
      trailer = t;
      file.trailer = t;
      size = Number(t.get("Size"));
    }
    const prev: PdfValue | undefined = t.get("Prev");
    at = typeof prev === "number" ? prev : undefined;
  }
  if (!(trailer.get("Root") instanceof PdfRef)) problems.push("the trailer has no /Root reference");
  for (const [num, { offset, gen }] of entries) {
    if (num >= size) problems.push(`object ${num} is at or beyond the trailer's /Size ${size}`);
    const lex = new Lexer(bytes, offset);
    const head = `${lex.word()} ${lex.word()} ${lex.word()}`;
    if (head !== `${num} ${gen} obj`) {
      problems.push(`the cross-reference table puts object ${num} at byte ${offset}, where "${head}" stands`);
      continue;
    }
    try {
      const value = lex.value();
      const obj: PdfObject = { value };
      const kw = lex.word();
      if (kw === "stream") {
        let start = lex.pos;
        if (bytes[start] === 0x0d) start++;
        if (bytes[start] === 0x0a) start++;
        const lenValue = value instanceof Map ? value.get("Length") : undefined;
        // the length may be an indirect object, read later: resolve it from its own offset
        const len = typeof lenValue === "number" ? lenValue : lenValue instanceof PdfRef ? numberAt(bytes, entries.get(lenValue.num)?.offset) : Number.NaN;
        if (!Number.isFinite(len)) {
          problems.push(`object ${num}: stream without a readable /Length`);
          continue;
        }
        obj.stream = bytes.subarray(start, start + len);
        const after = new Lexer(bytes, start + len);
        if (after.word() !== "endstream") problems.push(`object ${num}: /Length ${len} does not end at "endstream"`);
        else if (after.word() !== "endobj") problems.push(`object ${num}: no endobj after the stream`);
      } else if (kw !== "endobj") problems.push(`object ${num}: "${kw}" where endobj belongs`);
      objects.set(num, obj);
    } catch (e) {
      problems.push(`object ${num}: ${(e as Error).message}`);
    }
  }
  return file;
}

function numberAt(bytes: Uint8Array, offset: number | undefined): number {
  if (offset === undefined) return Number.NaN;
  const lex = new Lexer(bytes, offset);
  lex.word();
  lex.word();
  lex.word();
  const v = lex.value();
  return typeof v === "number" ? v : Number.NaN;
}

/**
 * What is structurally wrong with a PDF (empty when nothing): the cross-reference table and the
 * objects it points at, stream lengths, the page tree, every content stream inflating. The default
 * suite's stand-in for `qpdf --check`, which the conformance suite runs too.
 */
export function pdfStructureProblems(bytes: Uint8Array): string[] {
  const pdf = readPdfObjects(bytes);
  const problems = [...pdf.problems];
  for (const [num, obj] of pdf.objects) {
    if (!obj.stream || !(obj.value instanceof Map)) continue;
    const filter = obj.value.get("Filter");
    if (filter instanceof PdfName && filter.name === "FlateDecode") {
      try {
        inflateSync(obj.stream);
      } catch (e) {
        problems.push(`object ${num}: FlateDecode stream does not inflate (${(e as Error).message})`);
      }
    }
  }
  try {
    const pages = pageDicts(pdf);
    if (pages.length === 0) problems.push("the page tree has no pages");
    const count = dictOf(pdf, dictOf(pdf, pdf.trailer.get("Root"))?.get("Pages"))?.get("Count");
    if (count !== pages.length) problems.push(`the page tree's /Count is ${String(count)}, it holds ${pages.length} pages`);
  } catch (e) {
    problems.push((e as Error).message);
  }
  return problems;
}

function dictOf(pdf: PdfFile, v: PdfValue | undefined): PdfDict | undefined {
  const d = pdf.get(v);
  return d instanceof Map ? d : undefined;
}

/** The page dictionaries in order, each with its inherited /Resources. */
function pageDicts(pdf: PdfFile): Array<{ page: PdfDict; resources: PdfDict | undefined }> {
  const root = dictOf(pdf, pdf.trailer.get("Root"));
  if (!root) throw new Error("/Root is not a dictionary");
  const out: Array<{ page: PdfDict; resources: PdfDict | undefined }> = [];
  const walk = (node: PdfDict | undefined, inherited: PdfDict | undefined, depth: number) => {
    if (!node || depth > 64) throw new Error("the page tree is broken (a missing node or a cycle)");
    const resources = dictOf(pdf, node.get("Resources")) ?? inherited;
    const type = node.get("Type");
    if (type instanceof PdfName && type.name === "Page") out.push({ page: node, resources });
    else for (const kid of (pdf.get(node.get("Kids")) as PdfValue[] | undefined) ?? []) walk(dictOf(pdf, kid), resources, depth + 1);
  };
  walk(dictOf(pdf, root.get("Pages")), undefined, 0);
  return out;
}

export interface PdfFont {
  /** BaseFont, with its subset tag */
  name: string;
  /** "Type0/CIDFontType2", "TrueType", "Type1", ... */
  type: string;
  /** a font program is in the file (FontFile, FontFile2 or FontFile3) */
  embedded: boolean;
  /** which: "FontFile2" is TrueType outlines */
  program?: string;
  /** the name has a subset tag (six capitals and a plus) */
  subset: boolean;
  /** a ToUnicode map is present */
  toUnicode: boolean;
  /** pages (1-based) that use it */
  pages: number[];
}

/** The fonts the pages (and their form XObjects) use, one entry per font object: pdffonts' table. */
export function pdfFonts(bytes: Uint8Array): PdfFont[] {
  const pdf = readPdfObjects(bytes);
  if (pdf.problems.length) throw new Error(`cannot read the PDF's objects:\n${pdf.problems.join("\n")}`);
  const fonts = new Map<PdfDict, PdfFont>();
  const visit = (resources: PdfDict | undefined, page: number, seen: Set<PdfDict>) => {
    if (!resources || seen.has(resources)) return;
    seen.add(resources);
    for (const ref of dictOf(pdf, resources.get("Font"))?.values() ?? []) {
      const font = dictOf(pdf, ref);
      if (!font) continue;
      let entry = fonts.get(font);
      if (!entry) fonts.set(font, (entry = describeFont(pdf, font)));
      if (!entry.pages.includes(page)) entry.pages.push(page);
    }
    for (const ref of dictOf(pdf, resources.get("XObject"))?.values() ?? []) {
      const xo = dictOf(pdf, ref);
      const sub = xo?.get("Subtype");
      if (sub instanceof PdfName && sub.name === "Form") visit(dictOf(pdf, xo!.get("Resources")), page, seen);
    }
  };
  pageDicts(pdf).forEach(({ resources }, i) => visit(resources, i + 1, new Set()));
  return [...fonts.values()];
}

function describeFont(pdf: PdfFile, font: PdfDict): PdfFont {
  const name = (font.get("BaseFont") as PdfName | undefined)?.name ?? "(no name)";
  const subtype = (font.get("Subtype") as PdfName | undefined)?.name ?? "?";
  let descriptorOwner = font;
  let type = subtype;
  if (subtype === "Type0") {
    const descendant = dictOf(pdf, (pdf.get(font.get("DescendantFonts")) as PdfValue[] | undefined)?.[0]);
    if (descendant) {
      descriptorOwner = descendant;
      type = `Type0/${(descendant.get("Subtype") as PdfName | undefined)?.name ?? "?"}`;
    }
  }
  const descriptor = dictOf(pdf, descriptorOwner.get("FontDescriptor"));
  const program = ["FontFile", "FontFile2", "FontFile3"].find((k) => descriptor?.has(k));
  return { name, type, embedded: program !== undefined, program, subset: /^[A-Z]{6}\+/.test(name), toUnicode: font.has("ToUnicode"), pages: [] };
}

/** A run of glyphs as drawn: where it starts, where its last glyph ends, its text, size and letter spacing. */
export interface GlyphRunRead {
  text: string;
  x: number;
  /** end of the last glyph (the letter spacing after it is not ink) */
  xMax: number;
  /** baseline from the top of the page */
  y: number;
  fontSize: number;
  /** PDF Tc: extra space after every glyph */
  charSpacing: number;
}

/**
 * Every text-showing operation of each page, read from pdfjs's operator list: exact start and
 * end positions (glyph widths, kerning adjustments and letter spacing counted), where
 * getTextContent joins a line's runs into one item and places words only approximately.
 */
export async function pdfRuns(bytes: Uint8Array): Promise<GlyphRunRead[][]> {
  const { OPS } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await openPdf(bytes);
  try {
    const pages: GlyphRunRead[][] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const height = page.view[3] - page.view[1];
      const ops = await page.getOperatorList();
      const runs: GlyphRunRead[] = [];
      let x = 0;
      let y = 0;
      let size = 0;
      let tc = 0;
      ops.fnArray.forEach((fn, i) => {
        const args = ops.argsArray[i] as unknown[];
        if (fn === OPS.setTextMatrix) {
          const m = args[0] as Record<number, number>;
          x = m[4];
          y = m[5];
        } else if (fn === OPS.setFont) size = Number(args[1]);
        else if (fn === OPS.setCharSpacing) tc = Number(args[0]);
        else if (fn === OPS.beginText) tc = 0;
        else if (fn === OPS.showText) {
          let pen = x;
          let text = "";
          let last = x;
          for (const g of args[0] as Array<number | { unicode: string; width: number }>) {
            if (typeof g === "number") pen -= (g / 1000) * size;
            else {
              text += g.unicode;
              pen += (g.width / 1000) * size;
              last = pen;
              pen += tc;
            }
          }
          runs.push({ text, x, xMax: last, y: height - y, fontSize: size, charSpacing: tc });
          x = pen;
        }
      });
      pages.push(runs);
      page.cleanup();
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}
