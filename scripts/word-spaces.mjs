#!/usr/bin/env node
// Word-space statistics of justified Latin/Cyrillic text, composed with the real fonts and the
// template's layered style (style.yaml + style.<lang>.yaml): per file and line-breaking method,
// the width of the word spaces of every justified line but paragraphs' last lines, in em
// (min, median, p90, max), lines over 0.4 em, hyphenated lines, and the time taken.
//
//   npm run build
//   node scripts/word-spaces.mjs examples/arria-belarus-2020.en.yaml [more files...]
//   node scripts/word-spaces.mjs --lang fr some-text.txt     # paragraphs separated by blank lines
//
// Options: --lang xx (for .txt files), --measure PT (override the body measure), --templates DIR.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";

const dist = new URL("../dist/", import.meta.url);
const { composeParagraph } = await import(new URL("typeset/index.js", dist));
const { faceSetFor } = await import(new URL("fonts/face-set.js", dist));
const { parseStyle, resolvedParagraph, textWidth } = await import(new URL("style/style.js", dist));
const { mergeStyle } = await import(new URL("style/merge.js", dist));
const { wordComposeOptions } = await import(new URL("style/word-options.js", dist));
const { applyTextRules } = await import(new URL("model/text-rules.js", dist));

const args = process.argv.slice(2);
const opt = { lang: undefined, measure: undefined, templates: "templates/un-letter" };
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--lang") opt.lang = args[++i];
  else if (args[i] === "--measure") opt.measure = Number(args[++i]);
  else if (args[i] === "--templates") opt.templates = args[++i];
  else files.push(args[i]);
}
if (!files.length) {
  console.error("usage: node scripts/word-spaces.mjs [--lang xx] [--measure PT] FILE...");
  process.exit(2);
}

function styleFor(lang) {
  const base = parseStyle(readFileSync(join(opt.templates, "style.yaml"), "utf8"), "style.yaml");
  let over = {};
  try {
    over = parse(readFileSync(join(opt.templates, `style.${lang}.yaml`), "utf8")) ?? {};
  } catch {
    /* no override for this language */
  }
  return parseStyle(JSON.stringify(mergeStyle(base, over)), `style.${lang}.yaml`);
}

/** Paragraphs (role, text) of a data file or a text file. */
function paragraphsOf(file) {
  if (file.endsWith(".txt")) {
    return readFileSync(file, "utf8").split(/\n\s*\n/).map((t) => t.replace(/\s+/g, " ").trim()).filter(Boolean).map((text) => ({ role: "body", text }));
  }
  const data = parse(readFileSync(file, "utf8"));
  opt.fileLang = data.meta.language;
  const out = data.letter.paragraphs.map((text) => ({ role: "body", text }));
  for (const s of data.annex?.sections ?? []) {
    for (const c of s.content) {
      if (typeof c === "string") out.push({ role: "body", text: c });
      else for (const b of c.bullets) out.push({ role: "listItem", text: b });
    }
  }
  return out;
}

function quantile(sorted, q) {
  if (!sorted.length) return NaN;
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  return sorted[lo] + (sorted[Math.min(lo + 1, sorted.length - 1)] - sorted[lo]) * (at - lo);
}

for (const file of files) {
  opt.fileLang = undefined;
  const paras = paragraphsOf(file);
  const lang = opt.lang ?? opt.fileLang;
  const style = styleFor(lang);
  const faces = faceSetFor(style);
  const t = style.text;
  const base = { cjkLatinGapEm: t.cjkLatinGapEm, compressAdjacentPunctuation: t.compressAdjacentPunctuation ?? true, hangingPunctuation: t.hangingPunctuation, ...wordComposeOptions(style, lang) };
  for (const lineBreaking of ["first-fit", "optimum"]) {
    const spaces = [];
    let lines = 0;
    let hyphenated = 0;
    let words = 0;
    const t0 = performance.now();
    for (const { role, text } of paras) {
      const p = resolvedParagraph(style, role);
      const li = style.paragraphs.listItem;
      const size = p.size;
      const width = opt.measure !== undefined ? opt.measure + (p.leftIndentEm + p.rightIndentEm) * size : textWidth(style);
      const geo = {
        size,
        width,
        leftIndent: p.leftIndentEm * size,
        rightIndent: p.rightIndentEm * size,
        firstLineIndent: role === "listItem" ? (li.textIndentEm - (li.leftIndentEm ?? 0)) * size : p.firstLineIndentEm * size,
        align: p.align,
      };
      const composed = composeParagraph([{ text: applyTextRules(text, lang), weight: p.weight }], faces, geo, { ...base, lineBreaking });
      words += text.split(/\s+/).length;
      composed.lines.forEach((l, n) => {
        lines++;
        if (l.hyphenated) hyphenated++;
        if (n < composed.lines.length - 1 && l.wordSpace !== undefined) spaces.push(l.wordSpace / size);
      });
    }
    const ms = performance.now() - t0;
    spaces.sort((a, b) => a - b);
    const f = (x) => x.toFixed(3);
    console.log(
      `${file} [${lang}, ${lineBreaking}]: ${paras.length} paragraphs, ${words} words, ${lines} lines, ${spaces.length} justified; ` +
        `word space em min ${f(spaces[0])} median ${f(quantile(spaces, 0.5))} p90 ${f(quantile(spaces, 0.9))} max ${f(spaces[spaces.length - 1])}; ` +
        `over 0.4 em: ${spaces.filter((s) => s > 0.4 + 1e-9).length}; hyphenated lines: ${hyphenated}; ${ms.toFixed(1)} ms`,
    );
  }
}
