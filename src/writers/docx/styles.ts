/**
 * word/styles.xml: one Word style per paragraph role of the shared style (layout/roles.ts decides
 * which text takes which role), so a Word user restyles the document through the Styles pane
 * instead of meeting direct formatting. Word's built-in names where Word has one (Body Text,
 * Title, heading 1-4, List, Quote, caption, footnote text, Signature, Strong, Emphasis, header,
 * footer ...): Word's outline, navigation pane and localised style names then work.
 *
 * The document defaults carry the Chinese layout rules and the language, so every paragraph
 * (headers, footers, table cells, notes and what a user adds) has them, and LibreOffice keeps them
 * when it saves (it writes its default paragraph style back as w:docDefaults).
 *
 * Only the styles the document uses and Word's four defaults (Normal, Default Paragraph Font,
 * Normal Table, No List): a user's Word adds its other built-in styles when they are applied.
 */
import type { FurnitureRole, ParagraphRole } from "../../layout/roles.js";
import { furnitureText } from "../../layout/roles.js";
import { isRtl, resolvedParagraph, SHORT_TEXT_PITCH, type ResolvedParagraph } from "../../style/style.js";
import { variantOf } from "../../typeset/index.js";
import type { DocxContext } from "./context.js";
import { labelledIndent, plainIndent } from "./geometry.js";
import { paragraphProperties, runProperties, type ParagraphProps, type RunProps } from "./props.js";
import { el, STANDALONE, val } from "./xml.js";

interface StyleName {
  id: string;
  name: string;
  /** a style of undoc's own (Word shows it apart from its built-in ones) */
  custom?: boolean;
}

/** The Word style of each paragraph role. A role missing here is a compile error. */
export const PARAGRAPH_STYLES: Record<ParagraphRole, StyleName> = {
  body: { id: "BodyTextFirstIndent", name: "Body Text First Indent" },
  numbered: { id: "NumberedParagraph", name: "Numbered Paragraph", custom: true },
  title: { id: "Title", name: "Title" },
  heading1: { id: "Heading1", name: "heading 1" },
  heading2: { id: "Heading2", name: "heading 2" },
  heading3: { id: "Heading3", name: "heading 3" },
  heading4: { id: "Heading4", name: "heading 4" },
  list1: { id: "List", name: "List" },
  list2: { id: "List2", name: "List 2" },
  quote: { id: "Quote", name: "Quote" },
  caption: { id: "Caption", name: "caption" },
  tableHeader: { id: "TableHeading", name: "Table Heading", custom: true },
  tableCell: { id: "TableText", name: "Table Text", custom: true },
  footnote: { id: "FootnoteText", name: "footnote text" },
  signature: { id: "Signature", name: "Signature" },
};

/** Body text without its first-line indent (an unindented body paragraph), the base of the body style. */
export const BODY_TEXT: StyleName = { id: "BodyText", name: "Body Text" };

/** The Word style of each furniture role (the page number is a character style). */
export const FURNITURE_STYLES: Record<Exclude<FurnitureRole, "pageNumber">, StyleName> = {
  organisation: { id: "MastheadOrganisation", name: "UN Masthead Organisation", custom: true },
  symbol: { id: "MastheadSymbol", name: "UN Masthead Symbol", custom: true },
  organ: { id: "MastheadOrgan", name: "UN Masthead Organ", custom: true },
  distribution: { id: "MastheadDistribution", name: "UN Masthead Distribution", custom: true },
  jobLabel: { id: "JobLabel", name: "UN Job Label", custom: true },
  runningHeader: { id: "Header", name: "header" },
  runningFooter: { id: "Footer", name: "footer" },
};

/**
 * Furniture written in Latin letters and digits in every version (the symbol, the English
 * distribution block, the job number, page numbers): in a right-to-left document their paragraphs
 * and runs are left to right, so "20-11937 (A)" and "16 September 2020" read as printed.
 */
export const LATIN_FURNITURE = new Set<FurnitureRole>(["symbol", "distribution", "jobLabel", "runningHeader", "runningFooter", "pageNumber"]);

