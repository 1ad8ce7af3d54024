/**
 * w:pPr and w:rPr as XML strings, for the parts undoc writes itself (styles.xml, numbering.xml).
 * Children are emitted in the order of the schema's sequences (CT_PPrBase, CT_RPr): Word rejects
 * a part whose property elements are out of order.
 */
import { eighths, esc, halfPoints, hundredthsOfChar, twip } from "./units.js";
import type { Align } from "../../model/types.js";

export interface RunFontNames {
  latin: string;
  cjk: string;
}

export interface Indent {
  /** points and em of `size`: left, right and first line (negative first line: hanging) */
  leftEm?: number;
  rightEm?: number;
  firstLineEm?: number;
  size: number;
}

export interface PPr {
  keepNext?: boolean;
  keepLines?: boolean;
  widowControl?: boolean;
  numId?: number;
  /** a rule under the paragraph: thickness and distance from the text, points */
  bottomBorder?: { thickness: number; space: number };
  tabs?: { val: "left" | "right" | "center" | "num"; pos: number }[];
  kinsoku?: boolean;
  overflowPunct?: boolean;
  autoSpaceDE?: boolean;
  autoSpaceDN?: boolean;
  snapToGrid?: boolean;
  /** points; lineRule "exact" unless atLeast */
  spacing?: { before?: number; after?: number; line?: number; atLeast?: boolean };
  ind?: Indent;
  contextualSpacing?: boolean;
  jc?: Align;
  outlineLvl?: number;
}

export interface RPr {
  fonts?: RunFontNames & { hint?: "eastAsia" };
  bold?: boolean;
  /** text size, points */
  size?: number;
  superscript?: boolean;
  lang?: { val: string; eastAsia: string };
}

const onOff = (name: string, v: boolean | undefined) => (v === undefined ? "" : v ? `<w:${name}/>` : `<w:${name} w:val="0"/>`);

/** ST_Jc: Transitional "left"/"right" (Word 2007 and LibreOffice read these; "start"/"end" are Strict). */
export const JC: Record<Align, string> = { start: "left", end: "right", center: "center", justify: "both" };

/** w:ind with both the *Chars form (100 = one character, Word's East Asian indents) and twips. */
export function indXml(i: Indent): string {
  const a: string[] = [];
  const left = i.leftEm ?? 0;
  const right = i.rightEm ?? 0;
  const first = i.firstLineEm ?? 0;
  a.push(`w:left="${twip(left * i.size)}"`, `w:leftChars="${hundredthsOfChar(left)}"`);
  a.push(`w:right="${twip(right * i.size)}"`, `w:rightChars="${hundredthsOfChar(right)}"`);
  if (first < 0) a.push(`w:hanging="${twip(-first * i.size)}"`, `w:hangingChars="${hundredthsOfChar(-first)}"`);
  else a.push(`w:firstLine="${twip(first * i.size)}"`, `w:firstLineChars="${hundredthsOfChar(first)}"`);
  return `<w:ind ${a.join(" ")}/>`;
}

export function pPrXml(p: PPr): string {
  let x = "";
  x += onOff("keepNext", p.keepNext);
  x += onOff("keepLines", p.keepLines);
  x += onOff("widowControl", p.widowControl);
  if (p.numId !== undefined) x += `<w:numPr><w:ilvl w:val="0"/><w:numId w:val="${p.numId}"/></w:numPr>`;
  if (p.bottomBorder) {
    x += `<w:pBdr><w:bottom w:val="single" w:sz="${eighths(p.bottomBorder.thickness)}" w:space="${Math.round(p.bottomBorder.space)}" w:color="000000"/></w:pBdr>`;
  }
  if (p.tabs?.length) x += `<w:tabs>${p.tabs.map((t) => `<w:tab w:val="${t.val}" w:pos="${twip(t.pos)}"/>`).join("")}</w:tabs>`;
  x += onOff("kinsoku", p.kinsoku);
  x += onOff("overflowPunct", p.overflowPunct);
  x += onOff("autoSpaceDE", p.autoSpaceDE);
  x += onOff("autoSpaceDN", p.autoSpaceDN);
  x += onOff("snapToGrid", p.snapToGrid);
  if (p.spacing) {
    const s = p.spacing;
    const a: string[] = [];
    if (s.before !== undefined) a.push(`w:before="${twip(s.before)}"`);
    if (s.after !== undefined) a.push(`w:after="${twip(s.after)}"`);
    if (s.line !== undefined) a.push(`w:line="${twip(s.line)}"`, `w:lineRule="${s.atLeast ? "atLeast" : "exact"}"`);
    x += `<w:spacing ${a.join(" ")}/>`;
  }
  if (p.ind) x += indXml(p.ind);
  x += onOff("contextualSpacing", p.contextualSpacing);
  if (p.jc) x += `<w:jc w:val="${JC[p.jc]}"/>`;
  if (p.outlineLvl !== undefined) x += `<w:outlineLvl w:val="${p.outlineLvl}"/>`;
  return x ? `<w:pPr>${x}</w:pPr>` : "";
}

/** w:rFonts: ascii/hAnsi take the Latin face, eastAsia the Chinese face (ECMA-376 §17.3.2.26). */
export function rFontsXml(f: RunFontNames & { hint?: string }): string {
  const hint = f.hint ? ` w:hint="${f.hint}"` : "";
  return `<w:rFonts w:ascii="${esc(f.latin)}" w:hAnsi="${esc(f.latin)}" w:eastAsia="${esc(f.cjk)}" w:cs="${esc(f.latin)}"${hint}/>`;
}

export function rPrXml(r: RPr): string {
  let x = "";
  if (r.fonts) x += rFontsXml(r.fonts);
  if (r.bold !== undefined) x += r.bold ? "<w:b/><w:bCs/>" : `<w:b w:val="0"/><w:bCs w:val="0"/>`;
  if (r.size !== undefined) x += `<w:sz w:val="${halfPoints(r.size)}"/><w:szCs w:val="${halfPoints(r.size)}"/>`;
  if (r.superscript) x += '<w:vertAlign w:val="superscript"/>';
  if (r.lang) x += `<w:lang w:val="${esc(r.lang.val)}" w:eastAsia="${esc(r.lang.eastAsia)}" w:bidi="ar-SA"/>`;
  return x ? `<w:rPr>${x}</w:rPr>` : "";
}
