/**
 * A tagged PDF read back without outside programs: the catalog's tagging entries, the XMP packet,
 * the structure tree (ISO 32000-1 §14.7), and every page's marked-content sequences with the text
 * each one carries (its /ActualText, or its glyphs' text as pdf.js decodes them). Tests use it to
 * check that every sequence belongs to the tree or is an artifact, and that the tree reads as the
 * document's text.
 */
import { inflateSync } from "node:zlib";
import { openPdf } from "../../scripts/pdf-lines.mjs";
import { Lexer, PdfName, PdfRef, readPdfObjects, type PdfDict, type PdfFile, type PdfValue } from "./pdf.js";

export interface MarkedContent {
  page: number;
  /** the tag of the BDC/BMC operator */
  tag: string;
  mcid?: number;
  actualText?: string;
  /** the text shown inside it: its ActualText when it has one, else its glyphs' text */
  text: string;
}

export interface StructElement {
  type: string;
  alt?: string;
  lang?: string;
  id?: string;
  scope?: string;
  kids: Array<StructElement | { page: number; mcid: number }>;
}

export interface TaggedPdf {
  catalog: PdfDict;
  /** the XMP packet (empty when there is none) */
  xmp: string;
  root: StructElement | undefined;
  marked: MarkedContent[];
  /** text-showing operators found outside any marked-content sequence */
  unmarkedText: number;
  pdf: PdfFile;
}

/** A PDF string's text: UTF-16BE after a byte order mark, else PDFDocEncoding (Latin-1 here). */
export function pdfString(s: string): string {
  if (s.startsWith("\u00fe\u00ff")) {
    let out = "";
    for (let i = 2; i + 1 < s.length; i += 2) out += String.fromCharCode((s.charCodeAt(i) << 8) | s.charCodeAt(i + 1));
    return out;
  }
  return s;
}

function stream(pdf: PdfFile, ref: PdfValue | undefined): Uint8Array | undefined {
  if (!(ref instanceof PdfRef)) return undefined;
  const obj = pdf.objects.get(ref.num);
  if (!obj?.stream || !(obj.value instanceof Map)) return undefined;
  const filter = obj.value.get("Filter");
  return filter instanceof PdfName && filter.name === "FlateDecode" ? new Uint8Array(inflateSync(obj.stream)) : obj.stream;
}

/** Page object numbers in page order. */
function pageObjects(pdf: PdfFile, catalog: PdfDict): number[] {
  const out: number[] = [];
  const walk = (ref: PdfValue | undefined) => {
    const node = pdf.get(ref);
    if (!(node instanceof Map)) return;
    const type = node.get("Type");
    if (type instanceof PdfName && type.name === "Page" && ref instanceof PdfRef) out.push(ref.num);
    const kids = node.get("Kids");
    if (Array.isArray(kids)) kids.forEach(walk);
  };
  walk(catalog.get("Pages"));
  return out;
}

/** Operators of a content stream with their operands (enough of the grammar for BDC, BMC, EMC and text showing). */
function* operators(bytes: Uint8Array): Generator<{ op: string; args: PdfValue[] }> {
  const lex = new Lexer(bytes, 0);
  let args: PdfValue[] = [];
  while (lex.pos < bytes.length) {
    const w = lex.peekWord();
    const c = bytes[skipTo(bytes, lex.pos)];
    if (c === undefined) return;
    if (c === 0x2f || c === 0x28 || c === 0x3c || c === 0x5b || /^[+-]?(\d+\.?\d*|\.\d+)$/.test(w)) {
      args.push(lex.value());
      continue;
    }
    const op = lex.word();
    if (!op) {
      lex.pos++;
      continue;
    }
    if (op === "BI") {
      // inline image: skip to EI (undoc draws none)
      const end = Buffer.from(bytes).indexOf("EI", lex.pos);
      lex.pos = end < 0 ? bytes.length : end + 2;
    }
    yield { op, args };
    args = [];
  }
}

function skipTo(bytes: Uint8Array, pos: number): number {
  while (pos < bytes.length && [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20].includes(bytes[pos])) pos++;
  return pos;
}

