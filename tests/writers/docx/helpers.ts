/** Test helpers for tests/writers/docx: rendered documents, the DOCX's parts, small hand-built models. Node only. */
import { unzipSync } from "fflate";
import { fileURLToPath } from "node:url";
import { faceSetFor } from "../../../src/fonts/face-set.js";
import { loadDataFile } from "../../../src/input/load.js";
import type { UnDocumentData } from "../../../src/input/schema.js";
import type { Block, Document } from "../../../src/model/types.js";
import { buildModel, DEFAULT_TEMPLATES, renderData, styleOf, type Rendered } from "../../../src/render/pipeline.js";
import type { Style } from "../../../src/style/style.js";
import { writeDocx, type DocxOptions } from "../../../src/writers/docx/index.js";

export const EXAMPLE = "examples/arria-belarus-2020.zh.yaml";
/** The second bundled example: a Chinese committee report with every block type. */
export const REPORT = "examples/committee-report-2021.zh.yaml";
/** Reports with every block type (headings at four levels, numbered paragraphs, nested lists, footnotes, a table over a page break, a quotation). */
export const REPORT_ZH = fileURLToPath(new URL("fixtures/report.zh.yaml", import.meta.url));
export const REPORT_EN = fileURLToPath(new URL("fixtures/report.en.yaml", import.meta.url));
/** A fixed date: the tests compare bytes. */
export const DATE = new Date("2020-09-16T00:00:00Z");

const rendered = new Map<string, Promise<{ data: UnDocumentData; rendered: Rendered }>>();

/** A data file through the whole pipeline (data -> templates -> model -> PDF and DOCX), once per worker. */
export function renderedFile(file: string): Promise<{ data: UnDocumentData; rendered: Rendered }> {
  let r = rendered.get(file);
  if (!r) {
    r = (async () => {
      const { data } = loadDataFile(file);
      return { data, rendered: await renderData(data, { date: DATE }) };
    })();
    rendered.set(file, r);
  }
  return r;
}

export const renderedExample = () => renderedFile(EXAMPLE);

/** The model of a data file. */
export function modelOf(file: string): Document {
  return buildModel(loadDataFile(file).data);
}

export function defaultStyle(): Style {
  return styleOf(DEFAULT_TEMPLATES);
}

/** A model's DOCX with the default style. */
export function docxOf(model: Document, options: Partial<DocxOptions> = {}): Promise<Uint8Array> {
  const style = defaultStyle();
  return writeDocx(model, style, faceSetFor(style), { date: DATE, ...options });
}

/** Every paragraph of the example data: letter paragraphs, annex title, headings, paragraphs, bullets. */
export function paragraphsOf(d: UnDocumentData): string[] {
  return [
    ...d.letter.paragraphs.filter((p): p is string => typeof p === "string"),
    ...(d.annex && typeof d.annex.title === "string" ? [d.annex.title] : []),
    ...(d.annex?.sections.flatMap((s) => [
      ...(typeof s.heading === "string" ? [s.heading] : []),
      ...(s.content ?? []).flatMap((c) => (typeof c === "string" ? [c] : "bullets" in c ? (c.bullets as unknown[]).filter((b): b is string => typeof b === "string") : [])),
    ]) ?? []),
  ];
}

export const squash = (s: string) => s.replace(/\s+/g, "");

/** The package's parts: XML as text, everything else as bytes (in zip order). */
export function parts(docx: Uint8Array): { xml: Record<string, string>; bytes: Record<string, Uint8Array> } {
  const bytes = unzipSync(docx);
  const xml: Record<string, string> = {};
  const dec = new TextDecoder();
  for (const [name, data] of Object.entries(bytes)) if (/\.(xml|rels)$/.test(name)) xml[name] = dec.decode(data);
  return { xml, bytes };
}

/** The w:p elements of a part, in order (not those inside other paragraphs' drawings). */
export function paragraphsIn(xml: string): string[] {
  return xml.match(/<w:p>[\s\S]*?<\/w:p>|<w:p [^>]*>[\s\S]*?<\/w:p>/g) ?? [];
}

/** The text of each w:p of a part, in order (w:t contents joined). */
export function paragraphTexts(xml: string): string[] {
  return paragraphsIn(xml).map(textOf);
}

export function textOf(xml: string): string {
  return (xml.match(/<w:t(?: [^>]*)?>[^<]*<\/w:t>/g) ?? []).map((t) => t.replace(/<[^>]+>/g, "")).join("");
}

/** The paragraph style of a w:p. */
export const styleOfPara = (p: string) => /<w:pStyle w:val="([^"]+)"\/>/.exec(p)?.[1];

/** A w:style element of styles.xml by id. */
export function styleXml(xml: Record<string, string>, id: string): string {
  return new RegExp(`<w:style [^>]*w:styleId="${id}">[\\s\\S]*?</w:style>`).exec(xml["word/styles.xml"])?.[0] ?? "";
}

