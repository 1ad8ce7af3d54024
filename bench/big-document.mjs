#!/usr/bin/env node
/**
 * Big documents: how time and memory grow from 5 to 50 to 500 pages.
 *
 *   npm run build && node bench/big-document.mjs [--pages 5,50,500] [--out bench/big-document.json]
 *
 * Each document is the bundled example's letter with an annex of N paragraphs (the example's
 * annex paragraphs, repeated); N is scaled until `pdfinfo` reports the page count asked for.
 * Every measurement renders in a fresh Node process (`--child`), from YAML text to PDF and DOCX
 * bytes (nothing written), and reports the render time inside the process, the wall time of the
 * whole process (start-up, font parsing, rendering) and the peak resident set size
 * (process.resourceUsage().maxRSS; also /usr/bin/time -v when it is installed). The child then
 * renders the same document again ("warm": fonts parsed, code compiled) to show the steady state;
 * the peak RSS is taken before that second render.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const EXAMPLE = join(ROOT, "examples", "arria-belarus-2020.zh.yaml");

/** The example with an annex of `n` paragraphs, as YAML text. */
export function documentText(n) {
  const example = readFileSync(EXAMPLE, "utf8");
  const paragraphs = example.split("\n").filter((l) => /^ {8}- \S/.test(l) && !/- bullets:$/.test(l)).map((l) => l.trim().slice(2));
  const head = example.slice(0, example.indexOf("annex:"));
  const body = Array.from({ length: n }, (_, i) => `        - ${paragraphs[i % paragraphs.length]}`).join("\n");
  return `${head}annex:\n  title: 主席对2020年9月4日举行的关于白俄罗斯人权问题的安全理事会“阿里亚办法”公开会议的总结\n  sections:\n    - heading: 导言\n      content:\n${body}\n`;
}

async function child(n, formats, pdfOut) {
  const t0 = performance.now();
  const { parseData } = await import(join(ROOT, "dist", "input", "load.js"));
  const { renderData } = await import(join(ROOT, "dist", "render", "pipeline.js"));
  const loaded = performance.now();
  const data = parseData(documentText(n), "big.yaml");
  const parsed = performance.now();
  const times = {};
  const cpu = {};
  const sizes = {};
  const cpuMs = (since) => {
    const u = process.cpuUsage(since);
    return Math.round((u.user + u.system) / 1000);
  };
  for (const format of formats) {
    const t = performance.now();
    const c = process.cpuUsage();
    const r = await renderData(data, { formats: [format] });
    times[format] = Math.round(performance.now() - t);
    cpu[format] = cpuMs(c);
    sizes[format] = r[format].length;
    if (format === "pdf" && pdfOut) writeFileSync(pdfOut, r.pdf);
  }
  const usage = process.resourceUsage();
  // the same render again in the same process: no font parsing, warm JIT (steady state)
  const warm = {};
  const warmCpu = {};
  if (process.env.BENCH_WARM !== "0") {
    for (const format of formats) {
      const t = performance.now();
      const c = process.cpuUsage();
      await renderData(data, { formats: [format] });
      warm[format] = Math.round(performance.now() - t);
      warmCpu[format] = cpuMs(c);
    }
  }
  process.stdout.write(
    JSON.stringify({
      paragraphs: n,
      importMs: Math.round(loaded - t0),
      parseMs: Math.round(parsed - loaded),
      renderMs: times,
      renderCpuMs: cpu,
      warmRenderMs: warm,
      warmRenderCpuMs: warmCpu,
      bytes: sizes,
      maxRssMB: Math.round(usage.maxRSS / 1024),
      heapUsedMB: Math.round(process.memoryUsage().heapUsed / 2 ** 20),
    }),
  );
}

function run(n, formats, pdfOut) {
  const timeBin = existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined;
  const args = [fileURLToPath(import.meta.url), "--child", String(n), formats.join(","), pdfOut ?? ""];
  const t0 = performance.now();
  const r = timeBin
    ? spawnSync(timeBin, ["-v", process.execPath, ...args], { encoding: "utf8", maxBuffer: 64 << 20 })
    : spawnSync(process.execPath, args, { encoding: "utf8", maxBuffer: 64 << 20 });
  const wallMs = Math.round(performance.now() - t0);
  if (r.status !== 0) throw new Error(`child failed (${r.status}):\n${r.stderr}`);
  const out = JSON.parse(r.stdout);
  const timeRss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr ?? "");
  return { ...out, wallMs, ...(timeRss ? { timeMaxRssMB: Math.round(Number(timeRss[1]) / 1024) } : {}) };
}

