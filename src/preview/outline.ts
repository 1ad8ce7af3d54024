/**
 * The DOCX's outline for the preview: its body paragraphs in order with their Word style names
 * (and text, cut short), tables as their size, page breaks; plus how many headers, footers and
 * footnotes the package has. Read back from the DOCX bytes, so the page shows what Word will get.
 */
import { readZipMember } from "./zip.js";

export type OutlineItem =
  | { kind: "paragraph"; style: string; heading: number; text: string }
  | { kind: "table"; rows: number; columns: number }
  | { kind: "pageBreak" };

export interface Outline {
  items: OutlineItem[];
  headers: number;
  footers: number;
  footnotes: number;
  bytes: number;
}

/** The text shown per paragraph; longer paragraphs end with an ellipsis. */
const MAX_TEXT = 160;

const ENTITY: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const unescape = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) =>
    e[0] === "#" ? String.fromCodePoint(e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : (ENTITY[e] ?? m),
  );

/** styleId -> the name Word shows ("BodyTextFirstIndent" -> "Body Text First Indent"). */
function styleNames(xml: string): Map<string, string> {
  const names = new Map<string, string>();
  for (const m of xml.matchAll(/<w:style\b[^>]*\bw:styleId="([^"]*)"[^>]*>\s*<w:name w:val="([^"]*)"/g)) names.set(m[1], unescape(m[2]));
  return names;
}

function paragraph(xml: string, names: Map<string, string>): OutlineItem[] {
  const id = /<w:pStyle w:val="([^"]*)"/.exec(xml)?.[1] ?? "Normal";
  const style = names.get(id) ?? id;
  const text = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:footnoteReference\b[^>]*\/>/g)]
    .map((m) => (m[0].startsWith("<w:tab") ? "\t" : m[0].startsWith("<w:footnoteReference") ? "[note]" : unescape(m[1])))
    .join("");
  const heading = /^heading (\d)$/i.exec(style)?.[1];
  const out: OutlineItem[] = [];
  if (/<w:pageBreakBefore\/>/.test(xml)) out.push({ kind: "pageBreak" });
  if (text !== "" || !/<w:br w:type="page"\/>/.test(xml)) {
    out.push({ kind: "paragraph", style, heading: heading ? Number(heading) : /^title$/i.test(style) ? 0 : -1, text: text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text });
  }
  if (/<w:br w:type="page"\/>/.test(xml)) out.push({ kind: "pageBreak" });
  return out;
}

export function docxOutline(docx: Uint8Array): Outline {
  const read = (name: string) => readZipMember(docx, name)?.toString("utf8") ?? "";
  const document = read("word/document.xml");
  const names = styleNames(read("word/styles.xml"));
  const items: OutlineItem[] = [];
  const body = /<w:body>([\s\S]*)<\/w:body>/.exec(document)?.[1] ?? "";
  // top-level paragraphs and tables, in order (a table's own paragraphs are summarised by its size)
  let at = 0;
  while (at < body.length) {
    const next = body.slice(at).search(/<w:(p|tbl)[\s>/]/);
    if (next < 0) break;
    const start = at + next;
    if (body.startsWith("<w:tbl", start)) {
      // tables do not nest in undoc's DOCX; the first closing tag ends it
      const end = body.indexOf("</w:tbl>", start) + "</w:tbl>".length;
      const table = body.slice(start, end);
      const rows = table.match(/<w:tr[\s>]/g)?.length ?? 0;
      const columns = table.match(/<w:gridCol\b/g)?.length ?? 0;
      items.push({ kind: "table", rows, columns });
      at = end;
    } else {
      const selfClosing = /^<w:p\b[^>]*\/>/.exec(body.slice(start));
      const end = selfClosing ? start + selfClosing[0].length : body.indexOf("</w:p>", start) + "</w:p>".length;
      items.push(...paragraph(body.slice(start, end), names));
      at = end;
    }
  }
  const parts = [...read("[Content_Types].xml").matchAll(/PartName="\/word\/(header|footer)\d+\.xml"/g)].map((m) => m[1]);
  const footnotes = (read("word/footnotes.xml").match(/<w:footnote\b(?![^>]*w:type="(?:separator|continuationSeparator)")/g) ?? []).length;
  return { items, headers: parts.filter((p) => p === "header").length, footers: parts.filter((p) => p === "footer").length, footnotes, bytes: docx.byteLength };
}