/** The part a relationship of word/document.xml points at, by reference type (first, default, even). */
export function headerFooterPart(xml: Record<string, string>, kind: "header" | "footer", type: "first" | "default" | "even"): string {
  const doc = xml["word/document.xml"];
  const id = new RegExp(`<w:${kind}Reference w:type="${type}" r:id="([^"]+)"`).exec(doc)?.[1];
  const rels = xml["word/_rels/document.xml.rels"];
  const target = new RegExp(`<Relationship[^>]*Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`<Relationship[^>]*Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)?.[1];
  if (!id || !target) throw new Error(`no ${type} ${kind}`);
  return xml[`word/${target}`];
}

const text = (value: string) => [{ type: "text" as const, value }];

/** One block of each type of the model: the record is keyed by the block types, so a new type must be added here. */
export const ONE_OF_EACH: { [T in Block["type"]]: Extract<Block, { type: T }> } = {
  heading: { type: "heading", role: "section", level: 1, label: { text: "一.", counter: { scheme: "heading", level: 1, value: 1 } }, children: text("小节") },
  paragraph: { type: "paragraph", label: { text: "1.", counter: { scheme: "paragraph", level: 1, value: 1 } }, children: text("编号段落") },
  list: {
    type: "list",
    marker: "lowerLetter",
    level: 1,
    items: [
      { type: "listItem", label: { text: "(a)", counter: { scheme: "list", level: 1, value: 1 } }, children: text("第一项") },
      { type: "listItem", label: { text: "(b)", counter: { scheme: "list", level: 1, value: 2 } }, children: text("第二项") },
    ],
  },
  table: {
    type: "table",
    caption: text("表1"),
    columns: [{ align: "start" }, { align: "end" }],
    header: [{ type: "tableRow", cells: [{ type: "tableCell", blocks: [{ type: "paragraph", children: text("区域") }] }, { type: "tableCell", blocks: [{ type: "paragraph", children: text("数目") }] }] }],
    rows: [{ type: "tableRow", cells: [{ type: "tableCell", blocks: [{ type: "paragraph", children: text("亚洲") }] }, { type: "tableCell", blocks: [{ type: "paragraph", children: text("10") }] }] }],
  },
  quote: { type: "quote", blocks: [{ type: "paragraph", children: text("引文") }] },
  signature: { type: "signature", lines: [text("大使"), text("某某(签名)")] },
  pageBreak: { type: "pageBreak" },
  endRule: { type: "endRule" },
};

/** A small hand-built model around some blocks. */
export function modelWith(body: Block[], lang = "zh"): Document {
  return {
    type: "document",
    meta: { symbol: "S/2099/1", lang, title: "测试", jobNumber: "99-00001" },
    numbering: {
      heading: [
        { format: "chineseCounting", text: "%1." },
        { format: "upperLetter", text: "%1." },
        { format: "decimal", text: "%1." },
        { format: "lowerLetter", text: "(%1)" },
      ],
      paragraph: [{ format: "decimal", text: "%1." }],
      list: [
        { format: "lowerLetter", text: "(%1)" },
        { format: "lowerRoman", text: "(%1)" },
      ],
    },
    masthead: { type: "masthead", emblem: "none", organisation: "联合国", symbol: "S/2099/1", organ: "安全理事会", distribution: ["Distr.: General"] },
    firstPageFooter: { type: "firstPageFooter", jobLabel: "99-00001 (C)", barcode: "9900001", qr: "https://undocs.org/zh/S/2099/1", recyclingMark: false },
    running: { type: "runningParts", header: "S/2099/1", footer: "99-00001" },
    body,
  };
}

/** A small hand-built model: strong and emphasis inlines, an unindented paragraph, a list, a signature. */
export function smallModel(): Document {
  return modelWith([
    { type: "heading", role: "title", level: 1, children: text("标题") },
    { type: "paragraph", children: [{ type: "text", value: "正文" }, { type: "strong", children: text("加粗ABC") }, { type: "emphasis", children: text("强调") }] },
    { type: "heading", role: "section", level: 1, children: text("小节") },
    { type: "paragraph", indent: "none", children: text("不缩进") },
    { type: "list", marker: "bullet", level: 1, items: [{ type: "listItem", label: { text: "•", counter: { scheme: "list", level: 1, value: 1 } }, children: text("一") }, { type: "listItem", label: { text: "•", counter: { scheme: "list", level: 1, value: 2 } }, children: text("二") }] },
    { type: "signature", lines: [text("大使"), text("某某(签名)")] },
    { type: "pageBreak" },
    { type: "heading", role: "section", level: 1, children: text("新页") },
    { type: "endRule" },
  ]);
}
