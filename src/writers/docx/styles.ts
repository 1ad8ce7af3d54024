/**
 * word/styles.xml: named paragraph and character styles built from the shared style, so a Word
 * user restyles the document through Word's Styles pane instead of meeting direct formatting.
 * Built-in names (Body Text, Title, heading 1, List Bullet, Signature, header, footer, Strong,
 * page number) keep Word's outline, navigation pane and localised style names working.
 *
 * undoc writes this part itself (passed to docx's Packer as an override) because docx 9 writes
 * w:autoSpaceDN after w:jc (out of CT_PPrBase order), has no w:kinsoku, w:autoSpaceDE,
 * w:leftChars or w:hangingChars, and adds some thirty default styles in blue.
 */
import type { Align } from "../../model/types.js";
import { resolvedParagraph, SHORT_TEXT_PITCH, type ParagraphRole } from "../../style/style.js";
import type { DocxContext } from "./context.js";
import { LIST_NUM_ID } from "./numbering.js";
import { pPrXml, rPrXml, type PPr, type RPr } from "./props.js";
import { esc } from "./units.js";

/** Style ids (w:styleId) used by the document, header and footer parts. */
export const STYLE = {
  normal: "Normal",
  bodyText: "BodyText",
  bodyFirstIndent: "BodyTextFirstIndent",
  title: "Title",
  heading1: "Heading1",
  listBullet: "ListBullet",
  signature: "Signature",
  header: "Header",
  headerOdd: "HeaderOdd",
  footer: "Footer",
  firstPageFooter: "FirstPageFooter",
  mastheadEmblem: "MastheadEmblem",
  mastheadOrganisation: "MastheadOrganisation",
  mastheadSymbol: "MastheadSymbol",
  mastheadOrgan: "MastheadOrgan",
  mastheadDistribution: "MastheadDistribution",
  mastheadEnd: "MastheadEnd",
  endRule: "EndRule",
  strong: "Strong",
  emphasis: "Emphasis",
  pageNumber: "PageNumber",
} as const;
export type StyleId = (typeof STYLE)[keyof typeof STYLE];

/** Paragraph spacing of a style, points: the block writer needs it to collapse spacing like the PDF. */
export interface StyleSpacing {
  before: number;
  after: number;
  /** w:contextualSpacing: no spacing between paragraphs of this same style */
  contextual: boolean;
}

interface ParagraphStyleDef {
  id: StyleId;
  name: string;
  basedOn?: StyleId;
  next?: StyleId;
  pPr: PPr;
  rPr: RPr;
}

/** Styles shown in Word's Quick Styles gallery (w:qFormat): the ones an author applies to body text. */
const QUICK = new Set<StyleId>([STYLE.bodyText, STYLE.bodyFirstIndent, STYLE.title, STYLE.heading1, STYLE.listBullet, STYLE.signature]);

export interface StyleSheet {
  xml: string;
  spacing(id: StyleId): StyleSpacing;
}

/** Line pitch of one-line parts (masthead, headers, footers): as the PDF writer's setText, 1.25 x size. */
/** The PDF's first-page footer starts this far below the text block (points). */


