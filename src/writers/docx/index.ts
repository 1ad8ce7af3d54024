/**
 * The DOCX writer: (model, style, faces) -> DOCX bytes, through docx 9. Word lays the text out
 * itself, under named styles and the East Asian settings that make it break lines like the PDF:
 * kinsoku, hanging punctuation, CJK/Latin spacing, punctuation compression, a 35-character grid.
 *
 * Parts: styles.ts (word/styles.xml), numbering.ts (word/numbering.xml), blocks.ts (the body),
 * page-parts.ts (masthead, footers, section), fonts.ts + hb-subset.ts (embedded subsets),
 * package.ts (settings, font keys, dates, the deterministic zip).
 */
import { Document as DocxDocument, Packer } from "docx";
import type { Document } from "../../model/types.js";
import type { Style } from "../../style/style.js";
import { CLOSING, INTERPUNCTS, OPENING, STOPS } from "../../typeset/classify.js";
import type { FaceSet } from "../../typeset/index.js";
import { bodyParagraphs } from "./blocks.js";
import { DEFAULT_SYSTEM_FONTS, docxContext, runFonts, type SystemFonts } from "./context.js";
import { docxFontOptions, embeddedFamilies } from "./fonts.js";
import { numberingXml } from "./numbering.js";
import { finishPackage } from "./package.js";
import { footers, headers, sectionProperties } from "./page-parts.js";
import { listIndent, STYLE, styleSheet } from "./styles.js";
import { esc } from "./units.js";

export interface DocxOptions {
  /** written as the document's creation and modification date, and as the zip entries' time */
  date: Date;
  /** embed subsets of the faces the document uses (default true) */
  embedFonts?: boolean;
  /** fonts named when embedFonts is false (default SimSun, SimHei, Times New Roman) */
  systemFonts?: SystemFonts;
}

/** The bullet the model's bulleted lists use (interim, until the DOCX writer numbers every list). */
function bulletOf(doc: Document): string {
  for (const b of doc.body) if (b.type === "list" && b.marker === "bullet") return b.items[0].label.text;
  return "•";
}

export async function writeDocx(doc: Document, style: Style, faces: FaceSet, options: DocxOptions): Promise<Uint8Array> {
  const embed = options.embedFonts ?? true;
  const system = options.systemFonts ?? DEFAULT_SYSTEM_FONTS;
  const ctx = docxContext(doc, style, faces, runFonts(faces, embed, system));
  const sheet = styleSheet(ctx);
  const fonts = docxFontOptions(embed ? embeddedFamilies(doc, style, faces) : []);

  const file = new DocxDocument({
    creator: "undoc",
    lastModifiedBy: "undoc",
    title: doc.meta.title,
    subject: doc.meta.symbol,
    revision: 1,
    evenAndOddHeaderAndFooters: true,
    fonts: fonts.options,
    sections: [
      {
        properties: sectionProperties(ctx),
        headers: headers(ctx, doc),
        footers: footers(ctx, doc),
        children: bodyParagraphs(ctx, sheet, doc.body),
      },
    ],
  });
  const overrides = [
    { path: "word/styles.xml", data: sheet.xml },
    { path: "word/numbering.xml", data: numberingXml(ctx, STYLE.listBullet, listIndent(ctx), doc.numbering.list.length ? bulletOf(doc) : "•") },
  ];
  const zip = await Packer.toBuffer(file, false, overrides);

  const lang = ctx.lang.eastAsia;
  return finishPackage(new Uint8Array(zip), {
    date: options.date,
    settings: {
      // Word re-saves embedded fonts as subsets too
      afterEmbedTrueTypeFonts: embed ? "<w:saveSubsetFonts/>" : "",
      // compress full-width punctuation (clreq §3.1.6); the line-start and line-end prohibitions
      // of clreq §3.2 as the typesetter applies them, for Chinese runs
      beforeCompat:
        '<w:characterSpacingControl w:val="compressPunctuation"/>' +
        `<w:noLineBreaksAfter w:lang="${lang}" w:val="${esc([...OPENING].join(""))}"/>` +
        `<w:noLineBreaksBefore w:lang="${lang}" w:val="${esc([...CLOSING, ...STOPS, ...INTERPUNCTS].join(""))}"/>`,
      afterCompat: `<w:themeFontLang w:val="${ctx.lang.val}" w:eastAsia="${lang}"/>`,
    },
    namedFonts: embed
      ? []
      : [
          { name: system.cjk, cjk: true },
          ...(system.cjkBold !== system.cjk ? [{ name: system.cjkBold, cjk: true }] : []),
          { name: system.latin, cjk: false },
        ],
    faces: fonts.faces,
  });
}
