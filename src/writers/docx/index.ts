/**
 * The DOCX writer: (model, style, faces) -> DOCX bytes. Word lays the text out itself, under named
 * styles and the East Asian settings that make it break lines like the PDF: kinsoku, hanging
 * punctuation, CJK/Latin spacing, punctuation compression, a 35-character grid.
 *
 * One idiom: every part is a string of XML built by undoc's own element writer (xml.ts), in one
 * pass from the model; the parts are zipped once (package.ts, zip.ts).
 *
 * Files, by part: document.ts (word/document.xml) with blocks.ts (body blocks), paragraph.ts
 * (paragraphs and runs), runs.ts (inline text), table.ts; page-parts.ts (headers, footers, the
 * section); footnotes.ts (footnotes and endnotes); numbering.ts; styles.ts + props.ts +
 * geometry.ts (styles); fonts.ts + font-table.ts + sfnt.ts (fonts; subsets from
 * src/fonts/font-subset.ts); settings.ts; core-properties.ts; theme.ts; images.ts (marks and
 * media); namespaces.ts (the root elements); package.ts + zip.ts (relationships, content types,
 * the zip).
 */
import type { Document } from "../../model/types.js";
import type { Style } from "../../style/style.js";
import { NO_LINE_END, NO_LINE_START } from "../../typeset/kinsoku.js";
import type { FaceSet } from "../../typeset/index.js";
import { bodyContent, type BlockWriter } from "./blocks.js";
import { docxContext } from "./context.js";
import { corePropertiesPart } from "./core-properties.js";
import { documentPart } from "./document.js";
import { wordLang } from "./units.js";
import { FontTable } from "./font-table.js";
import { ENDNOTES, Footnotes } from "./footnotes.js";
import { DEFAULT_SYSTEM_FONTS, fontPlan, type DocxFontMode, type SystemFonts } from "./fonts.js";
import { Media } from "./images.js";
import { NumberingRegistry } from "./numbering.js";
import { APP_PROPERTIES, CONTENT_TYPES, CUSTOM_PROPERTIES, DOCUMENT_RELATIONSHIPS, PACKAGE_RELATIONSHIPS, relationshipsPart, wholeFontParts, withImages, zipPackage } from "./package.js";
import { footers, headers, HEADER_FOOTER_KINDS, sectionProperties, type HeaderFooterKind, type PagePart } from "./page-parts.js";
import { ROOTS } from "./namespaces.js";
import { settingsPart } from "./settings.js";
import { styleSheet } from "./styles.js";
import { themePart } from "./theme.js";
import { DECLARATION } from "./xml.js";
import { trace } from "../../trace.js";

export type { DocxFontMode, SystemFonts } from "./fonts.js";
export { DOCX_FONT_MODES } from "./fonts.js";

export interface DocxOptions {
  /** written as the document's creation and modification date, and as the zip entries' time */
  date: Date;
  /** which fonts are embedded and how (fonts.ts; default "editable") */
  fonts?: DocxFontMode;
  /** @deprecated use fonts: "none"; `false` embeds nothing and names the system fonts */
  embedFonts?: boolean;
  /** fonts named when nothing is embedded (default SimSun, SimHei, Times New Roman) */
  systemFonts?: SystemFonts;
}

