/**
 * undoc data (validated, as loadDataFile returns it) -> an equivalent Typst source, so that the
 * benchmark can run Typst on the same content as undoc: US Letter with the margins of
 * templates/un-letter/style.yaml, 12 pt text on a 16 pt line in Noto Serif CJK SC with Latin in
 * Liberation Serif, bold titles and headings in Noto Sans CJK SC (Liberation Serif Bold for
 * Latin), first-line indent 2 em, justified, a simple masthead, the letter title, paragraphs and
 * right-aligned signature, a page break, the annex heading, title, sections and bullets (marker
 * at 2 em, text at 3.5 em, later lines at 5 em), a running header (symbol) and footer (page n/N
 * and job number, alternating sides) and the end rule. No barcode, QR code or emblem.
 *
 * All data text goes through `escapeMarkup`, so no value can be read as Typst markup.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse as parseYaml } from "yaml";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const TEMPLATES = join(ROOT, "templates", "un-letter");

const localeCache = new Map();
function locale(lang) {
  let l = localeCache.get(lang);
  if (!l) localeCache.set(lang, (l = parseYaml(readFileSync(join(TEMPLATES, "locales", `${lang}.yaml`), "utf8"))));
  return l;
}
let styleCache;
function style() {
  return (styleCache ??= parseYaml(readFileSync(join(TEMPLATES, "style.yaml"), "utf8")));
}

const fill = (template, values) => template.replace(/\{(\w+)\}/g, (_, k) => values[k] ?? `{${k}}`);

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
function formatDate(iso, lang) {
  const [y, m, d] = iso.split("-").map(Number);
  if (lang === "zh") return `${y}年${m}月${d}日`;
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/**
 * Escapes Typst markup: every character that can start markup (#, *, _, $, `, \, [, ], <, >, @,
 * =, -, +, /, ~, ', ", .) gets a backslash, which Typst reads as that literal character. Line
 * breaks become spaces (the data has none; paragraphs are whole strings).
 */
