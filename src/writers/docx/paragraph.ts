/**
 * Paragraphs and runs of the story parts (document, headers, footers, footnotes): w:p with its
 * w:pPr, w:r with its w:rPr, text, tabs, note references and page fields, as XML strings. The
 * styles' properties (every East Asian setting) are props.ts; these are the direct properties a
 * paragraph or run of the body or furniture has on top of its style.
 *
 * The property elements follow the sequences of CT_PPrBase (ECMA-376 Part 1 §17.3.1.26) and CT_RPr
 * (§17.3.2.28): Word rejects a part whose properties are out of order. A "no" is written
 * w:val="false" here (the stories' form since undoc's first DOCX; the styles write "0"): both are
 * ST_OnOff.
 */
import { attributes, el, escapeXml, val } from "./xml.js";

export interface BorderLine {
  style: "single" | "none";
  /** eighths of a point */
  size: number;
  color: string;
  /** points; left out when undefined */
  space?: number;
}

/** A border edge (w:top, w:bottom, ... of w:pBdr, w:tblBorders, w:tcBorders; §17.3.4). */
export const borderLine = (name: string, b: BorderLine): string => `<${name}${attributes({ "w:val": b.style, "w:color": b.color, "w:sz": b.size, "w:space": b.space })}/>`;

export interface TabStop {
  type: "left" | "right";
  /** twips */
  position: number;
}

/** twips; firstLineChars in hundredths of a character */
export interface ParagraphIndent {
  left?: number;
  right?: number;
  hanging?: number;
  firstLine?: number;
  firstLineChars?: number;
}

export interface ParagraphOptions {
  style?: string;
  keepNext?: boolean;
  pageBreakBefore?: boolean;
  /** a frame at a place on the page, twips from its top-left corner (§17.3.1.11): text flows through it */
  frame?: { x: number; y: number; width: number };
  /** w:numPr; numId 0 says "no numbering", where the style has some */
  numbering?: { numId: number; level: number };
  border?: { top?: BorderLine; bottom?: BorderLine };
  tabs?: TabStop[];
  /** twips; lineRule "exact" for an exact line height */
  spacing?: { before?: number; after?: number; line?: number; lineRule?: "exact" };
  indent?: ParagraphIndent;
  alignment?: "left" | "center" | "right" | "both";
}

/** w:ind: the Transitional left/right form, which Word 2007 and LibreOffice read (§17.3.1.12). */
export const indentElement = (i: ParagraphIndent): string =>
  `<w:ind${attributes({ "w:left": i.left, "w:right": i.right, "w:hanging": i.hanging, "w:firstLine": i.firstLine, "w:firstLineChars": i.firstLineChars })}/>`;

export const tabsElement = (tabs: readonly TabStop[]): string | undefined =>
  tabs.length ? `<w:tabs>${tabs.map((t) => `<w:tab w:val="${t.type}" w:pos="${t.position}"/>`).join("")}</w:tabs>` : undefined;

/** w:pPr in CT_PPrBase order: pStyle, keepNext, pageBreakBefore, framePr, numPr, pBdr, tabs, spacing, ind, jc. */
export function paragraphProperties(o: ParagraphOptions): string {
  let p = "";
  if (o.style !== undefined) p += val("w:pStyle", o.style);
  if (o.keepNext !== undefined) p += o.keepNext ? "<w:keepNext/>" : '<w:keepNext w:val="false"/>';
  if (o.pageBreakBefore) p += "<w:pageBreakBefore/>";
  if (o.frame) p += `<w:framePr w:w="${o.frame.width}" w:x="${o.frame.x}" w:y="${o.frame.y}" w:hAnchor="page" w:vAnchor="page" w:wrap="through"/>`;
  if (o.numbering) p += `<w:numPr><w:ilvl w:val="${o.numbering.level}"/><w:numId w:val="${o.numbering.numId}"/></w:numPr>`;
  if (o.border && (o.border.top || o.border.bottom)) p += `<w:pBdr>${o.border.top ? borderLine("w:top", o.border.top) : ""}${o.border.bottom ? borderLine("w:bottom", o.border.bottom) : ""}</w:pBdr>`;
  if (o.tabs) p += tabsElement(o.tabs) ?? "";
  if (o.spacing) p += `<w:spacing${attributes({ "w:after": o.spacing.after, "w:before": o.spacing.before, "w:line": o.spacing.line, "w:lineRule": o.spacing.lineRule })}/>`;
  if (o.indent) p += indentElement(o.indent);
  if (o.alignment) p += val("w:jc", o.alignment);
  return p && `<w:pPr>${p}</w:pPr>`;
}

