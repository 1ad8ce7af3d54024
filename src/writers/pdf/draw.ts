/**
 * Drawing laid-out pages into pdfmake's PDF document (pdfkit with pdfmake's font provider), page
 * by page. The writer has already laid out and paginated everything, so pdfmake's own layout
 * engine is not used: each page is drawn as soon as it is complete and then dropped, and pdfkit
 * writes it out, so memory does not grow with the document. Text and vectors are written as the
 * operator strings pdfmake's renderer and pdfkit's drawing calls would write (text(), vector()),
 * a page's content as one chunk; structure, resources, fonts and the file are pdfkit's.
 *
 * These are pdfmake 0.3's own modules (js/PDFDocument.js, js/Renderer.js), not its documented
 * entry point: pdfmake is pinned to an exact version in package.json, and
 * tests/writers/pdf/draw.test.ts checks the drawing's geometry, so an upgrade that changes them
 * fails loudly.
 */
import { createRequire } from "node:module";
import type { Face } from "../../fonts/registry.js";
import type { Mark } from "../../layout/furniture.js";
import type { Drawing } from "../../marks/index.js";
import { marks } from "./marks.js";
import type { DrawItem } from "./pieces.js";
import type { StructNode } from "./structure.js";
import { FacePdfFont, type PdfKitFontHost } from "./font.js";
import { addColorOutputIntent, deflatedPage, KAPPA, num } from "./pdfkit-parts.js";

const require = createRequire(import.meta.url);


/** A pdfkit structure element (its dictionary is the element's PDF object). */
interface PdfKitStruct {
  add(child: PdfKitStruct | object): PdfKitStruct;
  dictionary: { data: Record<string, unknown> };
}

interface PdfKitDocument extends PdfKitFontHost {
  struct(type: string, options?: Record<string, unknown>): PdfKitStruct;
  addStructure(el: PdfKitStruct): void;
  markStructureContent(tag: string, options?: Record<string, unknown>): object;
  markContent(tag: string, options?: Record<string, unknown>): void;
  endMarkedContent(): void;
  appendXML(xml: string): void;
  info: Record<string, unknown>;
  addPage(options: { size: [number, number] }): void;
  page: PdfKitPage;
  _root: { data: Record<string, unknown> };
  opacity(opacity: number): void;
  fillOpacity(opacity: number): void;
  strokeOpacity(opacity: number): void;
  _normalizeColor(color: string): number[] | null;
  _font: unknown;
  _fontSize: number;
  _fillColor: unknown;
  on(event: "data", cb: (chunk: Buffer) => void): void;
  on(event: "end", cb: () => void): void;
  end(): void;
}

/** The members of pdfkit's current page the text drawing below uses. */
interface PdfKitPage {
  height: number;
  fonts: Record<string, unknown>;
  /** appends one content operator (pdfkit adds the newline); an own property here while a page is drawn */
  write(chunk: string | Uint8Array): void;
  content: { write(chunk: string | Uint8Array): void; compress: boolean; buffer: unknown; data: Record<string, unknown> };
  markings: unknown[];
}

interface PdfmakeRenderer {
  renderLine(line: unknown, x: number, y: number): void;
  renderVector(vector: Record<string, unknown>): void;
}

type PdfmakeModules = {
  /** an empty virtual file system: the document reads no file (fonts are undoc's, local access refused) */
  virtualfs: unknown;
  PDFDocument: new (fonts: object, images: object, patterns: object, attachments: object, options: object, virtualfs: unknown, localAccessPolicy: unknown) => PdfKitDocument;
  Renderer: new (doc: PdfKitDocument) => PdfmakeRenderer;
};

let modules: PdfmakeModules | undefined;

