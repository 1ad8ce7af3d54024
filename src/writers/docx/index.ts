/**
 * The DOCX writer: (model, style, faces) -> DOCX bytes, through docx 9. Word lays the text out
 * itself, under named styles and the East Asian settings that make it break lines like the PDF:
 * kinsoku, hanging punctuation, CJK/Latin spacing, punctuation compression, a 35-character grid.
 *
 * One idiom: every part is a docx object. docx builds the body, headers, footers, footnotes,
 * numbering, relationships and content types; the parts docx cannot write as Word needs them
 * (styles, settings, font table, core properties) are undoc's own docx components, handed to
 * docx's compiler through its File (file.ts). The compiled parts are zipped once (package.ts).
 *
 * Files: blocks.ts (body blocks), runs.ts (inline text), numbering.ts, footnotes.ts, table.ts,
 * page-parts.ts (furniture and section), styles.ts + props.ts + geometry.ts (styles),
 * fonts.ts + font-table.ts + sfnt.ts (fonts; subsets from src/fonts/font-subset.ts), settings.ts, core-properties.ts,
 * images.ts (marks), xml.ts (undoc's element component), package.ts + zip.ts (the package).
 */
import type { Document } from "../../model/types.js";
import { isRtl, type Style } from "../../style/style.js";
import { NO_LINE_END, NO_LINE_START } from "../../typeset/kinsoku.js";
import type { FaceSet } from "../../typeset/index.js";
import { bodyContent, type BlockWriter } from "./blocks.js";
import { docxContext } from "./context.js";
import { corePropertiesPart } from "./core-properties.js";
import { wordLang } from "./units.js";
import { UndocFile } from "./file.js";
import { FontTable } from "./font-table.js";
import { Footnotes } from "./footnotes.js";
import { DEFAULT_SYSTEM_FONTS, fontPlan, type DocxFontMode, type SystemFonts } from "./fonts.js";
import { NumberingRegistry } from "./numbering.js";
import { packageParts, wholeFontParts, zipPackage } from "./package.js";
import { footers, headers, sectionProperties } from "./page-parts.js";
import { settingsPart } from "./settings.js";
import { styleSheet } from "./styles.js";
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
  const writer: BlockWriter = {
    ctx,
    sheet,
    numbering,
    headingsLinked: doc.body.some((b) => b.type === "heading" && b.label?.counter?.scheme === "heading"),
  };
  // the body first: the numbering definitions come from its labels
  const children = bodyContent(writer, doc.body);
  trace("docx: body");
  const embeds = plan.table.some((f) => f.members.length > 0);
  const fontTable = new FontTable(plan.table);
  const file = new UndocFile(
    {
      creator: "undoc",
      title: doc.meta.title,
      subject: doc.meta.symbol,
      evenAndOddHeaderAndFooters: true,
      numbering: { config: numbering.definitions },
      theme: { fonts: { body: { latin: ctx.fonts.regular.latin, eastAsia: ctx.fonts.regular.cjk }, headings: { latin: ctx.fonts.bold.latin, eastAsia: ctx.fonts.bold.cjk } } },
      sections: [{ properties: sectionProperties(ctx), headers: headers(ctx, doc), footers: footers(ctx, doc), children }],
    },
    {
      styles: sheet.part(numbering.headings.firstKey),
      settings: settingsPart({
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
      }),
      fontTable,
      footnotes: new Footnotes(ctx),
      coreProperties: corePropertiesPart({ title: doc.meta.title, subject: doc.meta.symbol, creator: "undoc", language: wordLang(doc.meta.lang), date: options.date }),
    },
  );
  trace("docx: file object");
  const parts = packageParts(file);
  trace("docx: parts compiled");
  if (isRtl(style)) parts.set("word/document.xml", rightToLeftSection(parts.get("word/document.xml") as string));
  return zipPackage(parts, options.date, wholeFontParts(fontTable.files));
}

/**
 * A right-to-left document's section: w:bidi in w:sectPr (§17.6.1), so Word lays out its columns
 * and page furniture from the right. docx has no option for it; it goes where CT_SectPr puts it,
 * right before w:docGrid (after w:titlePg).
 */
function rightToLeftSection(xml: string): string {
  const at = xml.lastIndexOf("<w:docGrid");
  if (at < 0 || xml.lastIndexOf("<w:sectPr") > at) throw new Error("DOCX: the section has no w:docGrid to put w:bidi before");
  return `${xml.slice(0, at)}<w:bidi/>${xml.slice(at)}`;
}
