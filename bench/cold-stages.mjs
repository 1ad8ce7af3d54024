/**
 * Cold stage times of two builds, side by side: whole `node <dist>/cli.js render X --format
 * pdf,docx --out TMP --quiet` processes with UNDOC_TRACE=1, the builds taking turns (the machine's
 * noise falls on both alike), one discarded run each first; prints the median of each stage.
 *
 *   node bench/cold-stages.mjs [--a ref-dist] [--b dist] [--runs 9] [data.yaml]
 *
 * A build is a dist folder next to node_modules (scripts/compare-docx.mjs says how to keep an
 * earlier one). Stages missing from a build's trace print as "-".
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { EXAMPLE, ROOT } from "./documents.mjs";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { a: { type: "string", default: "ref-dist" }, b: { type: "string", default: "dist" }, runs: { type: "string", default: "9" } } });
const input = positionals[0] ?? EXAMPLE;
const builds = [values.a, values.b];
const out = mkdtempSync(join(tmpdir(), "undoc-cold-"));
const runs = new Map(builds.map((b) => [b, []]));
const median = (xs) => {
  const s = [...xs].sort((x, y) => x - y);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

for (let i = -1; i < Number(values.runs); i++) {
  for (const build of i % 2 ? builds : [...builds].reverse()) {
    const t = performance.now();
    const r = spawnSync(process.execPath, [join(ROOT, build, "cli.js"), "render", input, "--format", "pdf,docx", "--out", out, "--quiet"], { env: { ...process.env, UNDOC_TRACE: "1" }, encoding: "utf8" });
    const wall = performance.now() - t;
    if (r.status !== 0) throw new Error(`${build}: ${r.stderr}`);
    const at = {};
    for (const line of r.stderr.split("\n")) {
      const m = /^undoc-trace ([\d.]+) (\S+) (.*)$/.exec(line);
      if (m) at[m[3]] ??= Number(m[1]);
    }
    if (i >= 0) runs.get(build).push({ wall, at });
  }
}
rmSync(out, { recursive: true, force: true });

const span = (from, to) => (x) => x.at[to] - x.at[from];
const STAGES = [
  ["process (wall)", (x) => x.wall],
  ["worker: start -> bundle loaded", span("worker: start", "worker: bundle loaded")],
  ["pdf: start -> pages drawn", span("pdf: start", "pdf: pages drawn")],
  ["docx: start -> writers done", span("docx: start", "writers done")],
  ["  docx: start -> font plan (loads the writer)", span("docx: start", "docx: font plan")],
  ["  docx: font plan -> body", span("docx: font plan", "docx: body")],
  ["  docx: body -> parts", span("docx: body", "docx: parts")],
  ["  docx: parts -> writers done (zip)", span("docx: parts", "writers done")],
  ["  docx: body -> file object (docx library)", span("docx: body", "docx: file object")],
  ["  docx: file object -> parts compiled (docx library)", span("docx: file object", "docx: parts compiled")],
  ["  docx: parts compiled -> writers done (zip)", span("docx: parts compiled", "writers done")],
];
const cell = (xs) => (xs.length ? median(xs).toFixed(1) : "-").padStart(9);
console.log(`${input}: median of ${values.runs} runs each, ms`);
console.log(`${"".padEnd(52)}${builds.map((b) => b.padStart(9)).join("")}`);
for (const [name, f] of STAGES) console.log(`${name.padEnd(52)}${builds.map((b) => cell(runs.get(b).map(f).filter(Number.isFinite))).join("")}`);