function pdfmakeModules(): PdfmakeModules {
  if (!modules) {
    // pdfmake's document and renderer only, not its layout engine or URL resolver: the writer
    // hands it finished pages, fonts are undoc's (font.ts) and local file access is refused
    modules = {
      virtualfs: (require("pdfmake/js/virtual-fs.js") as { default: unknown }).default,
      PDFDocument: (require("pdfmake/js/PDFDocument.js") as { default: PdfmakeModules["PDFDocument"] }).default,
      Renderer: (require("pdfmake/js/Renderer.js") as { default: PdfmakeModules["Renderer"] }).default,
    };
  }
  return modules;
}

export interface DocumentInfo {
  title: string;
  subject: string;
  date: Date;
  /** BCP 47 language of the document (/Lang) */
  lang: string;
  /** tagged, PDF/UA-1 and PDF/A-2a; false: no structure, no ActualText, no conformance claim */
  tagged: boolean;
}

const xml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * The XMP packet's document information (ISO 16684-1), written by undoc instead of pdfkit, whose
 * version does not escape the title: a title with "&" or "<" would break the packet. It carries
 * the title (PDF/UA-1 requires dc:title), the language and the dates; the conformance
 * identifiers (pdfaid, pdfuaid) are appended separately.
 */
function infoXmp(info: DocumentInfo): string {
  const date = info.date.toISOString().replace(/\.\d{3}Z$/, "Z");
  return [
    `<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/"><xmp:CreateDate>${date}</xmp:CreateDate><xmp:ModifyDate>${date}</xmp:ModifyDate><xmp:CreatorTool>undoc</xmp:CreatorTool></rdf:Description>`,
    `<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">` +
      `<dc:format>application/pdf</dc:format>` +
      `<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xml(info.title)}</rdf:li></rdf:Alt></dc:title>` +
      `<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${xml(info.subject)}</rdf:li></rdf:Alt></dc:description>` +
      `<dc:language><rdf:Bag><rdf:li>${xml(info.lang)}</rdf:li></rdf:Bag></dc:language>` +
      `</rdf:Description>`,
    `<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/"><pdf:Producer>undoc (pdfmake)</pdf:Producer></rdf:Description>`,
    // PDF/UA-1 identification (ISO 14289-1 §5); PDF/A-2a's pdfaid is pdfkit's
    ...(info.tagged ? [`<rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"><pdfuaid:part>1</pdfuaid:part></rdf:Description>`] : []),
  ].join("\n");
}

export function drawingOf(m: Mark): Drawing {
  switch (m.type) {
    case "emblem":
      return marks.emblem(m.size);
    case "barcode":
      return marks.barcode(m.text, m.height, m.narrow);
    case "qr":
      return marks.qr(m.text, m.size);
    case "recycling":
      return marks.recycling(m.size);
  }
}

/** A mark's shapes as pdfmake vectors at (x, y) on the page. */
function markVectors(d: Drawing, x: number, y: number): Record<string, unknown>[] {
  return d.shapes.map((s) => {
    switch (s.kind) {
      case "rect":
        return { type: "rect", x: x + s.x, y: y + s.y, w: s.w, h: s.h, color: s.fill, lineWidth: 0 };
      case "polygon":
        return { type: "polyline", points: s.points.map(([px, py]) => ({ x: x + px, y: y + py })), closePath: true, color: s.fill, lineWidth: 0 };
      case "disc":
        return { type: "ellipse", x: x + s.cx, y: y + s.cy, r1: s.r, r2: s.r, color: s.fill, lineWidth: 0 };
      case "ring":
        return { type: "ellipse", x: x + s.cx, y: y + s.cy, r1: s.r, r2: s.r, lineColor: s.stroke, lineWidth: s.width };
    }
  });
}

/** Markers in a recorded mark: pdfkit's fill and stroke opacity calls. */
const FILL = 1;
const STROKE = 2;

/** A mark's operators as drawn (strings), with its opacity calls, and the last fill colour it set. */
interface RecordedMark {
  ops: (string | typeof FILL | typeof STROKE)[];
  fill?: string;
}

