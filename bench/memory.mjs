#!/usr/bin/env node
/**
 * Memory of `undoc render` as users run it (the CLI: its thread plus one worker) on documents of
 * 200, 2,000 and 10,000 pages, for the PDF, the DOCX and both:
 *
 *   npm run build && node bench/memory.mjs [--pages 200,2000,10000] [--min-heap] [--out bench/memory.json]
 *
 * The documents are bench/big-document.mjs's (the example's letter, an annex of N paragraphs;
 * 6.35 paragraphs a page). For each run: wall time, peak resident set size (the whole process,
 * workers included: process.resourceUsage().maxRSS at exit, through bench/rss-probe.mjs), and
 * the peak V8 heap (the largest heap before a garbage collection, from --trace-gc). With
 * --min-heap, also the smallest --max-old-space-size the render succeeds with (bisection: slow),
 * which is what src/render/memory.ts's estimate must stay above. Results: bench/memory.json and
 * the table in bench/MEMORY.md (written by hand from it).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { documentText } from "./big-document.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const CLI = join(ROOT, "dist", "cli.js");
const PROBE = join(ROOT, "bench", "rss-probe.mjs");
const PARAGRAPHS_PER_PAGE = 6.35;

function render(input, out, format, nodeArgs = [], env = {}) {
  const rssFile = join(out, "rss.txt");
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [...nodeArgs, "--import", PROBE, "--trace-gc", CLI, "render", input, "--out", out, "--format", format, "-q"], {
    encoding: "utf8",
    maxBuffer: 1 << 30,
    env: { ...process.env, ...env, BENCH_RSS_FILE: rssFile },
  });
  const wallMs = Math.round(performance.now() - t0);
  let peakHeapMB = 0;
  for (const m of r.stdout.matchAll(/(?:Scavenge|Mark-Compact|Mark-sweep)\S*\s+([0-9.]+) \(/g)) peakHeapMB = Math.max(peakHeapMB, Number(m[1]));
  let maxRssMB;
  try {
    maxRssMB = Math.round(Number(readFileSync(rssFile, "utf8").trim().split(" ")[2]) / 1024);
  } catch {
    maxRssMB = undefined;
  }
  return { ok: r.status === 0, status: r.status, wallMs, maxRssMB, peakHeapMB: Math.round(peakHeapMB), stderr: r.status === 0 ? undefined : r.stderr.slice(0, 400) };
}

/** Smallest --max-old-space-size (MB, to 8 MB) the render succeeds with, without undoc's estimate. */
function minHeap(input, out, format, hi) {
  let lo = 16;
  while (hi - lo > 8) {
    const mid = Math.floor((lo + hi) / 2);
    if (render(input, out, format, [`--max-old-space-size=${mid}`], { UNDOC_MEMORY_CHECK: "off" }).ok) hi = mid;
    else lo = mid;
  }
  return hi;
}

const argv = process.argv.slice(2);
const opt = (name, dflt) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : dflt);
const pages = opt("--pages", "200,2000,10000").split(",").map(Number);
const outFile = opt("--out", join(ROOT, "bench", "memory.json"));
const dir = mkdtempSync(join(tmpdir(), "undoc-memory-"));
const results = [];
for (const p of pages) {
  const paragraphs = Math.round(p * PARAGRAPHS_PER_PAGE);
  const input = join(dir, `doc-${p}.yaml`);
  writeFileSync(input, documentText(paragraphs));
  const inputMB = +(statSync(input).size / 2 ** 20).toFixed(1);
  for (const format of ["pdf", "docx", "pdf,docx"]) {
    const out = mkdtempSync(join(dir, "out-"));
    const run = render(input, out, format);
    const pdfPages = format.includes("pdf") ? (readFileSync(join(out, `doc-${p}.pdf`), "latin1").match(/\/Type \/Page\b/g) ?? []).length : undefined;
    const row = { pages: p, paragraphs, inputMB, format, ...run, ...(pdfPages ? { pdfPages } : {}) };
    if (argv.includes("--min-heap") && run.ok) row.minOldSpaceMB = minHeap(input, out, format, Math.max(64, run.peakHeapMB * 2));
    results.push(row);
    console.log(JSON.stringify(row));
    rmSync(out, { recursive: true, force: true });
  }
}
const machine = { loadAverage: loadavg().map((l) => +l.toFixed(2)), cpus: cpus().length, cpu: cpus()[0]?.model, memoryGB: Math.round(totalmem() / 2 ** 30), node: process.version, platform: `${process.platform} ${process.arch}` };
writeFileSync(outFile, `${JSON.stringify({ date: new Date().toISOString(), machine, results }, null, 2)}\n`);
rmSync(dir, { recursive: true, force: true });
console.log(`written ${outFile}`);
