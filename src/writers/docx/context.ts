/** What every DOCX part builder needs: the style, the run font names and stable drawing ids. */
import type { Document } from "../../model/types.js";
import { pageSize, textWidth, type Style } from "../../style/style.js";
import type { FaceSet } from "../../typeset/index.js";
import type { RunFontNames } from "./props.js";
import { wordLang } from "./units.js";

export interface DocxFonts {
  regular: RunFontNames;
  bold: RunFontNames;
}

export interface SystemFonts {
  cjk: string;
  cjkBold: string;
  latin: string;
}

export const DEFAULT_SYSTEM_FONTS: SystemFonts = { cjk: "SimSun", cjkBold: "SimHei", latin: "Times New Roman" };

export interface DocxContext {
  style: Style;
  faces: FaceSet;
  fonts: DocxFonts;
  /** text block width and page size, points */
  width: number;
  page: { width: number; height: number };
  /** w:lang values: w:val for Latin text, w:eastAsia for Chinese text */
  lang: { val: string; eastAsia: string };
  /** wp:docPr ids must be unique in the package: numbered in document order, never random */
  nextDrawingId(): number;
}

const CJK_LANGS = new Set(["zh", "ja", "ko"]);

export function docxContext(doc: Document, style: Style, faces: FaceSet, fonts: DocxFonts): DocxContext {
  const base = doc.meta.lang.split("-")[0];
  const cjk = CJK_LANGS.has(base);
  let drawingId = 0;
  return {
    style,
    faces,
    fonts,
    width: textWidth(style),
    page: pageSize(style),
    lang: { val: cjk ? "en-US" : wordLang(doc.meta.lang), eastAsia: cjk ? wordLang(doc.meta.lang) : "zh-CN" },
    nextDrawingId: () => ++drawingId,
  };
}

/** Run font names: the embedded faces' families, or the named system fonts. */
export function runFonts(faces: FaceSet, embed: boolean, system: SystemFonts): DocxFonts {
  if (!embed) {
    return { regular: { latin: system.latin, cjk: system.cjk }, bold: { latin: system.latin, cjk: system.cjkBold } };
  }
  return {
    regular: { latin: faces.regular.latin.family, cjk: faces.regular.cjk.family },
    bold: { latin: faces.bold.latin.family, cjk: faces.bold.cjk.family },
  };
}