/** Recorded marks by drawing (cached by content in marks.ts) and place. */
const recordedMarks = new WeakMap<Drawing, Map<string, RecordedMark>>();

/** A PDF drawn page by page. */
export class PageDrawer {
  private readonly doc: PdfKitDocument;
  private readonly renderer: PdfmakeRenderer;
  private readonly chunks: Buffer[] = [];
  /** lines pdfkit wrote since the last chunk */
  private lines: string[] = [];
  private readonly fonts = new Map<Face, FacePdfFont>();
  private readonly root: PdfKitStruct;
  private readonly tagged: boolean;
  /** the pdfkit element of each structure node, made when its first content is drawn */
  private readonly elements = new Map<StructNode, PdfKitStruct>();
  private readonly done: Promise<void>;
  /** the page's content operators, written to its stream as one chunk when the page is done */
  private content: string[] = [];
  /** the opacity graphics state pdfkit named for pdfmake's opacity(1), once set on the page */
  private gs: string | undefined;
  /** the mark being recorded (mark()) */
  private recording: RecordedMark | undefined;
  /** colour operands by colour (colorOperands) */
  private readonly colors = new Map<string, string | null>();

  constructor(private readonly size: { width: number; height: number }, info: DocumentInfo) {
    const { PDFDocument, Renderer, virtualfs } = pdfmakeModules();
    this.doc = new PDFDocument({}, {}, {}, {}, {
      size: [size.width, size.height],
      // tagged PDF (ISO 32000-1 §14.8) conforming to PDF/A-2a and PDF/UA-1: PDF 1.7, an XMP
      // packet with the title, language and conformance identifiers, an sRGB output intent
      // (pdfkit's, for PDF/A), the title shown by viewers instead of the file name
      pdfVersion: "1.7",
      tagged: info.tagged,
      ...(info.tagged && { subset: "PDF/A-2a", displayTitle: true }),
      compress: true,
      lang: info.lang,
      autoFirstPage: false,
      bufferPages: false,
      // no default font: pdfkit would read and parse Helvetica's metrics for every document, and
      // nothing of undoc's is set in it (faces are undoc's own, font.ts)
      font: null,
      info: { Title: info.title, Subject: info.subject, Creator: "undoc", Producer: "undoc (pdfmake)", CreationDate: info.date, ModDate: info.date },
    }, virtualfs, () => false);
    // Helvetica was font F1 when pdfkit loaded it: the faces keep their resource names F2, F3...
    this.doc._fontCount = Math.max(this.doc._fontCount, 1);
    this.renderer = new Renderer(this.doc);
    const xmp = infoXmp(info);
    (this.doc as unknown as { _addInfo: () => void })._addInfo = () => this.doc.appendXML(xmp);
    // PDF/A's output intent as pdfkit writes it, with its sRGB profile read and deflated once per process
    (this.doc as unknown as { _addColorOutputIntent: () => void })._addColorOutputIntent = () => addColorOutputIntent(this.doc);
    this.tagged = info.tagged;
    // (untagged: no element at all; pdfkit waits for every object it has made before it finishes)
    this.root = this.tagged ? this.doc.struct("Document") : (undefined as unknown as PdfKitStruct);
    if (this.tagged) this.doc.addStructure(this.root);
    // pdfkit's _write, without its stream: the lines it writes (each with a newline, one byte per
    // character) gathered as strings and turned into bytes in runs; a stream's bytes copied, as
    // pdfkit hands out slices of larger buffers (zlib's output chunks) that would keep them all alive
    const doc = this.doc as unknown as { _write(data: unknown): void; _offset: number; read(): Buffer | null };
    // what pdfkit wrote before this (the header) is waiting in its stream
    for (let head = doc.read(); head !== null; head = doc.read()) this.chunks.push(Buffer.from(head));
    doc._write = (data) => {
      if (Buffer.isBuffer(data)) {
        this.flushLines();
        this.chunks.push(Buffer.from(data));
        doc._offset += data.length;
      } else {
        const line = `${data as string}\n`;
        this.lines.push(line);
        doc._offset += line.length;
      }
    };
    this.doc.on("data", (chunk) => this.chunks.push(Buffer.from(chunk))); // (nothing more comes: flowing, so that the stream's end is signalled)
    this.done = new Promise((resolve) => this.doc.on("end", resolve));
  }

