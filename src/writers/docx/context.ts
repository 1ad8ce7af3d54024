/** What every DOCX part builder needs: the style, the faces, the font names, the language and stable ids. */
import type { Document } from "../../model/types.js";
import { pageSize, textWidth, type Style } from "../../style/style.js";
import { composeOptions } from "../../layout/compose-options.js";
import type { ComposeOptions, FaceSet, Variant } from "../../typeset/index.js";
import type { FontPlan } from "./fonts.js";
import type { RunFontNames } from "./props.js";
import { wordLang } from "./units.js";

export interface DocxContext {
  style: Style;
  faces: FaceSet;
  /** run font names by variant */
  fonts: Record<Variant, RunFontNames>;
  plan: FontPlan;
  /** text block width and page size, points */
  width: number;
  page: { width: number; height: number };
  /** the document's language (BCP 47, the model's) */
  docLang: string;
  /** the typesetter's options for the document's language, as the PDF writer sets them */
  opt: ComposeOptions;
  /** w:lang values: w:val for Latin text, w:eastAsia for Chinese text */
  lang: { val: string; eastAsia: string };
  /** a Chinese, Japanese or Korean document: emphasis is a face (Kai), not a slant (README, "Emphasis") */
  eastAsian: boolean;
  /** wp:docPr ids must be unique in the package: numbered in document order, never random */
  nextDrawingId(): number;
}

const EAST_ASIAN = new Set(["zh", "ja", "ko"]);

export function docxContext(doc: Document, style: Style, faces: FaceSet, plan: FontPlan): DocxContext {
  const eastAsian = EAST_ASIAN.has(doc.meta.lang.split("-")[0]);
  let drawingId = 0;
  return {
    style,
    faces,
    fonts: plan.names,
    plan,
    width: textWidth(style),
    page: pageSize(style),
    docLang: doc.meta.lang,
    opt: composeOptions(style, doc.meta.lang),
    lang: { val: eastAsian ? "en-US" : wordLang(doc.meta.lang), eastAsia: eastAsian ? wordLang(doc.meta.lang) : "zh-CN" },
    eastAsian,
    nextDrawingId: () => ++drawingId,
  };
}
