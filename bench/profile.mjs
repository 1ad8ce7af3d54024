/**
 * CPU profiles of undoc, summarised for the optimiser: the warm loop (the main subject) and one
 * cold CLI run.
 *
 *   npm run build && node bench/profile.mjs [--k 30] [--input FILE.yaml] [--sets pdf+docx] [--top 15] [--no-cold]
 *   node bench/profile.mjs --summarise FILE.cpuprofile      (print the summary of an existing profile)
 *
 * Warm: bench/warm.mjs records a V8 CPU profile (inspector, 250 µs sampling) of the timed loop
 * only: K differing documents rendered to PDF+DOCX after two warm-up renders, so start-up, font
 * parsing and first-call compilation are not in it.
 * Cold: `node --cpu-prof dist/cli.js render <input> --format pdf,docx` (the whole process).
 * Profiles go to bench/.profile/ (open them in Chrome DevTools or https://www.speedscope.app), the
 * summary to bench/PROFILE.md: functions by self time and by inclusive time, self time by package
 * or dist/ folder. Locations are in dist/ (compiled, no source maps): dist/x/y.js is src/x/y.ts.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { EXAMPLE, ROOT } from "./documents.mjs";

const { values } = parseArgs({
  options: {
    k: { type: "string", default: "30" },
    input: { type: "string", default: EXAMPLE },
    sets: { type: "string", default: "pdf+docx" },
    summarise: { type: "string" },
    top: { type: "string", default: "15" },
    "no-cold": { type: "boolean", default: false },
  },
});
const TOP = Number(values.top);
const esc = (s) => s.replace(/\|/g, "\\|");
const ms = (t) => `${(t / 1000).toFixed(1)}`;

/**
 * The bundled CLI (dist/cli.bundle.cjs): esbuild starts each module's code with a `// path`
 * comment; a frame's line tells its module, so bundle frames are named by their source file.
 */
let bundleMarks;
function bundledModule(lineNumber) {
  if (!bundleMarks) {
    bundleMarks = [];
    const file = join(ROOT, "dist", "cli.bundle.cjs");
    if (existsSync(file)) {
      readFileSync(file, "utf8").split("\n").forEach((l, i) => {
        const m = /^\/\/ (\S+\/\S+)$/.exec(l);
        if (m) bundleMarks.push([i, m[1]]);
      });
    }
  }
  let lo = 0;
  let hi = bundleMarks.length - 1;
  let found;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (bundleMarks[mid][0] <= lineNumber) (found = bundleMarks[mid][1]), (lo = mid + 1);
    else hi = mid - 1;
  }
  return found;
}