  private flushLines(): void {
    if (this.lines.length) this.chunks.push(Buffer.from(this.lines.join(""), "latin1"));
    this.lines = [];
  }

  /** The face as pdfkit draws it: shaped and subset by undoc, from the tables the registry read (font.ts). */
  private font(face: Face): FacePdfFont {
    let f = this.fonts.get(face);
    if (!f) this.fonts.set(face, (f = new FacePdfFont(this.doc, face)));
    return f;
  }

  /** The pdfkit element of a node, made (with its ancestors) in the order content reaches them. */
  private element(node: StructNode): PdfKitStruct {
    let el = this.elements.get(node);
    if (el) return el;
    if (node.type === "Document" || !node.parent) return this.root;
    const parent = this.element(node.parent);
    const options: Record<string, unknown> = {};
    if (node.alt) options.alt = node.alt;
    if (node.lang) options.lang = node.lang;
    if (node.scope) options.scope = node.scope;
    el = this.doc.struct(node.type, options);
    if (node.id) el.dictionary.data.ID = new String(node.id);
    parent.add(el);
    this.elements.set(node, el);
    // a footnote's Note follows its Reference in the tree, wherever on the page its text is drawn
    if (node.note) this.element(node.note);
    return el;
  }

  /** Draws one item inside its marked content: its structure element's, or an artifact's. */
  private marked(tag: StructNode | undefined, artifact: "Pagination" | "Layout", actual: string | undefined, draw: () => void): void {
    if (!this.tagged) return draw();
    if (!tag) {
      this.doc.markContent("Artifact", { type: artifact });
      draw();
      this.doc.endMarkedContent();
      return;
    }
    const el = this.element(tag);
    const content = actual !== undefined ? this.doc.markStructureContent("Span", { actual }) : this.doc.markStructureContent(tag.type);
    draw();
    this.doc.endMarkedContent();
    el.add(content);
  }

  /** Draws one page of items (page coordinates: points from the top-left corner). */
  page(items: DrawItem[]): void {
    this.doc.addPage({ size: [this.size.width, this.size.height] });
    // pdfkit turns every operator into a Buffer of its own: collected here and written once, the
    // same bytes (each operator followed by a newline)
    const page = this.doc.page;
    this.content = [];
    this.gs = undefined;
    page.write = (chunk) => {
      if (typeof chunk === "string") this.content.push(chunk);
      else {
        this.flush(page);
        page.content.write(chunk);
      }
    };
    for (let i = 0; i < items.length; ) {
      const it = items[i];
      switch (it.kind) {
        case "text": {
          // the runs of one line in one element share a marked-content sequence (a line of English
          // is a run per word: one sequence each would double the file)
          let j = i + 1;
          while (j < items.length) {
            const next = items[j];
            if (next.kind !== "text" || next.tag !== it.tag || Math.abs(next.baseline + next.run.rise - it.baseline - it.run.rise) > 0.01) break;
            j++;
          }
          const group = items.slice(i, j) as Extract<DrawItem, { kind: "text" }>[];
          const actual = group.some((g) => g.actual !== undefined) ? group.map((g) => g.actual ?? g.run.text).join("") : undefined;
          this.marked(it.tag, "Pagination", actual, () => group.forEach((g) => this.text(g)));
          i = j;
          continue;
        }
        case "rule":
          this.marked(undefined, "Layout", undefined, () => this.vector({ type: "rect", x: it.x, y: it.y, w: it.width, h: it.thickness, color: "black", lineWidth: 0 }));
          break;
        case "mark":
          this.marked(it.tag, "Pagination", undefined, () => {
            this.mark(drawingOf(it.mark), it.x, it.y);
          });
          break;
      }
      i++;
    }
    this.flush(page);
    delete (page as Partial<PdfKitPage>).write;
    this.deflateContent(page);
  }

