/** Test helpers for tests/writers/docx: the rendered example, the DOCX's parts (LibreOffice: tests/conformance/). */
import { unzipSync } from "fflate";
import { loadDataFile } from "../../../src/input/load.js";
import type { UnDocumentData } from "../../../src/input/schema.js";
import { renderData, type Rendered } from "../../../src/render/pipeline.js";

export const EXAMPLE = "examples/arria-belarus-2020.zh.yaml";
/** A fixed date: the tests compare bytes. */
export const DATE = new Date("2020-09-16T00:00:00Z");

let example: Promise<{ data: UnDocumentData; rendered: Rendered }> | undefined;

/** The bundled example through the whole pipeline (data -> templates -> model -> PDF and DOCX), once per worker. */
export function renderedExample(): Promise<{ data: UnDocumentData; rendered: Rendered }> {
  example ??= (async () => {
    const { data } = loadDataFile(EXAMPLE);
    return { data, rendered: await renderData(data, { date: DATE }) };
  })();
  return example;
}

/** Every paragraph of the example data: letter paragraphs, annex title, headings, paragraphs, bullets. */
export function paragraphsOf(d: UnDocumentData): string[] {
  return [
    ...d.letter.paragraphs,
    ...(d.annex ? [d.annex.title] : []),
    ...(d.annex?.sections.flatMap((s) => [...(s.heading ? [s.heading] : []), ...(s.content ?? []).flatMap((c) => (typeof c === "string" ? [c] : "bullets" in c ? (c.bullets as string[]) : []))]) ?? []),
  ];
}

export const squash = (s: string) => s.replace(/\s+/g, "");

/** The package's parts: XML as text, everything else as bytes. */
export function parts(docx: Uint8Array): { xml: Record<string, string>; bytes: Record<string, Uint8Array> } {
  const bytes = unzipSync(docx);
  const xml: Record<string, string> = {};
  const dec = new TextDecoder();
  for (const [name, data] of Object.entries(bytes)) if (/\.(xml|rels)$/.test(name)) xml[name] = dec.decode(data);
  return { xml, bytes };
}

/** The text of each w:p of a part, in order (w:t contents joined). */
export function paragraphTexts(xml: string): string[] {
  return (xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? []).map((p) => (p.match(/<w:t(?: [^>]*)?>[^<]*<\/w:t>/g) ?? []).map((t) => t.replace(/<[^>]+>/g, "")).join(""));
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

/** A small hand-built model: strong and emphasis inlines, an unindented paragraph, a list, a signature. */
export function smallModel(): import("../../../src/model/types.js").Document {
  return {
    type: "document",
    meta: { symbol: "S/2099/1", lang: "zh", title: "测试", jobNumber: "99-00001" },
    numbering: { heading: [], paragraph: [], list: [] },
    masthead: { type: "masthead", emblem: "none", organisation: "联合国", symbol: "S/2099/1", organ: "安全理事会", distribution: ["Distr.: General"] },
    firstPageFooter: { type: "firstPageFooter", jobLabel: "99-00001 (C)", barcode: "9900001", qr: "https://undocs.org/zh/S/2099/1", recyclingMark: false },
    running: { type: "runningParts", header: "S/2099/1", footer: "99-00001" },
    body: [
      { type: "heading", role: "title", children: [{ type: "text", value: "标题" }] },
      { type: "paragraph", children: [{ type: "text", value: "正文" }, { type: "strong", children: [{ type: "text", value: "加粗ABC" }] }, { type: "emphasis", children: [{ type: "text", value: "强调" }] }] },
      { type: "heading", role: "section", level: 1, children: [{ type: "text", value: "小节" }] },
      { type: "paragraph", indent: "none", children: [{ type: "text", value: "不缩进" }] },
      { type: "list", marker: "bullet", level: 1, items: [{ type: "listItem", label: { text: "•" }, children: [{ type: "text", value: "一" }] }, { type: "listItem", label: { text: "•" }, children: [{ type: "text", value: "二" }] }] },
      { type: "signature", lines: [[{ type: "text", value: "大使" }], [{ type: "text", value: "某某(签名)" }]] },
      { type: "pageBreak" },
      { type: "heading", role: "section", level: 1, children: [{ type: "text", value: "新页" }] },
      { type: "endRule" },
    ],
  };
}
