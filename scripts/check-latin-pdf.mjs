#!/usr/bin/env node
// Checks a rendered Latin/Cyrillic PDF against its data file from the PDF's own text positions
// (poppler's pdftotext -bbox-layout), as issue 13 asks:
//  1. no full-width mark: every printed word is as wide as Liberation Serif sets it (a quote,
//     apostrophe or dash taken from the CJK face is ~0.5 em too wide);
//  2. no break inside a word: a line that does not end a paragraph ends with a whole word of the
//     text, or with a hyphen that joins the next line's first word into a word of the text;
//  3. word spaces: the gaps between words on justified lines (right edge at the measure, not a
//     paragraph's last line) in em: min, median, p90, max; the median must be <= 0.4 em.
//
//   node scripts/check-latin-pdf.mjs output/x.en.pdf examples/x.en.yaml [--size 10]
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { parse } from "yaml";

const [pdf, data, ...rest] = process.argv.slice(2);
const size = rest[0] === "--size" ? Number(rest[1]) : 10;
if (!pdf || !data) {
  console.error("usage: node scripts/check-latin-pdf.mjs FILE.pdf DATA.yaml [--size PT]");
  process.exit(2);
}
const dist = new URL("../dist/", import.meta.url);
const { face } = await import(new URL("fonts/registry.js", dist));
const { applyTextRules } = await import(new URL("model/text-rules.js", dist));
const doc = parse(readFileSync(data, "utf8"));
const lang = doc.meta.language;
const texts = [...doc.letter.paragraphs];
for (const s of doc.annex?.sections ?? []) for (const c of s.content) texts.push(...(typeof c === "string" ? [c] : c.bullets));
const words = new Set(texts.flatMap((t) => applyTextRules(t, lang).split(/[\s\u00A0\u202F]+/)));

const xml = execFileSync("pdftotext", ["-bbox-layout", pdf, "-"], { encoding: "utf8", maxBuffer: 1 << 26 });
const lines = [];
for (const m of xml.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)) {
  const ws = [...m[5].matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((w) => ({ x0: +w[1], x1: +w[2], text: w[4].replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'") }));
  lines.push({ x0: +m[1], x1: +m[3], height: +m[4] - +m[2], words: ws });
}
// body lines: text at the body size (line boxes of 10 pt text are about 11 pt high)
const body = lines.filter((l) => Math.abs(l.height - size * 1.15) < size * 0.2 && l.words.length);
// the measure's right edge: the most common right end of a line (every justified line ends there)
const ends = new Map();
for (const l of body) ends.set(l.x1.toFixed(1), (ends.get(l.x1.toFixed(1)) ?? 0) + 1);
const right = Number([...ends].sort((a, b) => b[1] - a[1])[0][0]);
const latin = face("latin");
const problems = [];
// 1. widths
for (const l of body) {
  for (const w of l.words) {
    if (!/[’‘“”—–«»„]/.test(w.text)) continue;
    const expected = (latin.font.layout(w.text).advanceWidth * size) / latin.unitsPerEm;
    if (w.x1 - w.x0 > expected + 0.3 * size) problems.push(`too wide (${(w.x1 - w.x0).toFixed(1)} pt for ${expected.toFixed(1)}): ${w.text}`);
  }
}
// 2. breaks
let hyphens = 0;
for (let k = 0; k < body.length - 1; k++) {
  const last = body[k].words[body[k].words.length - 1].text;
  const next = body[k + 1].words[0]?.text ?? "";
  if (words.has(last)) continue;
  if (/-$/.test(last) && words.has(last.slice(0, -1) + next)) {
    hyphens++;
    continue;
  }
  // a line ending with the start of a longer word of the text: the word was split
  if ([...words].some((w) => w.length > last.length && w.startsWith(last + next) && !/[-—–]$/.test(last))) problems.push(`line ends inside a word: "${last}" / "${next}"`);
}
// 3. word spaces of justified lines (right edge at the measure; the last line of a paragraph is shorter)
const spaces = [];
for (const l of body) {
  if (Math.abs(right - l.x1) > 0.5 || l.words.length < 2) continue;
  const gaps = l.words.slice(1).map((w, i) => (w.x0 - l.words[i].x1) / size).sort((a, b) => a - b);
  spaces.push(gaps[Math.floor(gaps.length / 2)]);
}
spaces.sort((a, b) => a - b);
const q = (p) => spaces[Math.min(spaces.length - 1, Math.floor(p * (spaces.length - 1) + 0.5))];
const median = q(0.5);
console.log(`${pdf}: ${body.length} body lines, ${spaces.length} justified; word space em min ${spaces[0]?.toFixed(3)} median ${median?.toFixed(3)} p90 ${q(0.9)?.toFixed(3)} max ${spaces[spaces.length - 1]?.toFixed(3)}; hyphenated line ends ${hyphens}; problems ${problems.length}`);
for (const p of problems) console.log(`  ${p}`);
process.exit(problems.length || !(median <= 0.4) ? 1 : 0);