export async function writeDocx(doc: Document, style: Style, faces: FaceSet, options: DocxOptions): Promise<Uint8Array> {
  const mode: DocxFontMode = options.embedFonts === false ? "none" : (options.fonts ?? "editable");
  const plan = fontPlan(doc, style, faces, mode, options.systemFonts ?? DEFAULT_SYSTEM_FONTS);
  trace("docx: font plan");
  const ctx = docxContext(doc, style, faces, plan);
  const sheet = styleSheet(ctx);
  const numbering = new NumberingRegistry(ctx, doc.numbering);
  const footnotes = new Footnotes(ctx);
  const writer: BlockWriter = {
    ctx,
    sheet,
    numbering,
    footnotes,
    headingsLinked: doc.body.some((b) => b.type === "heading" && b.label?.counter?.scheme === "heading"),
  };
  // the body first: the numbering instances and the notes are numbered in its order
  const document = documentPart(bodyContent(writer, doc.body), sectionProperties(ctx));
  trace("docx: body");
  // the furniture: the headers before the footers (the drawings are numbered in that order)
  const pageParts = { header: headers(ctx, doc), footer: footers(ctx, doc) };
  const embeds = plan.table.some((f) => f.members.length > 0);
  const fontTable = new FontTable(plan.table);
  const settings = settingsPart({
    embedFonts: embeds,
    saveSubsetFonts: embeds && mode === "subset",
    defaultTabStop: 2 * style.text.size,
    hyphenation: style.text.hyphenation,
    evenAndOddHeaders: true,
    compressPunctuation: ctx.eastAsian,
    // the line-start and line-end prohibitions the typesetter applies: Word's own zh-CN lists, written
    // out so LibreOffice (whose zh-CN lists differ) uses them too
    kinsoku: ctx.eastAsian ? { lang: ctx.lang.eastAsia, noLineBreaksAfter: NO_LINE_END, noLineBreaksBefore: NO_LINE_START } : undefined,
    lang: ctx.lang,
  });

  // a header's or footer's images go into the media as the part is written: the headers first
  const media = new Media();
  const headerParts = storyParts("header", pageParts.header, media);
  const footerParts = storyParts("footer", pageParts.footer, media);
  // the parts in the order undoc's DOCX has always had them (the docx library's: the bytes stay the same)
  const parts = new Map<string, string | Uint8Array>([
    ["word/_rels/document.xml.rels", relationshipsPart(DOCUMENT_RELATIONSHIPS)],
    ["word/document.xml", document],
    ["word/styles.xml", sheet.part(numbering.headings.firstKey && numbering.numId(numbering.headings.firstKey))],
    ["docProps/core.xml", corePropertiesPart({ title: doc.meta.title, subject: doc.meta.symbol, creator: "undoc", language: wordLang(doc.meta.lang), date: options.date })],
    ["_rels/.rels", PACKAGE_RELATIONSHIPS],
    ...headerParts.relationships,
    ...footerParts.relationships,
    ...headerParts.parts,
    ...footerParts.parts,
    ["docProps/custom.xml", CUSTOM_PROPERTIES],
    ["docProps/app.xml", APP_PROPERTIES],
    ["word/footnotes.xml", footnotes.part()],
    ["word/_rels/footnotes.xml.rels", relationshipsPart([])],
    ["word/endnotes.xml", ENDNOTES],
    ["word/_rels/endnotes.xml.rels", relationshipsPart([])],
    ["word/settings.xml", settings],
    ["word/fontTable.xml", fontTable.part],
    ["word/_rels/fontTable.xml.rels", fontTable.relationships],
    ["word/theme/theme1.xml", themePart({ major: { latin: ctx.fonts.bold.latin, eastAsia: ctx.fonts.bold.cjk }, minor: { latin: ctx.fonts.regular.latin, eastAsia: ctx.fonts.regular.cjk } })],
    ["word/numbering.xml", numbering.part()],
    ["[Content_Types].xml", CONTENT_TYPES],
    ...media.parts(),
    ...fontTable.fontParts(),
  ]);
  trace("docx: parts");
  return zipPackage(parts, options.date, wholeFontParts(fontTable.files));
}

/** The parts of the headers (or footers) by kind, header1.xml being the default one, and their relationships. */
function storyParts(part: "header" | "footer", stories: Record<HeaderFooterKind, PagePart>, media: Media) {
  const root = part === "header" ? ROOTS.header : ROOTS.footer;
  const written = HEADER_FOOTER_KINDS.map((kind) => withImages(stories[kind].xml, stories[kind].images, media));
  return {
    parts: written.map((w, i): [string, string] => [`word/${part}${i + 1}.xml`, `${DECLARATION}${root}${w.xml}</w:${part === "header" ? "hdr" : "ftr"}>`]),
    relationships: written.map((w, i): [string, string] => [`word/_rels/${part}${i + 1}.xml.rels`, w.relationships]),
  };
}