export function styleSheet(ctx: DocxContext): StyleSheet {
  const s = ctx.style;
  const defs: ParagraphStyleDef[] = [];
  const role = (r: ParagraphRole) => resolvedParagraph(s, r);
  const faces = (bold: boolean): RPr => ({ fonts: bold ? ctx.fonts.bold : ctx.fonts.regular, bold });
  const short = (size: number, bold: boolean, jc: Align): { pPr: PPr; rPr: RPr } => ({
    pPr: { spacing: { before: 0, after: 0, line: size * SHORT_TEXT_PITCH }, ind: { size }, jc },
    rPr: { ...faces(bold), size },
  });

  // Body text: "Body Text" carries the body style without its first-line indent; "Body Text First
  // Indent" adds the two-character indent (w:firstLineChars="200").
  const body = role("body");
  const bodyPPr = (firstLineEm: number): PPr => ({
    keepNext: body.keepWithNext || undefined,
    spacing: { before: body.spaceBefore, after: body.spaceAfter, line: body.lineHeight },
    ind: { leftEm: body.leftIndentEm, rightEm: body.rightIndentEm, firstLineEm, size: body.size },
    jc: body.align,
  });
  defs.push({ id: STYLE.bodyText, name: "Body Text", basedOn: STYLE.normal, pPr: bodyPPr(0), rPr: { ...faces(body.weight === "bold"), size: body.size } });
  defs.push({
    id: STYLE.bodyFirstIndent,
    name: "Body Text First Indent",
    basedOn: STYLE.bodyText,
    next: STYLE.bodyFirstIndent,
    pPr: bodyPPr(body.firstLineIndentEm),
    rPr: {},
  });

  for (const [id, name, r, outline] of [
    [STYLE.title, "Title", "title", undefined],
    [STYLE.heading1, "heading 1", "heading1", 0],
  ] as const) {
    const p = role(r);
    defs.push({
      id,
      name,
      basedOn: STYLE.normal,
      next: STYLE.bodyFirstIndent,
      // headings never split and stay with what follows (the PDF sets them as one unbreakable chunk)
      pPr: {
        keepNext: p.keepWithNext || undefined,
        keepLines: true,
        spacing: { before: p.spaceBefore, after: p.spaceAfter, line: p.lineHeight },
        ind: { leftEm: p.leftIndentEm, rightEm: p.rightIndentEm, firstLineEm: p.firstLineIndentEm, size: p.size },
        jc: p.align,
        outlineLvl: outline,
      },
      rPr: { ...faces(p.weight === "bold"), size: p.size },
    });
  }

  // Bullets: the numbering definition places the marker; the style links paragraphs to it.
  const li = role("list1");
  defs.push({
    id: STYLE.listBullet,
    name: "List Bullet",
    basedOn: STYLE.normal,
    pPr: { ...listIndent(ctx), numId: LIST_NUM_ID, spacing: { before: li.spaceBefore, after: li.spaceAfter, line: li.lineHeight }, jc: li.align },
    rPr: { ...faces(li.weight === "bold"), size: li.size },
  });

  // Signature lines: one line of space above the block (as the PDF), none between its lines.
  const sig = role("signature");
  defs.push({
    id: STYLE.signature,
    name: "Signature",
    basedOn: STYLE.normal,
    pPr: {
      keepNext: true,
      keepLines: true,
      spacing: { before: sig.spaceBefore, after: sig.spaceAfter, line: sig.lineHeight },
      ind: { leftEm: sig.leftIndentEm, rightEm: sig.rightIndentEm, firstLineEm: sig.firstLineIndentEm, size: sig.size },
      contextualSpacing: true,
      jc: sig.align,
    },
    rPr: { ...faces(sig.weight === "bold"), size: sig.size },
  });

  // Running header (symbol, bold, thin rule under it) and footer (job number, page/total at a right tab).
  const run = s.running;
  const header = short(run.size, true, "start");
  defs.push({ id: STYLE.header, name: "header", basedOn: STYLE.normal, pPr: { ...header.pPr, bottomBorder: { thickness: run.rule, space: 2 } }, rPr: header.rPr });
  defs.push({ id: STYLE.headerOdd, name: "UN Header Odd Page", basedOn: STYLE.header, pPr: { jc: "end" }, rPr: {} });
  const footer = short(run.size, false, "start");
  defs.push({ id: STYLE.footer, name: "footer", basedOn: STYLE.normal, pPr: { ...footer.pPr, tabs: [{ val: "right", pos: ctx.width }] }, rPr: footer.rPr });
  const fpf = s.firstPageFooter;
  // Word stacks a footer up from w:pgMar/@w:footer; the space after lifts the job number to where the PDF sets it.
  const fpfAfter = Math.max(0, s.page.margin.bottom - fpf.top - fpf.size * SHORT_TEXT_PITCH - s.page.footerDistance);
  const fpfShort = short(fpf.size, false, "start");
  defs.push({ id: STYLE.firstPageFooter, name: "UN First Page Footer", basedOn: STYLE.footer, pPr: { ...fpfShort.pPr, spacing: { ...fpfShort.pPr.spacing, after: fpfAfter } }, rPr: fpfShort.rPr });

  // Masthead parts (first-page header).
  const m = s.masthead;
  const tiny = 1; // empty paragraphs: a 1 pt font, so they are exactly as tall as their spacing says
  defs.push({ id: STYLE.mastheadEmblem, name: "UN Masthead Emblem", basedOn: STYLE.normal, pPr: { spacing: { before: 0, after: 0, line: m.emblemSize, atLeast: true }, jc: "start" }, rPr: { size: tiny } });
  defs.push({ id: STYLE.mastheadOrganisation, name: "UN Masthead Organisation", basedOn: STYLE.normal, ...short(m.organisationSize, true, "start") });
  defs.push({ id: STYLE.mastheadSymbol, name: "UN Masthead Symbol", basedOn: STYLE.normal, ...short(m.symbolSize, false, "end") });
  defs.push({ id: STYLE.mastheadOrgan, name: "UN Masthead Organ", basedOn: STYLE.normal, ...short(m.organSize, true, "start") });
  defs.push({ id: STYLE.mastheadDistribution, name: "UN Masthead Distribution", basedOn: STYLE.normal, ...short(m.distributionSize, false, "start") });
  defs.push({ id: STYLE.mastheadEnd, name: "UN Masthead End", basedOn: STYLE.normal, pPr: { spacing: { before: 0, after: 0, line: s.masthead.spaceBelow }, jc: "start" }, rPr: { size: tiny } });

  // The closing short centred rule: an empty paragraph whose bottom border spans its indents.
  const er = s.endRule;
  const side = Math.max(0, (ctx.width - er.width) / 2);
  defs.push({
    id: STYLE.endRule,
    name: "UN End Rule",
    basedOn: STYLE.normal,
    pPr: {
      keepLines: true,
      bottomBorder: { thickness: er.thickness, space: 0 },
      spacing: { before: er.spaceBefore, after: 0, line: tiny },
      ind: { leftEm: side / s.text.size, rightEm: side / s.text.size, size: s.text.size },
      jc: "center",
    },
    rPr: { size: tiny },
  });

  const spacingById = new Map<string, StyleSpacing>();
  for (const d of defs) {
    spacingById.set(d.id, { before: d.pPr.spacing?.before ?? 0, after: d.pPr.spacing?.after ?? 0, contextual: d.pPr.contextualSpacing ?? false });
  }

  return {
    xml: stylesXml(ctx, defs),
    spacing: (id) => spacingById.get(id) ?? { before: 0, after: 0, contextual: false },
  };
}