/** A paragraph: its properties, then its runs (XML). */
export const paragraph = (o: ParagraphOptions, runs = ""): string => el("w:p", undefined, [paragraphProperties(o), runs]);

/** Fonts of a run by slot (§17.3.2.26): ascii and hAnsi for Latin text, eastAsia for CJK text, cs for complex scripts. */
export interface RunFonts {
  ascii: string;
  hAnsi: string;
  eastAsia: string;
  cs: string;
  hint?: string;
}

export interface RunOptions {
  /** a character style */
  style?: string;
  fonts?: RunFonts;
  /** w:b and w:bCs; false turns off what the style gives */
  bold?: boolean;
  /** w:i and w:iCs */
  italic?: boolean;
  /** half-points: w:sz and w:szCs */
  size?: number;
}

const onOffPair = (name: string, v: boolean | undefined): string =>
  v === undefined ? "" : v ? `<w:${name}/><w:${name}Cs/>` : `<w:${name} w:val="false"/><w:${name}Cs w:val="false"/>`;

/** w:rPr in CT_RPr order: rStyle, rFonts, b, bCs, i, iCs, sz, szCs; "" when empty. */
export function runProperties(o: RunOptions): string {
  let r = "";
  if (o.style) r += val("w:rStyle", o.style);
  if (o.fonts) r += `<w:rFonts${attributes({ "w:ascii": o.fonts.ascii, "w:cs": o.fonts.cs, "w:eastAsia": o.fonts.eastAsia, "w:hAnsi": o.fonts.hAnsi, "w:hint": o.fonts.hint })}/>`;
  r += onOffPair("b", o.bold) + onOffPair("i", o.italic);
  if (o.size !== undefined) r += `<w:sz w:val="${o.size}"/>` + (o.size ? `<w:szCs w:val="${o.size}"/>` : "");
  return r && `<w:rPr>${r}</w:rPr>`;
}

/** A run of text; spaces kept as written (xml:space="preserve", §17.3.3.31). */
export const textRun = (o: RunOptions, text: string): string => `<w:r>${runProperties(o)}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;

/** A run holding a tab (to the paragraph's next tab stop). */
export const TAB_RUN = "<w:r><w:tab/></w:r>";

const NOTE_MARK = '<w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>';

/** The footnote's mark in the text (§17.11.14): Word numbers it and shows the number. */
export const footnoteReferenceRun = (id: number): string => `<w:r>${NOTE_MARK}<w:footnoteReference w:id="${id}"/></w:r>`;

/** The note's own mark at the start of its text (§17.11.13). */
export const FOOTNOTE_REF_RUN = `<w:r>${NOTE_MARK}<w:footnoteRef/></w:r>`;

/**
 * A field as runs of one look: begin, instruction, separate, end (§17.16.18); no result, so the
 * reader computes it (PAGE, NUMPAGES).
 */
export function fieldRuns(rPr: string, instruction: string): string {
  const run = (content: string) => `<w:r>${rPr}${content}</w:r>`;
  return (
    run('<w:fldChar w:fldCharType="begin"/>') +
    run(`<w:instrText xml:space="preserve">${escapeXml(instruction)}</w:instrText>`) +
    run('<w:fldChar w:fldCharType="separate"/>') +
    run('<w:fldChar w:fldCharType="end"/>')
  );
}
