/**
 * What the style schema cannot say: geometry that must fit the page. Values the schema accepts
 * can still lose text (a 2,000-point body size leaves no line on the page), draw it off the page
 * (a negative indent), make it invisible (size 0) or break the marks (a QR code of no size). Each
 * problem names the style key that causes it; parseStyle turns it into a STYLE error at that
 * key's line of style.yaml.
 */
import { fontManifest } from "../fonts/registry.js";
import { PAGE_SIZES, SHORT_TEXT_PITCH, type Style } from "./style.js";

export interface StyleProblem {
  path: (string | number)[];
  message: string;
}

const MIN_SIZE = 4;
const MAX_SIZE = 72;

export function styleProblems(style: Style): StyleProblem[] {
  const out: StyleProblem[] = [];
  const bad = (path: string, message: string) => out.push({ path: path.split("."), message });
  const page = PAGE_SIZES[style.page.size];
  const m = style.page.margin;
  const t = style.text;
  const width = page.width - m.left - m.right;
  const height = page.height - m.top - m.bottom;
  const size = (path: string, v: number | undefined) => {
    if (v !== undefined && (v < MIN_SIZE || v > MAX_SIZE)) bad(path, `a text size of ${v} pt cannot be read or does not fit: use ${MIN_SIZE} to ${MAX_SIZE} pt`);
  };

  // the text block: room for a few characters across and a few lines down
  size("text.size", t.size);
  if (width < 6 * t.size) bad(m.left >= m.right ? "page.margin.left" : "page.margin.right", `the margins leave ${round(width)} pt across the page, less than 6 characters of ${t.size} pt`);
  if (height < 6 * t.lineHeight) bad(m.top >= m.bottom ? "page.margin.top" : "page.margin.bottom", `the margins leave ${round(height)} pt down the page, less than 6 lines of ${t.lineHeight} pt`);
  if (t.lineHeight < 0.5 * t.size || t.lineHeight > 10 * t.size) bad("text.lineHeight", `a line height of ${t.lineHeight} pt does not suit text of ${t.size} pt (use ${t.size / 2} to ${t.size * 10} pt)`);

  // paragraph styles: a positive size, and every line inside the text block with room for two characters
  for (const [role, p] of Object.entries(style.paragraphs)) {
    const at = (k: string) => `paragraphs.${role}.${k}`;
    size(at("size"), p.size);
    const s = p.size ?? t.size;
    if (p.lineHeight !== undefined && (p.lineHeight < 0.5 * s || p.lineHeight > 10 * s)) bad(at("lineHeight"), `a line height of ${p.lineHeight} pt does not suit text of ${s} pt`);
    for (const k of ["leftIndentEm", "rightIndentEm", "labelIndentEm", "textIndentEm"] as const) {
      if ((p[k] ?? 0) < 0) bad(at(k), `${k} is negative: the text would start in the margin, off the text block`);
    }
    const left = p.leftIndentEm ?? 0;
    const first = left + (p.firstLineIndentEm ?? 0);
    if (first < 0) bad(at("firstLineIndentEm"), `the first line would start ${round(-first)} em left of the text block (a hanging first line needs a left indent at least as large)`);
    const narrowest = width - Math.max(left, first, p.textIndentEm ?? 0) * s - (p.rightIndentEm ?? 0) * s;
    if (narrowest < 2 * s) bad(at(left >= (p.rightIndentEm ?? 0) ? "leftIndentEm" : "rightIndentEm"), `the indents leave ${round(Math.max(0, narrowest))} pt for the text, less than two characters`);
  }

  // the page furniture: inside the margins it lives in
  const mh = style.masthead;
  for (const k of ["organisationSize", "symbolSize", "organSize", "distributionSize"] as const) size(`masthead.${k}`, mh[k]);
  if (mh.emblemSize > width / 2) bad("masthead.emblemSize", `the emblem (${mh.emblemSize} pt) is wider than half the text block (${round(width / 2)} pt)`);
  if (mh.distributionWidth < 4 * mh.distributionSize || mh.distributionWidth > width / 2) bad("masthead.distributionWidth", `the distribution block must be ${4 * mh.distributionSize} to ${round(width / 2)} pt wide`);
  if (mh.spaceBelow > height / 2) bad("masthead.spaceBelow", `${mh.spaceBelow} pt below the masthead is more than half the page`);
  for (const k of ["heavyRule", "thinRule"] as const) if (mh[k] > 12) bad(`masthead.${k}`, `a rule of ${mh[k]} pt is thicker than 12 pt`);

  const r = style.running;
  size("running.size", r.size);
  if (style.page.headerDistance + r.size * SHORT_TEXT_PITCH + 2 + r.rule > m.top) bad("page.headerDistance", "the running header does not fit in the top margin");
  if (m.bottom - style.page.footerDistance - r.size * SHORT_TEXT_PITCH < 0) bad("page.footerDistance", "the running footer does not fit in the bottom margin");

  const f = style.firstPageFooter;
  size("firstPageFooter.size", f.size);
  if (f.barcodeNarrow < 0.2 || f.barcodeNarrow > 5) bad("firstPageFooter.barcodeNarrow", `a narrow bar of ${f.barcodeNarrow} pt cannot be scanned: use 0.2 to 5 pt`);
  if (f.barcodeHeight < 4) bad("firstPageFooter.barcodeHeight", `a barcode ${f.barcodeHeight} pt high cannot be scanned: use at least 4 pt`);
  if (f.qrSize < 18) bad("firstPageFooter.qrSize", `a QR code of ${f.qrSize} pt cannot be scanned: use at least 18 pt`);
  if (f.recyclingSize < 4) bad("firstPageFooter.recyclingSize", "the recycling mark needs at least 4 pt");
  if (f.top + f.qrSize > m.bottom) bad("firstPageFooter.qrSize", `the QR code (${f.qrSize} pt, ${f.top} pt below the text) does not fit in the bottom margin (${m.bottom} pt)`);
  if (f.top + f.size * SHORT_TEXT_PITCH + 3 + f.barcodeHeight > m.bottom) bad("firstPageFooter.barcodeHeight", `the job number and barcode do not fit in the bottom margin (${m.bottom} pt)`);
  if (f.top + 8 + f.recyclingSize > m.bottom) bad("firstPageFooter.recyclingSize", `the recycling mark does not fit in the bottom margin (${m.bottom} pt)`);

  const e = style.endRule;
  if (e.width > width) bad("endRule.width", `the closing rule (${e.width} pt) is wider than the text block (${round(width)} pt)`);
  if (e.thickness > 12) bad("endRule.thickness", "the closing rule is thicker than 12 pt");
  const tb = style.table;
  if (tb.paddingX > width / 8) bad("table.paddingX", `cell padding of ${tb.paddingX} pt leaves no room for the text`);
  if (tb.paddingY > 36) bad("table.paddingY", "cell padding above 36 pt");
  if (tb.rule > 6) bad("table.rule", "table rules thicker than 6 pt");
  const fn = style.footnotes;
  if (fn.separatorWidth > width) bad("footnotes.separatorWidth", `the footnote rule (${fn.separatorWidth} pt) is wider than the text block`);
  if (fn.separatorThickness > 6) bad("footnotes.separatorThickness", "the footnote rule is thicker than 6 pt");
  if (fn.spaceAbove + fn.separatorBelow + fn.spaceBetween > height / 4) bad("footnotes.spaceAbove", "the footnote spacing takes more than a quarter of the page");

  // faces: ids from fonts/manifest.json
  const known = new Set(fontManifest().map((f) => f.id));
  for (const [variant, ids] of Object.entries(style.fonts)) {
    if (!ids) continue;
    for (const [script, id] of Object.entries(ids)) {
      if (!known.has(id)) bad(`fonts.${variant}.${script}`, `no font face "${id}" in fonts/manifest.json (faces: ${[...known].join(", ")})`);
    }
  }
  return out;
}

function round(v: number): number {
  return Math.round(v * 10) / 10;
}