/** Aggregates a .cpuprofile by function (self and inclusive) and by package / dist folder. */
function summarise(file) {
  const profile = JSON.parse(readFileSync(file, "utf8"));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

  const where = (cf) => {
    if (!cf.url) return "";
    const u = cf.url.startsWith("file://") ? relative(ROOT, fileURLToPath(cf.url)) : cf.url;
    if (u === "dist/cli.bundle.cjs") return `${bundledModule(cf.lineNumber) ?? u} (bundle line ${cf.lineNumber + 1})`;
    return `${u}:${cf.lineNumber + 1}`;
  };
  const keyOf = (n) => `${n.callFrame.functionName || "(anonymous)"}\u0000${where(n.callFrame)}`;
  const groupOf = (n) => {
    const { url, functionName } = n.callFrame;
    if (!url) return functionName.startsWith("(") ? functionName : "(native / V8 built-ins)";
    if (url.startsWith("node:")) return "node: built-in modules";
    let path = url.startsWith("file://") ? relative(ROOT, fileURLToPath(url)) : url;
    if (path === "dist/cli.bundle.cjs") {
      const mod = bundledModule(n.callFrame.lineNumber);
      if (!mod) return "undoc bundle (esbuild runtime)";
      const src = /^src\/([^/]+)\//.exec(mod);
      if (src) return `undoc src/${src[1]}/`;
      path = mod;
    }
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
    if (m) return m[1];
    const d = /^dist\/([^/]+)\//.exec(path);
    if (d) return `undoc dist/${d[1]}/`;
    if (path.startsWith("dist/")) return `undoc ${path}`;
    if (path.startsWith("wasm://")) return "WebAssembly (harfbuzzjs)";
    return path.startsWith("bench/") ? "bench harness" : path;
  };

  // time of a sample: the delta to the next sample (the last one gets the mean)
  const { samples, timeDeltas } = profile;
  const total = timeDeltas.reduce((a, b) => a + b, 0);
  const dt = samples.map((_, i) => (i + 1 < timeDeltas.length ? timeDeltas[i + 1] : total / samples.length));
  const self = new Map();
  const inclusive = new Map();
  const groups = new Map();
  const via = new Map();
  const add = (m, k, v) => m.set(k, (m.get(k) ?? 0) + v);
  for (let i = 0; i < samples.length; i++) {
    const n = byId.get(samples[i]);
    const t = dt[i];
    const key = keyOf(n);
    add(self, key, t);
    add(groups, groupOf(n), t);
    // native and node: frames: remember the nearest caller in a package or in dist/
    if (!n.callFrame.url.startsWith("file://")) {
      let id = parent.get(n.id);
      while (id !== undefined && !byId.get(id).callFrame.url.startsWith("file://")) id = parent.get(id);
      if (id !== undefined) {
        const c = byId.get(id).callFrame;
        if (!via.has(key)) via.set(key, new Map());
        add(via.get(key), `${c.functionName || "(anonymous)"} ${where(c)}`, t);
      }
    }
    const seen = new Set();
    for (let id = n.id; id !== undefined; id = parent.get(id)) {
      const k = keyOf(byId.get(id));
      if (!seen.has(k)) {
        seen.add(k);
        add(inclusive, k, t);
      }
    }
  }
  const sampled = dt.reduce((a, b) => a + b, 0);
  const pct = (t) => `${((100 * t) / sampled).toFixed(1)} %`;
  const split = (k) => k.split("\u0000");
  const viaOf = (k) => {
    const m = via.get(k);
    if (!m) return "";
    const [c, t] = [...m].sort((a, b) => b[1] - a[1])[0];
    const [fn, ...loc] = c.split(" ");
    return ` (mostly from \`${fn}\` ${loc.join(" ")}${t < (self.get(k) ?? 0) * 0.99 ? `, ${Math.round((100 * t) / self.get(k))} %` : ""})`;
  };
  const idle = (self.get("(idle)\u0000") ?? 0) + (self.get("(program)\u0000") ?? 0);
  const topSelf = [...self].sort((a, b) => b[1] - a[1]).slice(0, TOP);
  const topIncl = [...inclusive]
    .filter(([k]) => {
      const [fn, loc] = split(k);
      return !fn.startsWith("(") && loc !== "" && !loc.startsWith("node:") && !loc.startsWith("bench/");
    })
    .sort((a, b) => b[1] - a[1])
    .slice(0, TOP);
  const topGroups = [...groups].sort((a, b) => b[1] - a[1]);

  const md = {
    sampled: `${ms(sampled)} ms sampled, idle/program ${pct(idle)}`,
    self: `| # | self ms | self | inclusive | function | location |
|---:|---:|---:|---:|---|---|
${topSelf.map(([k, t], i) => `| ${i + 1} | ${ms(t)} | ${pct(t)} | ${pct(inclusive.get(k) ?? t)} | \`${esc(split(k)[0])}\` | ${esc(split(k)[1]) || "native"}${esc(viaOf(k))} |`).join("\n")}`,
    groups: `| where | self ms | share |
|---|---:|---:|
${topGroups.map(([g, t]) => `| ${esc(g)} | ${ms(t)} | ${pct(t)} |`).join("\n")}`,
    inclusive: `| # | inclusive ms | inclusive | self | function | location |
|---:|---:|---:|---:|---|---|
${topIncl.map(([k, t], i) => `| ${i + 1} | ${ms(t)} | ${pct(t)} | ${pct(self.get(k) ?? 0)} | \`${esc(split(k)[0])}\` | ${esc(split(k)[1])} |`).join("\n")}`,
  };
  const text = [
    `top ${TOP} by self time (${ms(sampled)} ms sampled):`,
    ...topSelf.map(([k, t]) => `${ms(t).padStart(9)} ms ${pct(t).padStart(7)}  ${split(k)[0]}  ${split(k)[1] || "native"}${viaOf(k).replace(/`/g, "")}`),
    "by package / folder:",
    ...topGroups.slice(0, 12).map(([g, t]) => `${ms(t).padStart(9)} ms ${pct(t).padStart(7)}  ${g}`),
  ].join("\n");
  return { md, text };
}

if (values.summarise) {
  console.log(summarise(values.summarise).text);
  process.exit(0);
}

const dir = join(ROOT, "bench", ".profile");
mkdirSync(dir, { recursive: true });
const input = relative(ROOT, values.input);