export const CHARACTER_STYLES = {
  strong: { id: "Strong", name: "Strong" },
  emphasis: { id: "Emphasis", name: "Emphasis" },
  footnoteReference: { id: "FootnoteReference", name: "footnote reference" },
  /** the endnotes part (its separators only: undoc has no endnotes) refers to it */
  endnoteReference: { id: "EndnoteReference", name: "endnote reference" },
  pageNumber: { id: "PageNumber", name: "page number" },
} as const satisfies Record<string, StyleName>;

/** Paragraph styles of undoc's own parts: empty paragraphs that are rules or space. */
export const PART_STYLES = {
  endRule: { id: "EndRule", name: "UN End Rule", custom: true },
  rule: { id: "FurnitureRule", name: "UN Rule", custom: true },
  spacer: { id: "Spacer", name: "UN Spacer", custom: true },
} as const satisfies Record<string, StyleName>;

/** Roles whose paragraphs always have a label: their style carries the label geometry. */
export const LABELLED_ROLES = new Set<ParagraphRole>(["numbered", "list1", "list2", "footnote"]);

/** Roles whose lines stay together (headings and titles: the PDF sets them as one unbreakable chunk). */
const KEEP_LINES = new Set<ParagraphRole>(["title", "heading1", "heading2", "heading3", "heading4", "caption", "signature"]);

/** Styles shown in Word's Quick Styles gallery: the ones an author applies to body text. */
const QUICK = new Set<string>(["BodyText", "BodyTextFirstIndent", "NumberedParagraph", "Title", "Heading1", "Heading2", "Heading3", "Heading4", "List", "List2", "Quote", "Strong", "Emphasis"]);

/** Paragraph spacing of a style, points: the block writer needs it to add up spacing as the PDF does. */
export interface StyleSpacing {
  before: number;
  after: number;
  /** w:contextualSpacing: no spacing between paragraphs of this same style */
  contextual: boolean;
}

interface StyleDef {
  type: "paragraph" | "character";
  style: StyleName;
  basedOn?: string;
  next?: string;
  pPr?: ParagraphProps;
  rPr?: RunProps;
}

export interface StyleSheet {
  /** the part; the heading styles link to the heading numbering (its w:numId) when headings are numbered */
  part(headingNumbering?: number): string;
  spacing(id: string): StyleSpacing;
}

/** Whether italic text is slanted by w:i in this document's styles (Latin documents) or set in the Kai face alone (Chinese). */
export const slantsItalic = (ctx: DocxContext): boolean => !ctx.eastAsian;

/** The run properties of a role: its variant's fonts, weight, slope and size. */
function roleRun(ctx: DocxContext, p: Pick<ResolvedParagraph, "weight" | "italic" | "size">): RunProps {
  return {
    fonts: ctx.fonts[variantOf(p.weight, p.italic)],
    bold: p.weight === "bold" || undefined,
    italic: p.italic && slantsItalic(ctx) ? true : undefined,
    size: p.size,
  };
}

