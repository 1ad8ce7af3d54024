/**
 * The Arabic example read back from its PDF (npm libraries only): the glyphs drawn are the
 * shaper's, in visual order (each glyph of the embedded subset compared by outline with the glyph
 * fontkit chose in Amiri); joining letters in their contextual forms; mixed lines ordered as
 * UAX #9 says; the text a reader extracts (ActualText, read through the structure tree) equal to
 * the data in logical order; the page mirrored.
 */
import { createRequire } from "node:module";
import { inflateSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import type * as Fontkit from "fontkit";
import { face } from "../../../src/fonts/registry.js";
import { loadDataFile } from "../../../src/input/load.js";
import { plainText, type Document } from "../../../src/model/types.js";
import { prepareDocument, renderData } from "../../../src/render/pipeline.js";
import { pageSize } from "../../../src/style/style.js";
import { layoutPages } from "../../../src/writers/pdf/index.js";
import type { DrawItem } from "../../../src/writers/pdf/pieces.js";
import { PdfName, PdfRef, readPdfObjects, type PdfDict, type PdfFile, type PdfValue } from "../../helpers/pdf.js";
import { elementText, operators, pageObjects, readTagged, type StructElement } from "../../helpers/pdf-structure.js";

const fontkit = createRequire(import.meta.url)("fontkit") as typeof Fontkit;
const EXAMPLE = "examples/arria-belarus-2020.ar.yaml";
const amiri = face("arabic");

type TextItem = Extract<DrawItem, { kind: "text" }>;

let bytes: Uint8Array;
let model: Document;
let pages: DrawItem[][];
let width: number;

beforeAll(async () => {
  const { data } = loadDataFile(EXAMPLE);
  const out = await renderData(data, { formats: ["pdf"] });
  bytes = out.pdf!;
  model = out.model;
  const prepared = prepareDocument(data);
  pages = layoutPages(prepared.model, prepared.style, prepared.faces);
  width = pageSize(prepared.style).width;
});

function streamOf(pdf: PdfFile, ref: PdfValue | undefined): Uint8Array | undefined {
  if (!(ref instanceof PdfRef)) return undefined;
  const obj = pdf.objects.get(ref.num);
  if (!obj?.stream || !(obj.value instanceof Map)) return undefined;
  const filter = obj.value.get("Filter");
  return filter instanceof PdfName && filter.name === "FlateDecode" ? new Uint8Array(inflateSync(obj.stream)) : obj.stream;
}

interface DrawnFont {
  baseFont: string;
  program: Fontkit.Font;
}

/** The glyphs each page draws, font by font, in the content stream's order (CIDs: the subset's glyph ids). */
function drawnGlyphs(): { font: DrawnFont; cids: number[] }[][] {
  const pdf = readPdfObjects(bytes);
  const catalog = pdf.get(pdf.trailer.get("Root")) as PdfDict;
  const fonts = new Map<number, DrawnFont>();
  const fontOf = (ref: PdfRef): DrawnFont => {
    let f = fonts.get(ref.num);
    if (f) return f;
    const dict = pdf.get(ref) as PdfDict;
    const descendant = pdf.get((pdf.get(dict.get("DescendantFonts")) as PdfValue[])[0]) as PdfDict;
    const descriptor = pdf.get(descendant.get("FontDescriptor")) as PdfDict;
    const program = fontkit.create(Buffer.from(streamOf(pdf, descriptor.get("FontFile2"))!)) as Fontkit.Font;
    f = { baseFont: (dict.get("BaseFont") as PdfName).name, program };
    fonts.set(ref.num, f);
    return f;
  };
  return pageObjects(pdf, catalog).map((num) => {
    const page = pdf.get(new PdfRef(num, 0)) as PdfDict;
    const resources = pdf.get(page.get("Resources")) as PdfDict;
    const fontRefs = pdf.get(resources.get("Font")) as PdfDict;
    const contents = page.get("Contents");
    const out: { font: DrawnFont; cids: number[] }[] = [];
    let current: DrawnFont | undefined;
    for (const ref of Array.isArray(contents) ? contents : [contents]) {
      for (const { op, args } of operators(streamOf(pdf, ref as PdfValue)!)) {
        if (op === "Tf") current = fontOf(fontRefs.get((args[0] as PdfName).name) as PdfRef);
        else if (op === "Tj" || op === "TJ") {
          const parts = op === "Tj" ? [args[0]] : (args[0] as PdfValue[]);
          const cids: number[] = [];
          for (const s of parts) {
            if (typeof s !== "string") continue;
            for (let i = 0; i + 1 < s.length; i += 2) cids.push((s.charCodeAt(i) << 8) | s.charCodeAt(i + 1));
          }
          out.push({ font: current!, cids });
        }
      }
    }
    return out;
  });
}

const outline = (f: Fontkit.Font, id: number) => (f.getGlyph(id) as unknown as { path: { toSVG(): string } }).path.toSVG();

/** The glyph ids fontkit gives a run, as pdfkit asks for them (visual order). */
function shaped(item: TextItem): number[] {
  const r = item.run;
  return r.face.font.layout(r.text, r.features.length ? r.features : undefined).glyphs.map((g) => g.id);
}

const textItems = (items: DrawItem[]) => items.filter((i): i is TextItem => i.kind === "text");

describe("the Arabic example's PDF", () => {
  it("draws exactly the shaper's glyphs, in visual order, for every run set in Amiri", () => {
    const drawn = drawnGlyphs();
    expect(drawn).toHaveLength(pages.length);
    let compared = 0;
    pages.forEach((items, p) => {
      for (const variant of ["Amiri-Regular", "Amiri-Bold"]) {
        const runs = textItems(items).filter((i) => i.run.face.postscriptName === variant);
        const expected = runs.flatMap(shaped);
        const got = drawn[p].filter((d) => d.font.baseFont.endsWith(`+${variant}`));
        const cids = got.flatMap((d) => d.cids);
        expect(cids.length, `page ${p + 1}, ${variant}`).toBe(expected.length);
        const program = got[0]?.font.program;
        expected.forEach((id, k) => expect(outline(program!, cids[k]), `page ${p + 1}, ${variant}, glyph ${k}`).toBe(outline(r0(variant), id)));
        compared += expected.length;
      }
    });
    expect(compared).toBeGreaterThan(2000);
  });

  it("joins letters with their contextual forms, not the isolated ones", () => {
    const organ = textItems(pages[0]).find((i) => i.run.text === "مجلس")!;
    expect(organ, "the organ's first word in the masthead").toBeDefined();
    const ids = shaped(organ);
    const isolated = [..."مجلس"].reverse().map((ch) => amiri.font.glyphForCodePoint(ch.codePointAt(0)!).id);
    expect(ids).toHaveLength(4);
    ids.forEach((id, k) => expect(id, `letter ${k} from the left`).not.toBe(isolated[k]));
    // across the body, most Arabic letters are drawn in a joined form
    let letters = 0;
    let joined = 0;
    for (const items of pages) {
      for (const it of textItems(items)) {
        if (!/\p{Script=Arabic}/u.test(it.run.text)) continue;
        for (const g of it.run.face.font.layout(it.run.text).glyphs) {
          if (g.codePoints.length !== 1 || !/\p{L}/u.test(String.fromCodePoint(g.codePoints[0]))) continue;
          letters++;
          if (g.id !== it.run.face.font.glyphForCodePoint(g.codePoints[0]).id) joined++;
        }
      }
    }
    expect(joined / letters).toBeGreaterThan(0.7);
  });

  it("orders a mixed line (Arabic, a document symbol, brackets, digits) as UAX #9 says", () => {
    const all = pages.flatMap(textItems);
    const symbol = all.find((i) => i.run.text === "A/HRC/44/55")!;
    expect(symbol).toBeDefined();
    const line = all.filter((i) => Math.abs(i.baseline - symbol.baseline) < 0.01 && i.tag === symbol.tag).sort((a, b) => a.x - b.x);
    const words = line.map((i) => (i.actual ?? i.run.text).trim());
    const at = words.indexOf("A/HRC/44/55");
    // read right to left: "… بيلاروس (انظر A/HRC/44/55)؛ …": from the left, ")؛" then the symbol then "(انظر"
    expect(words.slice(at - 1, at + 2)).toEqual([")؛", "A/HRC/44/55", "(انظر"]);
    // the brackets are drawn mirrored: the closing one's glyph is "(" at the left of the symbol
    const close = line[at - 1];
    const glyphs = close.run.face.font.layout(close.run.text).glyphs.map((g) => String.fromCodePoint(...g.codePoints));
    expect(glyphs).toEqual(["؛", "("]);
    const open = line[at + 1];
    expect([...open.run.text][0]).toBe(")");
    // the digits 32 and 9 of the next paragraph read left to right inside right-to-left text
    const n32 = all.find((i) => i.run.text === "32")!;
    expect(n32.run.level).toBe(2);
  });

  it("gives readers the data's text in logical order (ActualText, through the structure tree)", async () => {
    const t = await readTagged(bytes);
    const doc = t.root!.kids[0] as StructElement;
    const paragraphs = doc.kids.filter((k): k is StructElement => !("mcid" in k) && k.type === "P").map((e) => elementText(e, t));
    const expected = model.body.flatMap((b) => (b.type === "paragraph" ? [`${b.label ? `${b.label.text} ` : ""}${plainText(b.children)}`] : []));
    expect(paragraphs).toEqual(expected);
    expect(paragraphs.some((p) => p.includes("(انظر A/HRC/44/55)؛"))).toBe(true);
    expect(t.catalog.get("Lang")).toBe("ar");
  });

  it("is mirrored: text, labels and the masthead from the right edge, the symbol and the distribution block at the left", () => {
    const first = textItems(pages[0]);
    const right = (i: TextItem) => i.x + i.run.advance;
    const title = first.find((i) => i.run.text === "رسالة")!;
    const symbol = first.find((i) => i.run.text === "S/2020/905")!;
    const distr = first.find((i) => i.run.text === "Distr.:")!;
    const organisation = first.find((i) => i.run.text.startsWith("الأمــم"))!;
    expect(right(title)).toBeGreaterThan(width / 2);
    expect(symbol.x).toBeLessThan(width / 2);
    expect(distr.x).toBeLessThan(width / 2);
    expect(organisation.x).toBeGreaterThan(width / 2);
    // the emblem at the top right, the QR code at the bottom left
    const marks = pages[0].filter((i): i is Extract<DrawItem, { kind: "mark" }> => i.kind === "mark");
    expect(marks.find((m) => m.mark.type === "emblem")!.x).toBeGreaterThan(width / 2);
    expect(marks.find((m) => m.mark.type === "qr")!.x).toBeLessThan(width / 2);
    // numbered paragraphs: the number at the right of its first line
    const annexPage = pages[1];
    const label = textItems(annexPage).find((i) => i.run.text === "1")!; // "1 -": the digit, then the dash to its left
    const line = textItems(annexPage).filter((i) => Math.abs(i.baseline - label.baseline) < 0.01);
    expect(right(label)).toBeCloseTo(Math.max(...line.map(right)), 6);
  });
});

function r0(postscriptName: string): Fontkit.Font {
  return face(postscriptName === "Amiri-Bold" ? "arabic-bold" : "arabic").font;
}
