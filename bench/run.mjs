/**
 * The benchmark of issues 7 and 15: undoc against Typst on the same content, on this machine.
 *
 *   npm run bench                 (= npm run build && node bench/run.mjs)
 *   node bench/run.mjs [--quick]  (against the current dist/; --quick: fewer runs, for trying it out)
 *
 * For the example (3 pages) and a generated 50-page document:
 * - cold: whole processes `node dist/cli.js render X --format pdf,docx --out TMP --quiet`, and
 *   `node bench/typst-cold.mjs X.typ` for Typst; the first run of each is discarded (disk
 *   warm-up); median and min-max; peak RSS of each process (/usr/bin/time, else the child
 *   reports process.resourceUsage().maxRSS);
 * - warm: one process each (bench/warm.mjs), K documents differing from each other after two
 *   warm-up renders: PDF+DOCX, PDF only, DOCX only, taking turns; Typst: PDF; for the example also with every
 *   paragraph changed (no cache can help);
 * - sizes of the outputs;
 * and for 20 differing copies of the example, batch throughput with --jobs 1 and --jobs 2
 * (wall time of the whole CLI process). Typst has no worker pool: no batch figure for it.
 * Prints a table and writes bench/RESULTS.md (and the raw figures to bench/results.json).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg, release, tmpdir, totalmem } from "node:os";
import { basename, join, relative } from "node:path";
import { parseArgs } from "node:util";
import { loadDataFile } from "../dist/input/load.js";
import { DATA_DIR, EXAMPLE, ROOT, longDocument, variant, writeYaml } from "./documents.mjs";
import { typstFontDir } from "./typst-fonts.mjs";
import { toTypst } from "./typst-source.mjs";

const { values: opts } = parseArgs({ options: { quick: { type: "boolean", default: false } } });
const QUICK = opts.quick;
const PLAN = {
  example: { cold: QUICK ? 3 : 7, warm: QUICK ? 5 : 20 },
  long: { cold: QUICK ? 2 : 3, warm: QUICK ? 2 : 3 },
  batch: { copies: 20, runs: QUICK ? 1 : 3 },
};
// issue 15: cold example <= 1.5x Typst, its peak RSS <= 120 MB, warm with every paragraph changed
// <= 2x Typst's same figure, the 50-page document cold <= 2x Typst, batch throughput grows with --jobs
const TARGETS = { warmRatio: 2, coldRatio: 1.5, coldRatioLong: 2, rssMB: 120, examplePdfKB: 140, batchGrowth: 1.1 };

const CLI = join(ROOT, "dist", "cli.js");
if (!existsSync(CLI)) {
  console.error("dist/cli.js is missing: run `npm run build` first (or `npm run bench`)");
  process.exit(2);
}
const TIME = existsSync("/usr/bin/time") ? "/usr/bin/time" : null;
const PROBE = join(ROOT, "bench", "rss-probe.mjs");
const TMP = mkdtempSync(join(tmpdir(), "undoc-bench-"));
const loads = []; // 1-minute load average, sampled between measurements
const log = (...a) => {
  loads.push(loadavg()[0]);
  process.stderr.write(`${a.join(" ")}\n`);
};

// ---------------------------------------------------------------------------------------------
// helpers

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const stats = (xs) => ({ n: xs.length, median: median(xs), min: Math.min(...xs), max: Math.max(...xs), all: xs });

/** Runs a whole process; wall time (ms) measured here, peak RSS (KB) of the child. */
function timed(args, env = {}) {
  const rssFile = join(TMP, "rss.txt");
  rmSync(rssFile, { force: true });
  const [cmd, cmdArgs] = TIME
    ? [TIME, ["-f", "%U %S %M", "-o", rssFile, process.execPath, ...args]]
    : [process.execPath, ["--import", PROBE, ...args]];
  const t = process.hrtime.bigint();
  const r = spawnSync(cmd, cmdArgs, { cwd: ROOT, env: { ...process.env, ...env, BENCH_RSS_FILE: rssFile }, encoding: "utf8" });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0) {
    // --quiet hides the message: run once more without it to show what went wrong
    const again = spawnSync(process.execPath, args.filter((a) => a !== "--quiet"), { cwd: ROOT, encoding: "utf8" });
    throw new Error(`node ${args.join(" ")} failed (exit ${r.status}):\n${r.stderr}${again.stderr}${again.stdout}`);
  }
  // /usr/bin/time: "user system maxrss" (s, s, KB); the probe: the same from process.resourceUsage()
  const [user, system, rssKB] = readFileSync(rssFile, "utf8").trim().split("\n").pop().trim().split(/\s+/).map(Number);
  return { ms, cpuMs: (user + system) * 1000, rssKB };
}