// warm loop
const warmFile = join(dir, "warm.cpuprofile");
process.stderr.write(`profiling the warm loop: ${values.k} documents, ${values.sets} ...\n`);
const w = spawnSync(process.execPath, [join(ROOT, "bench", "warm.mjs"), "undoc", values.input, values.k, "--sets", values.sets, "--cpu-profile", warmFile], {
  cwd: ROOT,
  encoding: "utf8",
});
if (w.status !== 0) {
  console.error(w.stderr);
  process.exit(1);
}
const warm = JSON.parse(w.stdout.trim().split("\n").pop());
const perDoc = warm.sets[values.sets];
const warmSummary = summarise(warmFile);

// one cold CLI run
let cold = null;
if (!values["no-cold"]) {
  process.stderr.write("profiling one cold CLI run ...\n");
  const coldDir = join(dir, "cold");
  rmSync(coldDir, { recursive: true, force: true });
  mkdirSync(coldDir, { recursive: true });
  const out = join(dir, "cold-out");
  const t = performance.now();
  const c = spawnSync(process.execPath, ["--cpu-prof", "--cpu-prof-dir", coldDir, "--cpu-prof-interval", "250", join(ROOT, "dist", "cli.js"), "render", values.input, "--format", "pdf,docx", "--out", out, "--quiet"], {
    cwd: ROOT,
    encoding: "utf8",
  });
  const wall = performance.now() - t;
  rmSync(out, { recursive: true, force: true });
  if (c.status !== 0) {
    console.error(c.stderr);
    process.exit(1);
  }
  // the render runs on a worker thread (src/batch/pool.ts): its profile is the one of a thread
  // other than 0 (Node names them CPU.<date>.<time>.<pid>.<thread>.<n>.cpuprofile)
  const files = readdirSync(coldDir).filter((f) => f.endsWith(".cpuprofile")).sort();
  const file = join(coldDir, files.find((f) => f.split(".")[4] !== "0") ?? files[0]);
  cold = { wall, file, summary: summarise(file) };
}

const md = `# CPU profiles

Written by \`node bench/profile.mjs\` on ${new Date().toISOString()}. V8 sampling profiler, 250 µs interval.
Locations are dist/ files (compiled JS, no source maps): \`dist/x/y.js\` is \`src/x/y.ts\`. "native" frames are
V8/C++ (zlib, GC, ...); the function in brackets is their nearest JavaScript caller. Full profiles are in
\`bench/.profile/\` (Chrome DevTools > Performance > Load profile, or https://www.speedscope.app).
Other work on the machine slows every figure down; the shares are what matters. Inclusive times follow the
sampled stacks, and the code after an \`await\` runs with a fresh stack (under \`runMicrotasks\`): async functions
such as \`renderData\` or \`writePdf\` show less inclusive time than they take; synchronous ones are exact.

## Warm loop: ${warm.K} documents, PDF+DOCX, one process

${warm.K} differing documents (\`${input}\`, a different first paragraph each), ${values.sets.replace("+", " + ")}, \`renderData\` after two warm-up
renders; the timed loop only. ${warmSummary.md.sampled}; median ${perDoc.median.toFixed(0)} ms per document (min ${perDoc.min.toFixed(0)}, max ${perDoc.max.toFixed(0)}).

### Top ${TOP} functions by self time

${warmSummary.md.self}

### Self time by package / undoc folder

${warmSummary.md.groups}

### Top ${TOP} functions by inclusive time (JavaScript)

${warmSummary.md.inclusive}
${
  cold
    ? `
## One cold CLI run: \`node dist/cli.js render ${input} --format pdf,docx\`

The worker thread that renders (module loading, font parsing, templates, both writers, writing the files; the CLI's
own thread only hands the document out): ${(cold.wall / 1000).toFixed(2)} s wall for the whole process with the profiler on; ${cold.summary.md.sampled}.

### Top ${TOP} functions by self time

${cold.summary.md.self}

### Self time by package / undoc folder

${cold.summary.md.groups}

### Top ${TOP} functions by inclusive time (JavaScript)

${cold.summary.md.inclusive}
`
    : ""
}`;
writeFileSync(join(ROOT, "bench", "PROFILE.md"), md);
console.log(`warm loop (${warm.K} documents, median ${perDoc.median.toFixed(0)} ms):\n${warmSummary.text}`);
if (cold) console.log(`\ncold CLI run (${(cold.wall / 1000).toFixed(2)} s):\n${cold.summary.text}`);
console.log("\nwritten to bench/PROFILE.md");
