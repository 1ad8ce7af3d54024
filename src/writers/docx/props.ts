/**
 * Paragraph and run properties (w:pPr, w:rPr) of the styles and document defaults: the East
 * Asian settings (w:kinsoku, w:overflowPunct, w:autoSpaceDE/DN, w:snapToGrid), *Chars indents and
 * the rest of a style's look. Word rejects a part whose property elements are out of order: the
 * children here follow the sequences of CT_PPrBase (ECMA-376 Part 1 §17.3.1.26) and CT_RPr
 * (§17.3.2.28). Body paragraphs have a style and, rarely, direct properties (paragraph.ts).
 */
import type { Align } from "../../model/types.js";
import { eighths, halfPoints, hundredthsOfChar, twip } from "./units.js";
import { el, onOff, val } from "./xml.js";

/** Font names by slot: ascii/hAnsi take the Latin face, eastAsia the Chinese face (§17.3.2.26). */
export interface RunFontNames {
  latin: string;
  cjk: string;
}

export interface Indent {
  /** em of `size`: left, right and first line (negative first line: hanging) */
  leftEm?: number;
  rightEm?: number;
  firstLineEm?: number;
  size: number;
}

export interface Tab {
  val: "left" | "right" | "center" | "num";
  /** points from the text block's left edge */
  pos: number;
}

export interface Rule {
  thickness: number;
  /** distance from the text, points */
  space: number;
}

export interface ParagraphProps {
  keepNext?: boolean;
  keepLines?: boolean;
  widowControl?: boolean;
  /** the numbering a style links to: its instance (w:numId) and level */
  numbering?: { numId: number; level: number };
  border?: { top?: Rule; bottom?: Rule };
  tabs?: Tab[];
  kinsoku?: boolean;
  overflowPunct?: boolean;
  autoSpaceDE?: boolean;
  autoSpaceDN?: boolean;
  /** a right-to-left paragraph (§17.3.1.6): Word's paragraph level of the bidi algorithm, indents and alignment from the right */
  bidi?: boolean;
  snapToGrid?: boolean;
  /** points; line spacing is exact unless atLeast */
  spacing?: { before?: number; after?: number; line?: number; atLeast?: boolean };
  ind?: Indent;
  contextualSpacing?: boolean;
  jc?: Align;
  outlineLvl?: number;
}

export interface RunProps {
  fonts?: RunFontNames & { hint?: "eastAsia" };
  bold?: boolean;
  italic?: boolean;
  /** text size, points */
  size?: number;
  superscript?: boolean;
  /** a right-to-left run (§17.3.2.30): its text is complex script, set in the w:cs font at w:szCs */
  rtl?: boolean;
  lang?: { val: string; eastAsia: string };
}

/** ST_Jc: Transitional "left"/"right" (Word 2007 and LibreOffice read these; "start"/"end" are Strict). */
const JC: Record<Align, string> = { start: "left", end: "right", center: "center", justify: "both" };

/**
 * w:ind with both the *Chars form (100 = one character of the paragraph's size, Word's East Asian
 * indents: they follow the text size when a user changes it) and the twips form for readers that
 * do not know *Chars (§17.3.1.12).
 */
export function indent(i: Indent): string {
  const left = i.leftEm ?? 0;
  const right = i.rightEm ?? 0;
  const first = i.firstLineEm ?? 0;
  return el("w:ind", {
    "w:left": twip(left * i.size),
    "w:leftChars": hundredthsOfChar(left),
    "w:right": twip(right * i.size),
    "w:rightChars": hundredthsOfChar(right),
    ...(first < 0
      ? { "w:hanging": twip(-first * i.size), "w:hangingChars": hundredthsOfChar(-first) }
      : { "w:firstLine": twip(first * i.size), "w:firstLineChars": hundredthsOfChar(first) }),
  });
}

const border = (side: "top" | "bottom", r: Rule) =>
  el(`w:${side}`, { "w:val": "single", "w:sz": eighths(r.thickness), "w:space": Math.round(r.space), "w:color": "000000" });

export function paragraphProperties(p: ParagraphProps): string {
  const s = p.spacing;
  return el("w:pPr", {}, [
    onOff("w:keepNext", p.keepNext),
    onOff("w:keepLines", p.keepLines),
    onOff("w:widowControl", p.widowControl),
    p.numbering && el("w:numPr", {}, [val("w:ilvl", p.numbering.level), val("w:numId", p.numbering.numId)]),
    p.border && el("w:pBdr", {}, [p.border.top && border("top", p.border.top), p.border.bottom && border("bottom", p.border.bottom)]),
    !!p.tabs?.length && el("w:tabs", {}, p.tabs.map((t) => el("w:tab", { "w:val": t.val, "w:pos": twip(t.pos) }))),
    onOff("w:kinsoku", p.kinsoku),
    onOff("w:overflowPunct", p.overflowPunct),
    onOff("w:autoSpaceDE", p.autoSpaceDE),
    onOff("w:autoSpaceDN", p.autoSpaceDN),
    onOff("w:bidi", p.bidi),
    onOff("w:snapToGrid", p.snapToGrid),
    s &&
      el("w:spacing", {
        "w:before": s.before === undefined ? undefined : twip(s.before),
        "w:after": s.after === undefined ? undefined : twip(s.after),
        "w:line": s.line === undefined ? undefined : twip(s.line),
        "w:lineRule": s.line === undefined ? undefined : s.atLeast ? "atLeast" : "exact",
      }),
    p.ind && indent(p.ind),
    onOff("w:contextualSpacing", p.contextualSpacing),
    p.jc && val("w:jc", JC[p.jc]),
    p.outlineLvl !== undefined && val("w:outlineLvl", p.outlineLvl),
  ]);
}

/** w:rFonts: the Latin face in ascii, hAnsi and cs, the Chinese face in eastAsia (§17.3.2.26). */
function runFonts(f: RunFontNames & { hint?: string }): string {
  return el("w:rFonts", { "w:ascii": f.latin, "w:hAnsi": f.latin, "w:eastAsia": f.cjk, "w:cs": f.latin, "w:hint": f.hint });
}

export function runProperties(r: RunProps): string {
  const size = r.size === undefined ? undefined : halfPoints(r.size);
  return el("w:rPr", {}, [
    r.fonts && runFonts(r.fonts),
    onOff("w:b", r.bold),
    onOff("w:bCs", r.bold),
    onOff("w:i", r.italic),
    onOff("w:iCs", r.italic),
    size !== undefined && val("w:sz", size),
    size !== undefined && val("w:szCs", size),
    r.superscript && val("w:vertAlign", "superscript"),
    onOff("w:rtl", r.rtl),
    r.lang && el("w:lang", { "w:val": r.lang.val, "w:eastAsia": r.lang.eastAsia, "w:bidi": "ar-SA" }),
  ]);
}
