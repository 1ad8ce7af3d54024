#!/usr/bin/env node
/**
 * What tagging costs: the PDF of each bundled example and of a 50-page document, tagged (the
 * default: structure tree, /ActualText, PDF/A-2a and PDF/UA-1) and untagged (`pdf: { tagged:
 * false }`), size and warm render time (median of 7, CPU time beside it), in one process.
 *
 *   npm run build && node bench/tagging.mjs   # writes bench/TAGGING.md
 */
import { readFileSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const { loadDataFile } = await import(join(ROOT, "dist", "input", "load.js"));
const { renderData } = await import(join(ROOT, "dist", "render", "pipeline.js"));
const { longDocument } = await import(join(ROOT, "bench", "documents.mjs"));

const docs = [
  ["arria-belarus-2020.zh (3 pages)", loadDataFile(join(ROOT, "examples", "arria-belarus-2020.zh.yaml")).data],
  ["committee-report-2021.zh (5 pages)", loadDataFile(join(ROOT, "examples", "committee-report-2021.zh.yaml")).data],
  ["arria-belarus-2020.en (4 pages)", loadDataFile(join(ROOT, "examples", "arria-belarus-2020.en.yaml")).data],
  ["the 50-page document (bench/documents.mjs)", longDocument(loadDataFile(join(ROOT, "examples", "arria-belarus-2020.zh.yaml")).data)],
];

/** Tagged and untagged renders taken in turn (so JIT warm-up and machine load fall on both alike). */
async function measure(data) {
  const runs = { false: { ms: [], cpu: [], bytes: 0 }, true: { ms: [], cpu: [], bytes: 0 } };
  for (let i = 0; i < 10; i++) {
    for (const tagged of [false, true]) {
      const t = performance.now();
      const c = process.cpuUsage();
      const r = await renderData(data, { formats: ["pdf"], pdf: { tagged } });
      const u = process.cpuUsage(c);
      if (i > 1) {
        runs[tagged].ms.push(performance.now() - t);
        runs[tagged].cpu.push((u.user + u.system) / 1000);
      }
      runs[tagged].bytes = r.pdf.length;
    }
  }
  const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const pick = (k) => ({ bytes: runs[k].bytes, ms: median(runs[k].ms), cpuMs: median(runs[k].cpu) });
  return [pick(false), pick(true)];
}

const rows = [];
for (const [name, data] of docs) {
  const [plain, tagged] = await measure(data);
  rows.push(`| ${name} | ${(plain.bytes / 1024).toFixed(0)} KB | ${(tagged.bytes / 1024).toFixed(0)} KB (+${((tagged.bytes / plain.bytes - 1) * 100).toFixed(1)}%) | ${plain.ms.toFixed(0)} ms (CPU ${plain.cpuMs.toFixed(0)}) | ${tagged.ms.toFixed(0)} ms (CPU ${tagged.cpuMs.toFixed(0)}) |`);
  console.log(rows[rows.length - 1]);
}
const out = [
  "# What tagging costs",
  "",
  `\`node bench/tagging.mjs\` on ${cpus().length} × ${cpus()[0]?.model}, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}.`,
  "Warm renders in one process, tagged and untagged in turn (median of 8 after two discarded), PDF only; tagged is the default.",
  "",
  "| document | untagged | tagged, PDF/A-2a + PDF/UA-1 | untagged render | tagged render |",
  "|---|---|---|---|---|",
  ...rows,
  "",
].join("\n");
writeFileSync(join(ROOT, "bench", "TAGGING.md"), out);
