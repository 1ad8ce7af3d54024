/**
 * word/numbering.xml: the bullet list as a Word numbering definition (w:abstractNum + w:num),
 * linked to the "List Bullet" paragraph style, so Word's bullet and indent controls work.
 * Positions come from the shared style: marker at markerIndentEm, text at textIndentEm (the
 * w:tab w:val="num" after the marker), continuation lines at leftIndentEm.
 */
import { resolvedParagraph } from "../../style/style.js";
import type { DocxContext } from "./context.js";
import { pPrXml, rPrXml } from "./props.js";
import { esc } from "./units.js";

/** The w:numId of the bullet list (the styles part refers to it). */
export const LIST_NUM_ID = 1;

export function numberingXml(ctx: DocxContext, listStyleId: string, indent: Parameters<typeof pPrXml>[0], bullet: string): string {
  const li = { marker: bullet };
  const p = resolvedParagraph(ctx.style, "list1");
  // The marker is a list decoration set in the Latin face, as the PDF does (a Times-like bullet, as
  // Word's), unless only the Chinese face has it; named in every font slot, so Word and LibreOffice
  // agree whichever slot they pick for this ambiguous-width character.
  const latin = ctx.faces.regular.latin;
  const inLatin = [...li.marker].every((c) => latin.font.hasGlyphForCodePoint(c.codePointAt(0)!));
  const name = inLatin ? ctx.fonts.regular.latin : ctx.fonts.regular.cjk;
  const markerRun = rPrXml({ fonts: { latin: name, cjk: name, ...(!inLatin && { hint: "eastAsia" as const }) }, bold: false, size: p.size });
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">',
    // w:nsid identifies the list across copy and paste; fixed, so the output is reproducible
    '<w:abstractNum w:abstractNumId="0"><w:nsid w:val="554E4C31"/><w:multiLevelType w:val="singleLevel"/>',
    `<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:pStyle w:val="${listStyleId}"/><w:suff w:val="tab"/>`,
    `<w:lvlText w:val="${esc(li.marker)}"/><w:lvlJc w:val="left"/>${pPrXml(indent)}${markerRun}</w:lvl>`,
    "</w:abstractNum>",
    `<w:num w:numId="${LIST_NUM_ID}"><w:abstractNumId w:val="0"/></w:num>`,
    "</w:numbering>",
  ].join("");
}