export function styleSheet(ctx: DocxContext): StyleSheet {
  const s = ctx.style;
  const defs: StyleDef[] = [];

  for (const role of Object.keys(PARAGRAPH_STYLES) as ParagraphRole[]) {
    const p = resolvedParagraph(s, role);
    const labelled = LABELLED_ROLES.has(role) ? labelledIndent(p) : undefined;
    const heading = /^heading(\d)$/.exec(role);
    const level = heading ? Number(heading[1]) : undefined;
    const def: StyleDef = {
      type: "paragraph",
      style: PARAGRAPH_STYLES[role],
      basedOn: role === "body" ? BODY_TEXT.id : "Normal",
      next: role === "title" || heading ? PARAGRAPH_STYLES.body.id : undefined,
      pPr: {
        keepNext: p.keepWithNext || undefined,
        keepLines: KEEP_LINES.has(role) || undefined,
        tabs: labelled?.tabs,
        spacing: { before: p.spaceBefore, after: p.spaceAfter, line: p.lineHeight },
        ind: labelled?.ind ?? plainIndent(p),
        // signature lines stack without space between them, as the PDF sets them
        contextualSpacing: role === "signature" || undefined,
        jc: p.align,
        outlineLvl: level ? level - 1 : undefined,
      },
      rPr: role === "body" ? undefined : roleRun(ctx, p),
    };
    if (role === "body") {
      // "Body Text" holds the body style without its first-line indent; the role's style adds the indent
      defs.push({ type: "paragraph", style: BODY_TEXT, basedOn: "Normal", pPr: { ...def.pPr, ind: plainIndent(p, true) }, rPr: roleRun(ctx, p) });
      def.pPr = { ind: plainIndent(p) };
      def.next = PARAGRAPH_STYLES.body.id;
    }
    defs.push(def);
  }

  // page furniture: one-line texts at 1.25 x their size, as layout/furniture.ts pitches them
  for (const role of Object.keys(FURNITURE_STYLES) as (keyof typeof FURNITURE_STYLES)[]) {
    const f = furnitureText(s, role);
    const ltr = isRtl(s) && LATIN_FURNITURE.has(role);
    defs.push({
      type: "paragraph",
      style: FURNITURE_STYLES[role],
      basedOn: "Normal",
      pPr: { ...(ltr && { bidi: false }), spacing: { before: 0, after: 0, line: f.size * SHORT_TEXT_PITCH }, ind: { size: f.size }, jc: "start" },
      rPr: { fonts: ctx.fonts[f.weight], bold: f.weight === "bold" || undefined, size: f.size, ...(ltr && { rtl: false }) },
    });
  }
  // empty paragraphs that draw a rule or hold space: a 1 pt font, so they are exactly as tall as their spacing says
  const tiny = 1;
  defs.push({ type: "paragraph", style: PART_STYLES.rule, basedOn: "Normal", pPr: { spacing: { before: 0, after: 0, line: tiny }, ind: { size: tiny }, jc: "start" }, rPr: { size: tiny } });
  defs.push({ type: "paragraph", style: PART_STYLES.spacer, basedOn: "Normal", pPr: { spacing: { before: 0, after: 0, line: tiny }, ind: { size: tiny }, jc: "start" }, rPr: { size: tiny } });
  // the closing short centred rule: an empty paragraph whose bottom border spans its indents
  const er = s.endRule;
  const side = Math.max(0, (ctx.width - er.width) / 2) / s.text.size;
  defs.push({
    type: "paragraph",
    style: PART_STYLES.endRule,
    basedOn: "Normal",
    pPr: { keepLines: true, border: { bottom: { thickness: er.thickness, space: 0 } }, spacing: { before: er.spaceBefore, after: 0, line: tiny }, ind: { leftEm: side, rightEm: side, size: s.text.size }, jc: "center" },
    rPr: { size: tiny },
  });

  const bold = ctx.fonts.bold;
  const italic = ctx.fonts.italic;
  defs.push({ type: "character", style: CHARACTER_STYLES.strong, rPr: { fonts: bold, bold: true } });
  // emphasis: the italic variant's faces (Kai for Chinese, when the style has one); slanted only in Latin documents
  defs.push({ type: "character", style: CHARACTER_STYLES.emphasis, rPr: { fonts: italic, italic: slantsItalic(ctx) || undefined } });
  defs.push({ type: "character", style: CHARACTER_STYLES.footnoteReference, rPr: { superscript: true } });
  defs.push({ type: "character", style: CHARACTER_STYLES.endnoteReference, rPr: { superscript: true } });
  defs.push({ type: "character", style: CHARACTER_STYLES.pageNumber, rPr: { fonts: bold, bold: true } });

  const spacing = new Map<string, StyleSpacing>();
  for (const d of defs) {
    if (d.type !== "paragraph") continue;
    const own = d.pPr?.spacing;
    const base = d.basedOn ? spacing.get(d.basedOn) : undefined;
    spacing.set(d.style.id, {
      before: own?.before ?? base?.before ?? 0,
      after: own?.after ?? base?.after ?? 0,
      contextual: d.pPr?.contextualSpacing ?? base?.contextual ?? false,
    });
  }

  const linked = (d: StyleDef, numId: number | undefined): StyleDef => {
    const level = Number(/^Heading(\d)$/.exec(d.style.id)?.[1]);
    return numId !== undefined && level && d.type === "paragraph" ? { ...d, pPr: { ...d.pPr, numbering: { numId, level: level - 1 } } } : d;
  };
  return {
    part: (headingNumbering) =>
      STANDALONE +
      el("w:styles", NS, [docDefaults(ctx), ...builtInDefaults(), ...defs.map((d) => styleElement(linked(d, headingNumbering)))]),
    spacing: (id) => spacing.get(id) ?? { before: 0, after: 0, contextual: false },
  };
}