/** `runs` whole-process runs; the first is discarded. */
function cold(label, runs, args, env = {}) {
  const ms = [];
  const cpu = [];
  const rss = [];
  for (let i = 0; i < runs + 1; i++) {
    const r = timed(args, env);
    if (i === 0) continue;
    ms.push(r.ms);
    cpu.push(r.cpuMs);
    rss.push(r.rssKB);
  }
  log(`  ${label}: ${fmtMs(median(ms))} (${ms.map((x) => Math.round(x)).join(", ")}); CPU ${fmtMs(median(cpu))}`);
  return { ...stats(ms), cpuMedian: median(cpu), cpuAll: cpu, rssKB: Math.max(...rss), rssAll: rss };
}

function warm(tool, file, k, extra = []) {
  const r = spawnSync(process.execPath, [join(ROOT, "bench", "warm.mjs"), tool, file, String(k), ...extra], { cwd: ROOT, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`warm ${tool} ${file} failed:\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split("\n").pop());
}

function pdfPages(file) {
  try {
    return Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [file], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }))[1]);
  } catch {
    return (readFileSync(file, "latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length || null;
  }
}

const fmtMs = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 100 ? 1 : 0)} ms`);
const fmtSpread = (s) => `${fmtMs(s.median)} (${fmtMs(s.min)}–${fmtMs(s.max)}, n=${s.n})${s.cpuMedian !== undefined ? `; CPU ${fmtMs(s.cpuMedian)}` : ""}`;
const fmtKB = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;
const fmtMB = (kb) => `${(kb / 1024).toFixed(0)} MB`;
const ratio = (a, b) => (b > 0 ? a / b : NaN);
const fmtRatio = (r) => (Number.isFinite(r) ? `${r.toFixed(2)}×` : "–");
const verdict = (ok) => (ok ? "PASS" : "MISS");
const pkgVersion = (name) => {
  try {
    return JSON.parse(readFileSync(join(ROOT, "node_modules", name, "package.json"), "utf8")).version;
  } catch {
    return "?";
  }
};

// ---------------------------------------------------------------------------------------------
// set-up: documents, Typst sources, fonts

const started = new Date();
const loadStart = loadavg();
log(`undoc benchmark${QUICK ? " (quick)" : ""}; load average ${loadStart.map((x) => x.toFixed(2)).join(" ")}; scratch ${TMP}`);

const fonts = typstFontDir();
const exampleData = loadDataFile(EXAMPLE).data;
const longFile = writeYaml(longDocument(exampleData), join(DATA_DIR, "long-50.zh.yaml"));
const docs = [
  { key: "example", title: "example (arria-belarus-2020.zh, 3 pages)", yaml: EXAMPLE, plan: PLAN.example },
  { key: "long", title: "generated 50-page document (long-50.zh)", yaml: longFile, plan: PLAN.long },
];
for (const d of docs) {
  d.data = loadDataFile(d.yaml).data;
  d.typ = join(DATA_DIR, `${d.key}.typ`);
  writeFileSync(d.typ, toTypst(d.data));
}
const batchDir = join(DATA_DIR, "batch");
rmSync(batchDir, { recursive: true, force: true });
const batchFiles = Array.from({ length: PLAN.batch.copies }, (_, i) =>
  writeYaml(variant(exampleData, 1000 + i), join(batchDir, `copy-${String(i + 1).padStart(2, "0")}.zh.yaml`)),
);

// Typst's version, from the compiler itself
let typstVersion = "?";
try {
  const { NodeCompiler } = await import("@myriaddreamin/typst-ts-node-compiler");
  const c = NodeCompiler.create({ fontArgs: [{ fontPaths: [fonts.dir] }] });
  typstVersion = String(c.query({ mainFileContent: "#metadata(str(sys.version)) <v>" }, { selector: "<v>", field: "value" })[0]);
} catch (e) {
  log(`  (could not read Typst's version: ${e.message})`);
}

// ---------------------------------------------------------------------------------------------
// measurements

const results = {};
for (const d of docs) {
  log(`\n${d.title}`);
  const out = join(TMP, `out-${d.key}`);
  const r = (results[d.key] = { title: d.title, input: relative(ROOT, d.yaml) });
  r.coldUndoc = cold("cold undoc pdf+docx", d.plan.cold, [CLI, "render", d.yaml, "--format", "pdf,docx", "--out", out, "--quiet"]);
  if (d.key === "example") {
    // the same without the code cache and the disk cache (src/disk-cache.ts): a first run
    r.coldUndocNoCache = cold("cold undoc pdf+docx, no caches", Math.max(2, d.plan.cold - 4), [CLI, "render", d.yaml, "--format", "pdf,docx", "--out", out, "--quiet"], { UNDOC_CACHE_DIR: "off" });
    r.coldUndocPdf = cold("cold undoc pdf", Math.max(2, d.plan.cold - 4), [CLI, "render", d.yaml, "--format", "pdf", "--out", out, "--quiet"]);
  }
  const stem = basename(d.yaml).replace(/\.(ya?ml|json)$/, "");
  r.pdfBytes = statSync(join(out, `${stem}.pdf`)).size;
  r.docxBytes = statSync(join(out, `${stem}.docx`)).size;
  r.pages = pdfPages(join(out, `${stem}.pdf`));
  const typstPdf = join(TMP, `${d.key}.typst.pdf`);
  r.coldTypst = cold("cold typst pdf", d.plan.cold, [join(ROOT, "bench", "typst-cold.mjs"), d.typ, typstPdf, "--fonts", fonts.dir]);
  r.typstPdfBytes = statSync(typstPdf).size;
  r.typstPages = pdfPages(typstPdf);

  log(`  warm undoc (K=${d.plan.warm}) ...`);
  r.warmUndoc = warm("undoc", d.yaml, d.plan.warm);
  log(`  warm typst ...`);
  r.warmTypst = warm("typst", d.yaml, Math.max(d.plan.warm, 10), ["--fonts", fonts.dir]);
  if (d.key === "example") {
    log(`  warm, every paragraph changed ...`);
    r.warmUndocAll = warm("undoc", d.yaml, d.plan.warm, ["--everywhere", "--sets", "pdf+docx"]);
    r.warmTypstAll = warm("typst", d.yaml, Math.max(d.plan.warm, 10), ["--everywhere", "--fonts", fonts.dir]);
  }
  const w = r.warmUndoc.sets;
  log(`  warm undoc pdf+docx ${fmtMs(w["pdf+docx"].median)}, pdf ${fmtMs(w.pdf.median)}, docx ${fmtMs(w.docx.median)}; typst ${fmtMs(r.warmTypst.sets.pdf.median)}`);
}

log(`\nbatch: ${PLAN.batch.copies} differing copies of the example`);
const batch = (results.batch = { copies: PLAN.batch.copies, runs: {} });
// the two settings take turns, so a change in the machine's load falls on both
const batchRuns = { 1: { ms: [], cpu: [], rss: [] }, 2: { ms: [], cpu: [], rss: [] } };
for (let i = 0; i < PLAN.batch.runs; i++) {
  for (const jobs of [1, 2]) {
    const out = join(TMP, `out-batch-${jobs}`);
    const t = timed([CLI, "render", ...batchFiles, "--format", "pdf,docx", "--out", out, "--jobs", String(jobs), "--quiet"]);
    batchRuns[jobs].ms.push(t.ms);
    batchRuns[jobs].cpu.push(t.cpuMs);
    batchRuns[jobs].rss.push(t.rssKB);
  }
}
for (const jobs of [1, 2]) {
  const { ms, cpu, rss } = batchRuns[jobs];
  const s = { ...stats(ms), cpuMedian: median(cpu) };
  batch.runs[jobs] = { ...s, docsPerSecond: PLAN.batch.copies / (s.median / 1000), rssKB: Math.max(...rss) };
  log(`  --jobs ${jobs}: ${fmtMs(s.median)} (CPU ${fmtMs(s.cpuMedian)}) -> ${batch.runs[jobs].docsPerSecond.toFixed(2)} documents/s`);
}
batch.growth = batch.runs[2].docsPerSecond / batch.runs[1].docsPerSecond;

const loadEnd = loadavg();
rmSync(TMP, { recursive: true, force: true });

// ---------------------------------------------------------------------------------------------
// report

const cpuModel = (() => {
  try {
    return /model name\s*:\s*(.*)/.exec(readFileSync("/proc/cpuinfo", "utf8"))[1].trim();
  } catch {
    return cpus()[0]?.model ?? "?";
  }
})();
let commit = "?";
let dirty = "";
try {
  commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" }).trim();
  const st = execFileSync("git", ["status", "--porcelain", "--", "src", "templates", "fonts"], { cwd: ROOT, encoding: "utf8" }).trimEnd();
  if (st) dirty = ` + uncommitted changes in ${[...new Set(st.split("\n").map((l) => l.slice(3).split("/")[0] + "/" + (l.slice(3).split("/")[1] ?? "")))].join(", ")}`;
} catch {}
const nproc = availableParallelism();
const loaded = median(loads) > nproc * 0.5 || Math.max(loadStart[1], loadEnd[1]) > nproc * 0.5;

const rows = [];
const row = (doc, figure, undoc, typst, r, target, ok) => rows.push({ doc, figure, undoc, typst, ratio: r, target, result: ok === undefined ? "" : verdict(ok) });
for (const d of docs) {
  const r = results[d.key];
  const doc = d.key === "example" ? "example" : "50 pages";
  const wt = r.warmTypst.sets.pdf;
  const w = r.warmUndoc.sets;
  const cr = ratio(r.coldUndoc.median, r.coldTypst.median);
  const coldTarget = d.key === "example" ? TARGETS.coldRatio : TARGETS.coldRatioLong;
  row(doc, "cold CLI, PDF+DOCX (whole process)", fmtSpread(r.coldUndoc), `${fmtSpread(r.coldTypst)} (PDF)`, fmtRatio(cr), `≤ ${coldTarget}× Typst`, cr <= coldTarget);
  if (r.coldUndocNoCache) {
    row(doc, "cold CLI, PDF+DOCX, no code or disk cache (a first run)", fmtSpread(r.coldUndocNoCache), `${fmtSpread(r.coldTypst)} (PDF)`, fmtRatio(ratio(r.coldUndocNoCache.median, r.coldTypst.median)), "(information)", undefined);
    row(doc, "cold CLI, PDF only", fmtSpread(r.coldUndocPdf), `${fmtSpread(r.coldTypst)}`, fmtRatio(ratio(r.coldUndocPdf.median, r.coldTypst.median)), "(information)", undefined);
  }
  const wr = ratio(w["pdf+docx"].median, wt.median);
  row(doc, "warm per document, PDF+DOCX", fmtSpread(w["pdf+docx"]), `${fmtSpread(wt)} (PDF)`, fmtRatio(wr), "(information: Typst reuses its layout)", undefined);
  row(doc, "warm per document, PDF only", fmtSpread(w.pdf), fmtSpread(wt), fmtRatio(ratio(w.pdf.median, wt.median)), "", undefined);
  row(doc, "warm per document, DOCX only", fmtSpread(w.docx), "–", fmtRatio(ratio(w.docx.median, wt.median)), "", undefined);
  if (r.warmUndocAll) {
    const a = r.warmUndocAll.sets["pdf+docx"];
    const ta = r.warmTypstAll.sets.pdf;
    const ar = ratio(a.median, ta.median);
    row(doc, "warm, every paragraph changed, PDF+DOCX", fmtSpread(a), `${fmtSpread(ta)} (PDF)`, fmtRatio(ar), `≤ ${TARGETS.warmRatio}× Typst`, ar <= TARGETS.warmRatio);
  }
  row(
    doc,
    "peak RSS, cold CLI process",
    fmtMB(r.coldUndoc.rssKB),
    fmtMB(r.coldTypst.rssKB),
    fmtRatio(ratio(r.coldUndoc.rssKB, r.coldTypst.rssKB)),
    d.key === "example" ? `≤ ${TARGETS.rssMB} MB` : "",
    d.key === "example" ? r.coldUndoc.rssKB / 1024 <= TARGETS.rssMB : undefined,
  );
  row(doc, "peak RSS, warm process", fmtMB(r.warmUndoc.maxRssKB), fmtMB(r.warmTypst.maxRssKB), fmtRatio(ratio(r.warmUndoc.maxRssKB, r.warmTypst.maxRssKB)), "", undefined);
  row(
    doc,
    "PDF size",
    `${fmtKB(r.pdfBytes)} (${r.pages} pages)`,
    `${fmtKB(r.typstPdfBytes)} (${r.typstPages} pages)`,
    fmtRatio(ratio(r.pdfBytes, r.typstPdfBytes)),
    d.key === "example" ? `≤ ${TARGETS.examplePdfKB} KB` : "",
    d.key === "example" ? r.pdfBytes / 1024 <= TARGETS.examplePdfKB : undefined,
  );
  row(doc, "DOCX size", fmtKB(r.docxBytes), "–", "", "", undefined);
}
for (const jobs of [1, 2]) {
  const b = batch.runs[jobs];
  row("batch ×20", `throughput, --jobs ${jobs}`, `${b.docsPerSecond.toFixed(2)} docs/s (wall ${fmtSpread(b)}; peak RSS ${fmtMB(b.rssKB)})`, "no pool", "", jobs === 2 ? `grows with --jobs (≥ ${TARGETS.batchGrowth}× of --jobs 1)` : "", jobs === 2 ? batch.growth >= TARGETS.batchGrowth : undefined);
}

const header = ["document", "figure", "undoc", "Typst", "undoc / Typst", "target", "result"];
const mdTable = [
  `| ${header.join(" | ")} |`,
  `|${header.map(() => "---").join("|")}|`,
  ...rows.map((r) => `| ${[r.doc, r.figure, r.undoc, r.typst, r.ratio, r.target, r.result].join(" | ")} |`),
].join("\n");

const misses = rows.filter((r) => r.result === "MISS");
const md = `# Benchmark results (issues 7 and 15)

Written by \`npm run bench\` (\`bench/run.mjs\`${QUICK ? ", --quick" : ""}) on ${started.toISOString()}. Each undoc figure is
also given as a ratio of Typst's on the same content, in the same run.

## Machine and versions

- ${nproc} CPUs (nproc), ${cpuModel}; ${(totalmem() / 2 ** 30).toFixed(1)} GiB memory; Linux ${release()}
- load average (1, 5, 15 min): ${loadStart.map((x) => x.toFixed(2)).join(", ")} at the start, ${loadEnd.map((x) => x.toFixed(2)).join(", ")} at the end;
  1-minute load sampled during the run: median ${median(loads).toFixed(2)}, ${Math.min(...loads).toFixed(2)}–${Math.max(...loads).toFixed(2)} (${nproc} CPUs)${
  loaded ? `\n- **the machine was busy with other work during this run** (load above half the CPU count): every figure is\n  slower and noisier than on an idle machine, undoc's and Typst's alike; compare ratios rather than absolute times` : ""
}
- Node ${process.version}; undoc ${commit}${dirty}
- pdfmake ${pkgVersion("pdfmake")}, fflate ${pkgVersion("fflate")}, fontkit ${pkgVersion("fontkit")}; @myriaddreamin/typst-ts-node-compiler ${pkgVersion("@myriaddreamin/typst-ts-node-compiler")} (Typst ${typstVersion})

## Figures

${mdTable}

${misses.length ? `Missed targets: ${misses.map((m) => `${m.doc}: ${m.figure}`).join("; ")}.` : "All targets met."}

## How it was measured

- **Documents.** The example, and a 50-page document generated from it (\`bench/documents.mjs\`: the annex
  sections repeated with a part number in every heading and a part and item number
  at the end of every paragraph and bullet, so no two paragraphs are the same). Typst gets the same content
  through \`bench/typst-source.mjs\`: US Letter, the margins of \`templates/un-letter/style.yaml\`, 12 pt text on
  16 pt lines in Noto Serif CJK SC with Latin in Liberation Serif, bold titles and headings in Noto Sans CJK SC,
  2 em first-line indent, justified, a text masthead, letter title, paragraphs, right-aligned signature, page
  break, annex heading, title, sections and bullets, running header and footer with page numbers, end rule; no
  barcode, QR code or emblem (undoc draws those; Typst does not).
- **Cold** (${PLAN.example.cold} runs for the example, ${PLAN.long.cold} for 50 pages, after one discarded run): whole processes,
  \`node dist/cli.js render X --format pdf,docx --out TMP --quiet\` against \`node bench/typst-cold.mjs X.typ\`
  (load the compiler, discover fonts, compile, write the PDF). Median (min–max). dist/cli.js runs the bundled
  command with the V8 code cache and the disk cache \`npm run build\` made for this Node (src/disk-cache.ts: the
  compiled bundled templates, the parsed bundled styles, the compressed whole Latin faces and the unchanging
  marks); the "no code or disk cache" row runs with
  \`UNDOC_CACHE_DIR=off\`, as a first run on a machine would.
- **Warm** (\`bench/warm.mjs\`, one process per tool): two warm-up renders, then K = ${PLAN.example.warm} (example) or
  ${PLAN.long.warm} (50 pages) documents for each of PDF+DOCX, PDF only and DOCX only, taking turns, every document with a
  different first paragraph (\`renderData\`, bytes only, nothing written); Typst: ${Math.max(PLAN.example.warm, 10)} / ${Math.max(PLAN.long.warm, 10)} compiles of differing sources to PDF
  with one compiler, the data-to-Typst conversion included. Typst keeps a memo cache between compiles, so
  changing one paragraph lets it reuse most of the previous layout; the "every paragraph changed" row shows
  both tools without that help.
- **Batch:** ${PLAN.batch.copies} differing copies of the example in one CLI call, \`--jobs 1\` and \`--jobs 2\` taking turns, median wall time of
  ${PLAN.batch.runs} run(s) of each; documents per second. With \`--jobs 2\` the batch is split by format (src/batch/pool.ts): one
  worker thread prepares every document and writes the PDFs, the other writes the DOCX files and commits both (the
  command's own thread only hands documents out). One lane alone already keeps more
  than one core busy (V8 compiles the hot code on background threads: compare its CPU and wall time), so on ${cpus().length} cores a
  second lane can only use what is left of them. Typst has no worker pool: not measured.
- **CPU:** each figure also gives the median CPU time (user + system, all threads) of the process or render.
  Wall time decides the targets, but when other work loads the machine CPU time varies much less and is
  the better guide to whether a change helped.
- **Peak RSS:** ${TIME ? "`/usr/bin/time -f %M`" : "`process.resourceUsage().maxRSS` reported by the child (`bench/rss-probe.mjs`)"} of each cold process (largest over the runs); warm: the
  warm process's own maxRSS at the end.
- **Sizes:** the files the cold CLI run wrote; Typst's PDF from its cold run (Typst writes a tagged PDF).
- **Fonts:** Typst is pointed at ${fonts.patched.length ? "`bench/.typst-fonts/`: copies of `fonts/` in which " + fonts.patched.join(" and ") + " get an extra\n  format-12 `cmap` subtable with the same mapping (everything else byte-identical). Without it Typst draws\n  empty boxes for every ideograph whose glyph id is above 32767 (about a third of the text), because its font\n  parser misreads the format-4 subtable, the only one `fonts/` has (see `bench/typst-fonts.mjs`)" : "`fonts/`"}. The node
  compiler also indexes the system's fonts and its embedded ones (it has no option to turn that off); the PDFs
  embed only the four faces of \`fonts/\`.
`;
writeFileSync(join(ROOT, "bench", "RESULTS.md"), md);
writeFileSync(
  join(ROOT, "bench", "results.json"),
  JSON.stringify({ date: started.toISOString(), quick: QUICK, machine: { nproc, cpuModel, totalmem: totalmem(), loadStart, loadEnd, loads }, versions: { node: process.version, typst: typstVersion }, results }, null, 2),
);

// console table
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String([r.doc, r.figure, r.undoc, r.typst, r.ratio, r.target, r.result][i]).length)));
const line = (cells) => cells.map((c, i) => String(c).padEnd(widths[i])).join("  ");
console.log(`\n${line(header)}\n${widths.map((w) => "-".repeat(w)).join("  ")}`);
for (const r of rows) console.log(line([r.doc, r.figure, r.undoc, r.typst, r.ratio, r.target, r.result]));
console.log(`\n${misses.length ? `${misses.length} target(s) missed` : "all targets met"}; written to bench/RESULTS.md${loaded ? " (machine was busy: see load average there)" : ""}`);