  /**
   * The page's content stream deflated now (deflatedPage), written as pdfkit writes a stream it
   * deflates (Length, then Filter). Only when the page is complete: no marked content left open
   * (pdfkit would close it with more operators when the page ends), every chunk bytes.
   */
  private deflateContent(page: PdfKitPage): void {
    const ref = page.content;
    const chunks = ref.buffer;
    if (!ref.compress || page.markings.length || !Array.isArray(chunks) || !chunks.every((c) => c instanceof Uint8Array)) return;
    const deflated = deflatedPage(Buffer.concat(chunks as Uint8Array[]));
    ref.buffer = [];
    delete ref.data.Length;
    delete ref.data.Filter;
    ref.compress = false;
    ref.write(deflated);
    ref.data.Filter = "FlateDecode";
    // anything written to the page after this would land after the deflated bytes: refused
    page.write = () => {
      throw new Error("undoc: content written to a finished PDF page");
    };
  }

  private flush(page: PdfKitPage): void {
    if (this.content.length) page.content.write(this.content.join("\n"));
    this.content = [];
  }

  /** pdfkit's colour operands of a colour name or #hex ("DeviceRGB|0 0 0"), or null when it is none. */
  private colorOperands(color: string): string | null {
    let c = this.colors.get(color);
    if (c === undefined) {
      const parts = this.doc._normalizeColor(color);
      this.colors.set(color, (c = parts ? `${parts.length === 4 ? "DeviceCMYK" : "DeviceRGB"}|${parts.join(" ")}` : null));
    }
    return c;
  }

  /**
   * One vector (a rule, a mark's shape), written as pdfmake's renderVector and pdfkit write it,
   * operator for operator: line style, path, colours with their opacity state, fill or stroke.
   * Only what undoc draws (rectangles, closed polylines, ellipses; plain colours): anything else
   * goes to pdfmake.
   */
  private vector(v: Record<string, unknown>): void {
    if (v.dash || v.r || v.linearGradient || v.lineJoin || v.lineCap || v.fillOpacity !== undefined || v.strokeOpacity !== undefined || Array.isArray(v.color)) {
      this.recording = undefined; // (pdfmake's drawing is not recorded)
      this.renderer.renderVector(v);
      return;
    }
    let out = `${num((v.lineWidth as number) || 1)} w\n[] 0 d\n0 j\n0 J`;
    switch (v.type) {
      case "rect":
        out += `\n${num(v.x as number)} ${num(v.y as number)} ${num(v.w as number)} ${num(v.h as number)} re`;
        break;
      case "polyline": {
        const points = v.points as { x: number; y: number }[];
        if (points.length === 0) break;
        out += `\n${num(points[0].x)} ${num(points[0].y)} m`;
        for (let i = 1; i < points.length; i++) out += `\n${num(points[i].x)} ${num(points[i].y)} l`;
        if (points.length > 1) {
          const p1 = points[0];
          const pn = points[points.length - 1];
          if (v.closePath || (p1.x === pn.x && p1.y === pn.y)) out += "\nh";
        }
        break;
      }
      case "ellipse": {
        // pdfkit's ellipse: four Bézier quarters
        const r1 = v.r1 as number;
        const r2 = (v.r2 as number | undefined) ?? r1;
        const x = (v.x as number) - r1;
        const y = (v.y as number) - r2;
        const ox = r1 * KAPPA;
        const oy = r2 * KAPPA;
        const xe = x + r1 * 2;
        const ye = y + r2 * 2;
        const xm = x + r1;
        const ym = y + r2;
        const c = (a: number, b: number, cc: number, d: number, e: number, f: number) => `\n${num(a)} ${num(b)} ${num(cc)} ${num(d)} ${num(e)} ${num(f)} c`;
        out += `\n${num(x)} ${num(ym)} m` + c(x, ym - oy, xm - ox, y, xm, y) + c(xm + ox, y, xe, ym - oy, xe, ym) + c(xe, ym + oy, xm + ox, ye, xm, ye) + c(xm - ox, ye, x, ym + oy, x, ym) + "\nh";
        break;
      }
      default:
        this.recording = undefined;
        this.renderer.renderVector(v);
        return;
    }
    // pdfmake's resolveColor: a colour pdfkit does not know is black
    const resolve = (color: unknown) => {
      const c = (color as string) || "black";
      return this.colorOperands(c) === null ? "black" : c;
    };
    const fillColor = v.color ? resolve(v.color) : undefined;
    const strokeColor = v.color && v.lineColor ? resolve(v.lineColor) : v.color ? undefined : resolve(v.lineColor);
    this.emit(out);
    // fillColor(c, 1), strokeColor(c, 1): the colour space and colour, then pdfkit's opacity state
    if (fillColor !== undefined) {
      this.setColor(fillColor, "cs", "scn", FILL);
      this.doc._fillColor = [fillColor, 1];
      if (this.recording) this.recording.fill = fillColor;
    }
    if (strokeColor !== undefined) this.setColor(strokeColor, "CS", "SCN", STROKE);
    this.emit(fillColor !== undefined && strokeColor !== undefined ? "B" : fillColor !== undefined ? "f" : "S");
  }