const NS = {
  "xmlns:r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  "xmlns:w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
};

function styleElement(d: StyleDef): string {
  // CT_Style: name, aliases, basedOn, next, link, autoRedefine, hidden, uiPriority, semiHidden,
  // unhideWhenUsed, qFormat, locked, personal..., rsid, pPr, rPr, tblPr, trPr, tcPr, tblStylePr (§17.7.4.17)
  return el("w:style", { "w:type": d.type, "w:customStyle": d.style.custom ? "1" : undefined, "w:styleId": d.style.id }, [
    val("w:name", d.style.name),
    d.basedOn && val("w:basedOn", d.basedOn),
    d.next && val("w:next", d.next),
    QUICK.has(d.style.id) && el("w:qFormat"),
    d.pPr && paragraphProperties(d.pPr),
    d.rPr && runProperties(d.rPr),
  ]);
}

/**
 * The Chinese layout rules for every paragraph: w:kinsoku (line-start and line-end
 * prohibitions), w:overflowPunct (hanging punctuation), w:autoSpaceDE/DN (the narrow gap between
 * Chinese and Latin text or digits); lines at the exact line spacing, not the document grid (Word
 * ignores the grid for exact spacing anyway, LibreOffice does not: it gives each line two).
 */
function layoutRules(ctx: DocxContext): ParagraphProps {
  const t = ctx.style.text;
  return {
    widowControl: true,
    kinsoku: true,
    overflowPunct: t.hangingPunctuation,
    autoSpaceDE: t.cjkLatinGapEm > 0,
    autoSpaceDN: t.cjkLatinGapEm > 0,
    snapToGrid: false,
  };
}

/**
 * The run properties every run starts from: the regular faces, the body size, the languages; in a
 * right-to-left document, runs are right to left (w:rtl), as Word marks text typed in Arabic.
 */
const defaultRun = (ctx: DocxContext): RunProps => ({ fonts: ctx.fonts.regular, size: ctx.style.text.size, lang: ctx.lang, ...(isRtl(ctx.style) && { rtl: true }) });

/**
 * w:docDefaults: the layout rules, fonts, size and languages of every paragraph and run (Word
 * keeps them; LibreOffice keeps them as its default paragraph style and writes them back as the
 * Normal style and the document defaults when it saves, overflowPunct excepted: README).
 */
function docDefaults(ctx: DocxContext): string {
  return el("w:docDefaults", {}, [
    el("w:rPrDefault", {}, [runProperties(defaultRun(ctx))]),
    el("w:pPrDefault", {}, [paragraphProperties({ ...layoutRules(ctx), ...(isRtl(ctx.style) && { bidi: true }), spacing: { before: 0, after: 0, line: ctx.style.text.lineHeight } })]),
  ]);
}

/** Word's own defaults every document has: Normal, the default character, table and list styles. */
function builtInDefaults(): string[] {
  const hidden = [val("w:uiPriority", 99), el("w:semiHidden"), el("w:unhideWhenUsed")];
  return [
    el("w:style", { "w:type": "paragraph", "w:default": "1", "w:styleId": "Normal" }, [val("w:name", "Normal"), el("w:qFormat")]),
    el("w:style", { "w:type": "character", "w:default": "1", "w:styleId": "DefaultParagraphFont" }, [val("w:name", "Default Paragraph Font"), val("w:uiPriority", 1), el("w:semiHidden"), el("w:unhideWhenUsed")]),
    el("w:style", { "w:type": "table", "w:default": "1", "w:styleId": "TableNormal" }, [
      val("w:name", "Normal Table"),
      ...hidden,
      el("w:tblPr", {}, [
        el("w:tblInd", { "w:w": 0, "w:type": "dxa" }),
        el("w:tblCellMar", {}, ["top", "left", "bottom", "right"].map((side) => el(`w:${side}`, { "w:w": side === "left" || side === "right" ? 108 : 0, "w:type": "dxa" }))),
      ]),
    ]),
    el("w:style", { "w:type": "numbering", "w:default": "1", "w:styleId": "NoList" }, [val("w:name", "No List"), ...hidden]),
  ];
}