export function escapeMarkup(text) {
  return String(text)
    .replace(/\s+/g, " ")
    .replace(/[\\#*_$`\[\]<>@=\-+/~'".]/g, (c) => `\\${c}`);
}

/** A Typst string literal (for document metadata). */
const str = (text) => `"${String(text).replace(/[\\"]/g, (c) => `\\${c}`)}"`;

/** Converts validated undoc data to a Typst source (one .typ file, no imports). */
export function toTypst(data) {
  const s = style();
  const meta = data.meta;
  const loc = locale(meta.language);
  const m = s.page.margin;
  const text = s.text;
  const p = s.paragraphs;
  // the style's list paragraphs (list1; older styles: listItem with its marker)
  const li = p.listItem ?? { leftIndentEm: p.list1.leftIndentEm, markerIndentEm: p.list1.labelIndentEm, textIndentEm: p.list1.textIndentEm, marker: "•" };
  const gap = text.lineHeight - text.size; // leading between lines, with 1 em tall line boxes
  const letterDate = formatDate(data.letter.date, meta.language);
  const letterTitle = data.letter.title ?? fill(loc.letter.title, { date: letterDate, from: data.letter.from, to: data.letter.to });
  const dateLang = loc.masthead.dateLanguage ?? meta.language;
  const jobLabel = `${meta.jobNumber} (${loc.footer.languageLetter})`;
  const [iy, im, id] = meta.issued.split("-").map(Number);
  const e = escapeMarkup;

  const out = [];
  out.push(
    `#set document(title: ${str(letterTitle)}, date: datetime(year: ${iy}, month: ${im}, day: ${id}))`,
    `#let serif = ((name: "Liberation Serif", covers: "latin-in-cjk"), "Noto Serif CJK SC")`,
    `#let hei = ((name: "Liberation Serif", covers: "latin-in-cjk"), "Noto Sans CJK SC")`,
    `#set page(paper: "${s.page.size === "a4" ? "a4" : "us-letter"}",`,
    `  margin: (top: ${m.top}pt, bottom: ${m.bottom}pt, left: ${m.left}pt, right: ${m.right}pt),`,
    `  header-ascent: ${Math.max(0, m.top - s.page.headerDistance - s.running.size)}pt,`,
    `  footer-descent: ${Math.max(0, m.bottom - s.page.footerDistance - s.running.size)}pt,`,
    `  header: context {`,
    `    let n = here().page()`,
    `    if n > 1 {`,
    `      set text(size: ${s.running.size}pt)`,
    `      set par(first-line-indent: 0pt)`,
    `      align(if calc.even(n) { left } else { right })[${e(meta.symbol)}]`,
    `      v(-6pt)`,
    `      line(length: 100%, stroke: ${s.running.rule}pt)`,
    `    }`,
    `  },`,
    `  footer: context {`,
    `    let n = here().page()`,
    `    set text(size: ${s.running.size}pt)`,
    `    set par(first-line-indent: 0pt)`,
    `    if n == 1 [${e(jobLabel)}] else {`,
    `      let num = counter(page).display("1/1", both: true)`,
    `      if calc.even(n) [#num #h(1fr) ${e(meta.jobNumber)}] else [${e(meta.jobNumber)} #h(1fr) #num]`,
    `    }`,
    `  },`,
    `)`,
    `#set text(font: serif, size: ${text.size}pt, lang: "${meta.language}"${meta.language === "zh" ? `, region: "cn"` : ""}, top-edge: 0.8em, bottom-edge: -0.2em)`,
    `#set par(justify: ${p.body.align === "justify"}, leading: ${gap}pt, spacing: ${gap + p.body.spaceAfter}pt, first-line-indent: (amount: ${p.body.firstLineIndentEm}em, all: true))`,
    `#let title(body) = block(inset: (right: ${p.title.rightIndentEm}em), below: ${gap + p.title.spaceAfter}pt, sticky: true,`,
    `  text(font: hei, weight: "bold", par(justify: false, first-line-indent: (amount: ${p.title.firstLineIndentEm}em, all: true), body)))`,
    `#let section(body) = block(below: ${gap + (p.section ?? p.heading1).spaceAfter}pt, sticky: true,`,
    `  text(font: hei, weight: "bold", par(justify: false, first-line-indent: (amount: ${(p.section ?? p.heading1).firstLineIndentEm}em, all: true), body)))`,
    `#let item(body) = par(first-line-indent: 0pt, hanging-indent: ${li.leftIndentEm}em,`,
    `  [#h(${li.markerIndentEm}em)#box(width: ${li.textIndentEm - li.markerIndentEm}em)[${e(li.marker)}]#body])`,
    `#let signature(body) = block(above: ${gap + p.signature.spaceBefore}pt, width: 100%, {`,
    `  set align(${p.signature.align === "end" ? "end" : "start"})`,
    `  set par(first-line-indent: 0pt, justify: false)`,
    `  body`,
    `})`,
    "",
  );

  // masthead (first page, in the flow)
  const ms = s.masthead;
  const distribution = [
    loc.masthead.distribution[meta.distribution],
    formatDate(meta.issued, dateLang),
    loc.languageName[meta.language],
    fill(loc.masthead.original, { language: loc.languageName[meta.original] }),
  ];
  out.push(
    `#block(below: 24pt)[`,
    `  #set par(first-line-indent: 0pt, justify: false)`,
    `  #grid(columns: (1fr, auto), align: (left + bottom, right + bottom),`,
    `    text(size: ${ms.organisationSize}pt)[${e(loc.masthead.organisation)}], text(size: ${ms.symbolSize}pt)[${e(meta.symbol)}])`,
    `  #v(-4pt)`,
    `  #line(length: 100%, stroke: ${ms.thinRule}pt)`,
    `  #grid(columns: (1fr, 35%), align: (left + top, left + top),`,
    `    text(size: ${ms.organSize}pt, font: hei, weight: "bold")[${e(meta.organ)}],`,
    `    text(size: ${ms.distributionSize}pt)[${distribution.map(e).join(" \\ ")}])`,
    `  #line(length: 100%, stroke: ${ms.heavyRule}pt)`,
    `]`,
    "",
  );

  // the letter
  out.push(`#title[${e(letterTitle)}]`, "");
  for (const para of data.letter.paragraphs) out.push(e(para), "");
  const sig = data.letter.signature;
  const signed = sig.signed === false ? "" : loc.letter.signed;
  out.push(`#signature[${[...sig.titles, sig.name + signed].map(e).join(" \\ ")}]`, "");

  // the annex
  if (data.annex) {
    const a = data.annex;
    const heading = a.heading ?? fill(loc.annex.heading, { date: letterDate, from: data.letter.from, to: data.letter.to });
    out.push(`#pagebreak()`, "", `#title[${e(heading)}]`, "", `#title[${e(a.title)}]`, "");
    for (const sec of a.sections) {
      if (sec.heading) out.push(`#section[${e(sec.heading)}]`, "");
      for (const c of sec.content) {
        if (typeof c === "string") out.push(e(c), "");
        else for (const b of c.bullets) out.push(`#item[${e(b)}]`, "");
      }
    }
  }
  out.push(`#v(${s.endRule.spaceBefore}pt)`, `#align(center, line(length: ${s.endRule.width}pt, stroke: ${s.endRule.thickness}pt))`, "");
  return out.join("\n");
}