function pagesOf(pdf) {
  return Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf]).toString())[1]);
}

async function main() {
  const argv = process.argv.slice(2);
  if (argv[0] === "--child") return child(Number(argv[1]), argv[2].split(","), argv[3] || undefined);
  const opt = (name, dflt) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : dflt;
  };
  const targets = opt("--pages", "5,50,500").split(",").map(Number);
  const outFile = opt("--out", join(ROOT, "bench", "big-document.json"));
  const dir = mkdtempSync(join(tmpdir(), "undoc-big-"));
  const results = [];
  let perPage = 6.4; // paragraphs per page of the example's annex: a first guess, corrected below
  for (const pages of targets) {
    // find the paragraph count that gives the page count (PDF only, a few tries)
    let n = Math.max(1, Math.round(pages * perPage));
    let got = 0;
    for (let tries = 0; tries < 6; tries++) {
      const pdf = join(dir, `probe-${pages}.pdf`);
      run(n, ["pdf"], pdf);
      got = pagesOf(pdf);
      if (got === pages) break;
      perPage = n / Math.max(1, got - 1.5); // the letter takes the first page and a half
      n = Math.max(1, n + Math.round((pages - got) * perPage));
    }
    const pdf = join(dir, `big-${pages}.pdf`);
    const pdfRun = run(n, ["pdf"], pdf);
    const docxRun = run(n, ["docx"]);
    const bothRun = run(n, ["pdf", "docx"]);
    const row = { pages: pagesOf(pdf), paragraphs: n, pdf: pdfRun, docx: docxRun, both: bothRun };
    results.push(row);
    console.log(
      `${row.pages} pages (${n} paragraphs): PDF ${pdfRun.renderMs.pdf} ms, CPU ${pdfRun.renderCpuMs.pdf} ms (warm ${pdfRun.warmRenderMs.pdf} ms, CPU ${pdfRun.warmRenderCpuMs.pdf} ms), ${pdfRun.maxRssMB} MB peak; ` +
        `DOCX ${docxRun.renderMs.docx} ms, CPU ${docxRun.renderCpuMs.docx} ms (warm ${docxRun.warmRenderMs.docx} ms, CPU ${docxRun.warmRenderCpuMs.docx} ms), ${docxRun.maxRssMB} MB peak; ` +
        `both formats: ${bothRun.wallMs} ms wall for the process, ${bothRun.maxRssMB} MB peak`,
    );
  }
  // growth between sizes: time per page of the increment
  const growth = [];
  for (let i = 1; i < results.length; i++) {
    const a = results[i - 1];
    const b = results[i];
    const dp = b.pages - a.pages;
    growth.push({
      from: a.pages,
      to: b.pages,
      pdfMsPerExtraPage: +((b.pdf.renderMs.pdf - a.pdf.renderMs.pdf) / dp).toFixed(2),
      docxMsPerExtraPage: +((b.docx.renderMs.docx - a.docx.renderMs.docx) / dp).toFixed(2),
      warmPdfMsPerExtraPage: +((b.pdf.warmRenderMs.pdf - a.pdf.warmRenderMs.pdf) / dp).toFixed(2),
      warmDocxMsPerExtraPage: +((b.docx.warmRenderMs.docx - a.docx.warmRenderMs.docx) / dp).toFixed(2),
      warmPdfCpuMsPerExtraPage: +((b.pdf.warmRenderCpuMs.pdf - a.pdf.warmRenderCpuMs.pdf) / dp).toFixed(2),
      warmDocxCpuMsPerExtraPage: +((b.docx.warmRenderCpuMs.docx - a.docx.warmRenderCpuMs.docx) / dp).toFixed(2),
      pdfRssMBPerExtraPage: +((b.pdf.maxRssMB - a.pdf.maxRssMB) / dp).toFixed(3),
      docxRssMBPerExtraPage: +((b.docx.maxRssMB - a.docx.maxRssMB) / dp).toFixed(3),
    });
  }
  const machine = { loadAverage: loadavg().map((l) => +l.toFixed(2)), cpus: cpus().length, cpu: cpus()[0]?.model, memoryGB: Math.round(totalmem() / 2 ** 30), node: process.version, platform: `${process.platform} ${process.arch}` };
  writeFileSync(outFile, `${JSON.stringify({ date: new Date().toISOString(), machine, results, growth }, null, 2)}\n`);
  console.log(JSON.stringify(growth, null, 2));
  console.log(`written ${outFile}`);
}

// run as a script (bench/memory.mjs imports documentText only)
if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