export async function readTagged(bytes: Uint8Array): Promise<TaggedPdf> {
  const pdf = readPdfObjects(bytes);
  const catalog = pdf.get(pdf.trailer.get("Root")) as PdfDict;
  const xmpBytes = stream(pdf, catalog.get("Metadata"));
  const xmp = xmpBytes ? Buffer.from(xmpBytes).toString("utf8") : "";
  const pages = pageObjects(pdf, catalog);
  const pageIndex = new Map(pages.map((num, i) => [num, i + 1]));

  // marked content: operators from the content streams, glyph text from pdf.js
  const marked: MarkedContent[] = [];
  let unmarkedText = 0;
  const doc = await openPdf(bytes);
  try {
    for (let n = 1; n <= pages.length; n++) {
      const page = pdf.get(new PdfRef(pages[n - 1], 0)) as PdfDict;
      const contents = page.get("Contents");
      const refs = Array.isArray(contents) ? contents : [contents];
      const texts = new Map<number, string>();
      const content = await (await doc.getPage(n)).getTextContent({ includeMarkedContent: true, disableNormalization: true });
      let current: number | undefined;
      for (const item of content.items as Array<{ type?: string; id?: string; str?: string }>) {
        if (item.type === "beginMarkedContentProps") {
          const m = /_mc(\d+)$/.exec(item.id ?? "");
          current = m ? Number(m[1]) : undefined;
        } else if (item.type === "endMarkedContent") current = undefined;
        else if (item.str !== undefined && current !== undefined) texts.set(current, (texts.get(current) ?? "") + item.str);
      }
      const stack: MarkedContent[] = [];
      for (const ref of refs) {
        const data = stream(pdf, ref as PdfValue);
        if (!data) continue;
        for (const { op, args } of operators(data)) {
          if (op === "BDC" || op === "BMC") {
            const tag = args[0] instanceof PdfName ? args[0].name : "?";
            const props = args[1] instanceof Map ? args[1] : undefined;
            const mcid = props?.get("MCID");
            const actual = props?.get("ActualText");
            const mc: MarkedContent = { page: n, tag, text: "", ...(typeof mcid === "number" && { mcid }), ...(typeof actual === "string" && { actualText: pdfString(actual) }) };
            stack.push(mc);
            marked.push(mc);
          } else if (op === "EMC") stack.pop();
          else if (op === "Tj" || op === "TJ" || op === "'" || op === '"') {
            if (!stack.length) unmarkedText++;
          }
        }
      }
      for (const mc of marked) {
        if (mc.page !== n) continue;
        // undoc draws no space glyph (word spaces are gaps, carried by /ActualText where they are
        // text): the spaces pdf.js reads into a sequence without ActualText are its guesses at gaps
        mc.text = mc.actualText ?? (mc.mcid !== undefined ? (texts.get(mc.mcid) ?? "").replace(/ /g, "") : "");
      }
    }
  } finally {
    await doc.destroy();
  }

  // the structure tree
  const element = (v: PdfValue | undefined, page: number | undefined): StructElement | undefined => {
    const d = pdf.get(v);
    if (!(d instanceof Map)) return undefined;
    const s = d.get("S");
    const pg = d.get("Pg");
    const here = pg instanceof PdfRef ? pageIndex.get(pg.num) : page;
    const attrs = pdf.get(d.get("A"));
    const scope = attrs instanceof Map ? attrs.get("Scope") : undefined;
    const el: StructElement = {
      type: s instanceof PdfName ? s.name : "?",
      kids: [],
      ...(typeof d.get("Alt") === "string" && { alt: pdfString(d.get("Alt") as string) }),
      ...(typeof d.get("Lang") === "string" && { lang: pdfString(d.get("Lang") as string) }),
      ...(typeof d.get("ID") === "string" && { id: pdfString(d.get("ID") as string) }),
      ...(scope instanceof PdfName && { scope: scope.name }),
    };
    const k = d.get("K");
    for (const kid of Array.isArray(k) ? k : k === undefined || k === null ? [] : [k]) {
      if (typeof kid === "number") el.kids.push({ page: here ?? 0, mcid: kid });
      else {
        const kd = pdf.get(kid);
        if (kd instanceof Map && kd.get("Type") instanceof PdfName && (kd.get("Type") as PdfName).name === "MCR") {
          const p = kd.get("Pg");
          el.kids.push({ page: p instanceof PdfRef ? (pageIndex.get(p.num) ?? 0) : (here ?? 0), mcid: Number(kd.get("MCID")) });
        } else {
          const child = element(kid, here);
          if (child) el.kids.push(child);
        }
      }
    }
    return el;
  };
  const treeRoot = pdf.get(catalog.get("StructTreeRoot"));
  const root = treeRoot instanceof Map ? element(new Map([["S", new PdfName("StructTreeRoot")], ["K", treeRoot.get("K") ?? null]]) as PdfDict, undefined) : undefined;
  return { catalog, xmp, root, marked, unmarkedText, pdf };
}

/** The text of an element in reading order: its marked contents' texts, depth first (`skip` leaves some element types out). */
export function elementText(el: StructElement, tagged: TaggedPdf, skip: (e: StructElement) => boolean = () => false): string {
  let out = "";
  for (const k of el.kids) {
    if ("mcid" in k) out += tagged.marked.find((m) => m.page === k.page && m.mcid === k.mcid)?.text ?? "\u0000";
    else if (!skip(k)) out += elementText(k, tagged, skip);
  }
  return out;
}

/** Every element of the tree, depth first. */
export function allElements(el: StructElement | undefined): StructElement[] {
  if (!el) return [];
  return [el, ...el.kids.flatMap((k) => ("mcid" in k ? [] : allElements(k)))];
}
