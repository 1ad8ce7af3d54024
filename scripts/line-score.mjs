#!/usr/bin/env node
/**
 * Line fidelity: how many printed lines of an original document a rendered PDF reproduces exactly.
 *
 *   node scripts/line-score.mjs output/arria-belarus-2020.zh.pdf [FIXTURE] [--json] [--show N]
 *
 * FIXTURE (default tests/fixtures/arria-belarus-2020.zh.lines.txt) holds the original print's
 * lines, one per line; blank lines and lines starting with "# " are skipped. A fixture line counts
 * as reproduced when a line of the PDF, after the previous match in reading order, equals it once
 * all white space is removed (and a leading bullet on either side). The PDF's lines are rebuilt
 * from positioned text with pdfjs-dist (scripts/pdf-lines.mjs): no poppler needed.
 * Exit 0 when it could measure (whatever the score), 2 on bad use or an unreadable file.
 */
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { pdfText } from "./pdf-lines.mjs";

export const DEFAULT_FIXTURE = join(dirname(fileURLToPath(import.meta.url)), "..", "tests", "fixtures", "arria-belarus-2020.zh.lines.txt");

/** A line as compared: no white space (ideographic and no-break included), no leading bullet. */
export function normaliseLine(s) {
  return s.normalize("NFC").replace(/[\s\u3000\u00a0]+/gu, "").replace(/^[•·●▪◦‧∙]/u, "");
}

/** The fixture's lines, normalised; blank lines and "# " comments left out. */
export function fixtureLines(text) {
  return text
    .split(/\r?\n/)
    .filter((l) => !l.startsWith("# "))
    .map(normaliseLine)
    .filter((l) => l.length > 0);
}

/** Scores `wanted` (normalised fixture lines) against the PDF's lines, in order. */
export function scoreLines(pdfLines, wanted) {
  const lines = pdfLines.map(normaliseLine).filter((l) => l.length > 0);
  let at = 0;
  let reproduced = 0;
  const missed = [];
  for (const want of wanted) {
    const j = lines.indexOf(want, at);
    if (j >= 0) {
      reproduced++;
      at = j + 1;
    } else {
      // the nearest candidate, to show what came out instead
      const head = want.slice(0, 4);
      missed.push({ want, got: lines.find((l, k) => k >= at && l.includes(head)) ?? "" });
    }
  }
  const total = wanted.length;
  return { reproduced, total, percent: total ? Math.round((1000 * reproduced) / total) / 10 : 100, missed };
}

/** Line score of PDF bytes against fixture text. */
export async function lineScore(pdfBytes, fixtureText) {
  const pages = await pdfText(pdfBytes);
  return scoreLines(
    pages.flatMap((p) => p.lines.map((l) => l.text)),
    fixtureLines(fixtureText),
  );
}

async function main(argv) {
  const args = [...argv];
  const take = (name) => {
    const i = args.indexOf(name);
    if (i < 0) return undefined;
    return args.splice(i, name === "--json" ? 1 : 2)[1] ?? "";
  };
  const json = take("--json") !== undefined;
  const show = Number(take("--show") ?? 8);
  if (args.length < 1 || args.length > 2 || args.some((a) => a.startsWith("-")) || !Number.isInteger(show)) {
    console.error("usage: node scripts/line-score.mjs FILE.pdf [FIXTURE] [--json] [--show N]");
    return 2;
  }
  const [pdf, fixture = DEFAULT_FIXTURE] = args;
  let bytes;
  let text;
  try {
    bytes = readFileSync(pdf);
    text = readFileSync(fixture, "utf8");
  } catch (e) {
    console.error(`line-score: ${e.message}`);
    return 2;
  }
  let r;
  try {
    r = await lineScore(bytes, text);
  } catch (e) {
    console.error(`line-score: cannot read ${pdf} as a PDF: ${e.message}`);
    return 2;
  }
  if (json) console.log(JSON.stringify(r, null, 1));
  else {
    for (const m of r.missed.slice(0, show)) console.log(`- want ${m.want}\n  got  ${m.got}`);
    if (r.missed.length > show) console.log(`(+${r.missed.length - show} more)`);
    console.log(`lines reproduced: ${r.reproduced}/${r.total} (${r.percent.toFixed(1)}%)`);
  }
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