  /** An operator of a vector, also kept when a mark's drawing is being recorded. */
  private emit(op: string): void {
    this.content.push(op);
    this.recording?.ops.push(op);
  }

  /** pdfkit's fillColor(c, 1) / strokeColor(c, 1): the colour space and colour, then its opacity state (none for a colour it does not know). */
  private setColor(color: string, spaceOp: "cs" | "CS", colorOp: "scn" | "SCN", which: typeof FILL | typeof STROKE): void {
    const ops = this.colorOperands(color);
    if (ops === null) return;
    const bar = ops.indexOf("|");
    this.emit(`/${ops.slice(0, bar)} ${spaceOp}`);
    this.emit(`${ops.slice(bar + 1)} ${colorOp}`);
    this.opacity(which);
  }

  /** pdfkit's fill or stroke opacity 1 (its graphics state, named per document): recorded as the call. */
  private opacity(which: typeof FILL | typeof STROKE): void {
    if (which === FILL) this.doc.fillOpacity(1);
    else this.doc.strokeOpacity(1);
    this.recording?.ops.push(which);
  }

  /**
   * A mark's shapes at (x, y): the first time as vectors, recorded; after that (the same drawing at
   * the same place, in any document of the process) the recorded operators again, with pdfkit's
   * opacity calls made as they were.
   */
  private mark(d: Drawing, x: number, y: number): void {
    let byPlace = recordedMarks.get(d);
    if (!byPlace) recordedMarks.set(d, (byPlace = new Map()));
    const place = `${x},${y}`;
    const recorded = byPlace.get(place);
    if (recorded) {
      for (const op of recorded.ops) {
        if (op === FILL) this.doc.fillOpacity(1);
        else if (op === STROKE) this.doc.strokeOpacity(1);
        else this.content.push(op);
      }
      if (recorded.fill !== undefined) this.doc._fillColor = [recorded.fill, 1];
      return;
    }
    const recording: RecordedMark = { ops: [] };
    this.recording = recording;
    for (const v of markVectors(d, x, y)) this.vector(v);
    if (this.recording === recording) byPlace.set(place, recording);
    this.recording = undefined;
  }