/** List item indents: marker at markerIndentEm, text at textIndentEm, later lines at leftIndentEm. */
export function listIndent(ctx: DocxContext): Pick<PPr, "ind" | "tabs"> {
  const p = resolvedParagraph(ctx.style, "list1");
  return {
    tabs: [{ val: "num", pos: p.textIndentEm * p.size }],
    ind: { leftEm: p.leftIndentEm, rightEm: p.rightIndentEm, firstLineEm: p.labelIndentEm - p.leftIndentEm, size: p.size },
  };
}

const NS =
  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ' +
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' +
  'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" mc:Ignorable="w14"';

function stylesXml(ctx: DocxContext, defs: ParagraphStyleDef[]): string {
  const s = ctx.style;
  const t = s.text;
  // docDefaults: every paragraph, including headers, footers and table cells, gets the Chinese
  // layout rules: w:kinsoku (line-start/end prohibitions), w:overflowPunct (hanging punctuation),
  // w:autoSpaceDE/DN (the narrow gap between Chinese and Latin text or digits).
  const rDefault = rPrXml({ fonts: ctx.fonts.regular, size: t.size, lang: ctx.lang });
  const pDefault = pPrXml({
    widowControl: true,
    kinsoku: true,
    overflowPunct: t.hangingPunctuation,
    autoSpaceDE: t.cjkLatinGapEm > 0,
    autoSpaceDN: t.cjkLatinGapEm > 0,
    // lines follow the exact line spacing, not the document grid: Word ignores the grid for exact
    // spacing anyway, LibreOffice does not (it gives each line two grid lines)
    snapToGrid: false,
    spacing: { before: 0, after: 0, line: t.lineHeight },
  });
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    `<w:styles ${NS}>`,
    `<w:docDefaults><w:rPrDefault>${rDefault}</w:rPrDefault><w:pPrDefault>${pDefault}</w:pPrDefault></w:docDefaults>`,
    `<w:style w:type="paragraph" w:default="1" w:styleId="${STYLE.normal}"><w:name w:val="Normal"/><w:qFormat/>${pPrXml({ jc: resolvedParagraph(s, "body").align })}</w:style>`,
    '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>',
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>' +
      '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>',
    '<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>',
  ];
  for (const d of defs) {
    const basedOn = d.basedOn ? `<w:basedOn w:val="${d.basedOn}"/>` : "";
    const next = d.next ? `<w:next w:val="${d.next}"/>` : "";
    const custom = d.name.startsWith("UN ") ? ' w:customStyle="1"' : "";
    out.push(`<w:style w:type="paragraph"${custom} w:styleId="${d.id}"><w:name w:val="${esc(d.name)}"/>${basedOn}${next}${QUICK.has(d.id) ? "<w:qFormat/>" : ""}${pPrXml(d.pPr)}${rPrXml(d.rPr)}</w:style>`);
  }
  const char = (id: StyleId, name: string, rPr: RPr) =>
    `<w:style w:type="character" w:styleId="${id}"><w:name w:val="${esc(name)}"/><w:basedOn w:val="DefaultParagraphFont"/><w:qFormat/>${rPrXml(rPr)}</w:style>`;
  out.push(char(STYLE.strong, "Strong", { fonts: ctx.fonts.bold, bold: true }));
  // Chinese has no italic; the PDF sets emphasis in the same face, so the style starts empty.
  out.push(char(STYLE.emphasis, "Emphasis", {}));
  out.push(char(STYLE.pageNumber, "page number", { fonts: ctx.fonts.bold, bold: true }));
  // docx's footnotes and endnotes parts hold only the separators, which refer to these
  out.push(char("FootnoteReference" as StyleId, "footnote reference", { superscript: true }));
  out.push(char("EndnoteReference" as StyleId, "endnote reference", { superscript: true }));
  out.push("</w:styles>");
  return out.join("");
}
