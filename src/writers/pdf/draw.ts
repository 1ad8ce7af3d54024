/**
 * Drawing laid-out pages with pdfmake: its PDF document (pdfkit with pdfmake's font provider) and
 * its renderer, page by page. The writer has already laid out and paginated everything, so
 * pdfmake's own layout engine is not used: each page is drawn as soon as it is complete and then
 * dropped, and pdfkit writes it out, so memory does not grow with the document.
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
import { pdfFamily, pdfmakeRuntime } from "./pdfmake-runtime.js";

const require = createRequire(import.meta.url);

/** pdfkit's font as pdfmake's renderer expects it (ascender in thousandths of the size). */
interface PdfKitFont {
  ascender: number;
}

interface PdfKitDocument {
  fonts: Record<string, Record<string, string>>;
  addPage(options: { size: [number, number] }): void;
  provideFont(family: string, bold: boolean, italics: boolean): PdfKitFont;
  on(event: "data", cb: (chunk: Buffer) => void): void;
  on(event: "end", cb: () => void): void;
  end(): void;
}

interface PdfmakeRenderer {
  renderLine(line: unknown, x: number, y: number): void;
  renderVector(vector: Record<string, unknown>): void;
}

type PdfmakeModules = {
  PDFDocument: new (fonts: object, images: object, patterns: object, attachments: object, options: object, virtualfs: unknown, localAccessPolicy: unknown) => PdfKitDocument;
  Renderer: new (doc: PdfKitDocument) => PdfmakeRenderer;
};

let modules: PdfmakeModules | undefined;

function pdfmakeModules(): PdfmakeModules {
  if (!modules) {
    pdfmakeRuntime(); // fonts shared with the registry, URL and file access refused
    modules = {
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
}

function drawingOf(m: Mark): Drawing {
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

/** A PDF drawn page by page. */
export class PageDrawer {
  private readonly doc: PdfKitDocument;
  private readonly renderer: PdfmakeRenderer;
  private readonly chunks: Buffer[] = [];
  private readonly fonts = new Map<Face, PdfKitFont>();
  private readonly done: Promise<void>;

  constructor(private readonly size: { width: number; height: number }, info: DocumentInfo) {
    const { PDFDocument, Renderer } = pdfmakeModules();
    const runtime = pdfmakeRuntime();
    this.doc = new PDFDocument({}, {}, {}, {}, {
      size: [size.width, size.height],
      pdfVersion: "1.3",
      compress: true,
      lang: info.lang,
      autoFirstPage: false,
      bufferPages: false,
      fontLayoutCache: true,
      info: { Title: info.title, Subject: info.subject, Creator: "undoc", Producer: "undoc (pdfmake)", CreationDate: info.date, ModDate: info.date },
    }, runtime.virtualfs, () => false);
    this.renderer = new Renderer(this.doc);
    this.doc.on("data", (chunk) => this.chunks.push(chunk));
    this.done = new Promise((resolve) => this.doc.on("end", resolve));
  }

  private font(face: Face): PdfKitFont {
    let f = this.fonts.get(face);
    if (!f) {
      const family = pdfFamily(face);
      this.doc.fonts[family] ??= { normal: `${family}.ttf` };
      this.fonts.set(face, (f = this.doc.provideFont(family, false, false)));
    }
    return f;
  }

  /** Draws one page of items (page coordinates: points from the top-left corner). */
  page(items: DrawItem[]): void {
    this.doc.addPage({ size: [this.size.width, this.size.height] });
    for (const it of items) {
      switch (it.kind) {
        case "text": {
          const r = it.run;
          const font = this.font(r.face);
          const ascent = (font.ascender / 1000) * r.size;
          const inline = {
            text: r.text,
            font,
            fontSize: r.size,
            x: 0,
            width: r.advance,
            characterSpacing: r.letterSpacing || undefined,
            fontFeatures: r.features.length ? r.features : undefined,
            color: "black",
          };
          // a line of one inline whose box is exactly its ascent: pdfmake sets the baseline there
          const line = { inlines: [inline], getHeight: () => ascent, getAscenderHeight: () => ascent };
          this.renderer.renderLine(line, it.x, it.baseline - ascent);
          break;
        }
        case "rule":
          this.renderer.renderVector({ type: "rect", x: it.x, y: it.y, w: it.width, h: it.thickness, color: "black", lineWidth: 0 });
          break;
        case "mark":
          for (const v of markVectors(drawingOf(it.mark), it.x, it.y)) this.renderer.renderVector(v);
          break;
      }
    }
  }

  async finish(): Promise<Uint8Array> {
    this.doc.end();
    await this.done;
    return new Uint8Array(Buffer.concat(this.chunks));
  }
}