  /**
   * One run of text, written as pdfmake's renderLine and pdfkit's text() write it (opacity, fill
   * colour, then the text object in a saved state), operator for operator, without their
   * per-call option objects and number formatting of unchanging values.
   */
  private text(it: Extract<DrawItem, { kind: "text" }>): void {
    const r = it.run;
    const doc = this.doc;
    const font = this.font(r.face);
    const size = r.size;
    // pdfmake: a line whose box is the run's ascent, so its baseline is the run's
    const ascent = (font.ascender / 1000) * size;
    const x = it.x || 0;
    const y = (it.baseline - ascent || 0) + (ascent - (font.ascender / 1000) * size - 0);
    // opacity(1): pdfkit names the graphics state the first time, then on each page its resource
    if (this.gs === undefined) {
      doc.opacity(1);
      this.gs = this.content.pop()!;
    }
    // the run's operators, one string (each operator on a line of its own, as pdfkit writes them)
    let out = `${this.gs}\n/DeviceRGB cs\n0 0 0 scn\nf`; // fill("black")
    doc._fillColor = ["black", undefined];
    doc._font = font;
    doc._fontSize = size;
    const text = r.text.includes("\n") ? r.text.replace(/\n/g, "") : r.text; // (a run never has one: pdfkit would draw each line)
    if (text.length === 0) {
      this.content.push(out);
      return;
    }
    // pdfkit's _fragment: flip to top-down coordinates, baseline at the font's ascent
    const page = doc.page;
    const dy = (font.ascender / 1000) * size;
    let tx = x;
    const ty = page.height - y - dy;
    if (page.fonts[font.id] == null) page.fonts[font.id] = font.ref();
    out += `\nq\n1 0 0 -1 0 ${num(page.height)} cm\nBT\n1 0 0 1 ${num(tx)} ${num(ty)} Tm\n/${font.id} ${num(size)} Tf`;
    const characterSpacing = r.letterSpacing || 0;
    if (characterSpacing) out += `\n${num(characterSpacing)} Tc`;
    // the usual run: its glyphs at their advances, one TJ string with no adjustment (what the loop below gives for it)
    const plain = r.features.length ? undefined : font.encodeUnkerned(text);
    if (plain !== undefined) {
      this.content.push(`${out}\n[<${plain}> 0] TJ\nET\nQ`);
      return;
    }
    const [encoded, positions] = font.encode(text, r.features.length ? r.features : undefined);
    const scale = size / 1000;
    // a TJ's elements: segments of glyphs, each with the adjustment after its last glyph
    let commands = "";
    let last = 0;
    let hadOffset = false;
    const addSegment = (cur: number) => {
      if (last < cur) {
        let hex = "";
        for (let k = last; k < cur; k++) hex += encoded[k];
        const p = positions[cur - 1];
        commands += `${commands ? " " : ""}<${hex}> ${num(-(p.xAdvance - p.advanceWidth))}`;
      }
      last = cur;
    };
    const flush = (i: number) => {
      addSegment(i);
      if (commands) {
        out += `\n[${commands}] TJ`;
        commands = "";
      }
    };
    let i: number;
    for (i = 0; i < positions.length; i++) {
      const pos = positions[i];
      if (pos.xOffset || pos.yOffset) {
        flush(i);
        out += `\n1 0 0 1 ${num(tx + pos.xOffset * scale)} ${num(ty + pos.yOffset * scale)} Tm`;
        flush(i + 1);
        hadOffset = true;
      } else {
        if (hadOffset) {
          out += `\n1 0 0 1 ${num(tx)} ${num(ty)} Tm`;
          hadOffset = false;
        }
        if (pos.xAdvance - pos.advanceWidth !== 0) addSegment(i + 1);
      }
      tx += pos.xAdvance * scale;
    }
    flush(i);
    this.content.push(`${out}\nET\nQ`);
  }

  async finish(): Promise<Uint8Array> {
    this.doc.end();
    await this.done;
    this.flushLines();
    return new Uint8Array(Buffer.concat(this.chunks));
  }
}
