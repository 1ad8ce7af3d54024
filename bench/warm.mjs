/**
 * Warm per-document time, in one process: after two warm-up renders, renders K documents that
 * differ from each other (bench/documents.mjs `variant`) and reports each render's time.
 *
 *   node bench/warm.mjs undoc <data.yaml> <K> [--everywhere] [--sets pdf+docx,pdf,docx] [--cpu-profile FILE]
 *   node bench/warm.mjs typst <data.yaml> <K> [--everywhere] [--fonts DIR]
 *
 * undoc: renderData(data, { formats }) from dist/ (bytes only, nothing written); the sets of
 * formats take turns, so that each is measured after the same amount of warming. typst: one NodeCompiler, each document converted (bench/typst-source.mjs) and
 * compiled to PDF; the conversion is inside the timed region, as undoc's templates are.
 * --cpu-profile records a V8 CPU profile of the timed loop (inspector); give one set to profile it alone.
 * Prints one JSON object on stdout.
 */
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { loadDataFile } from "../dist/input/load.js";
import { variant } from "./documents.mjs";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    everywhere: { type: "boolean", default: false },
    sets: { type: "string", default: "pdf+docx,pdf,docx" },
    fonts: { type: "string" },
    "cpu-profile": { type: "string" },
    "warm-up": { type: "string", default: "2" },
  },
});
const [tool, input, kArg] = positionals;
const K = Number(kArg ?? 10);
const data = loadDataFile(input).data;
let serial = 0; // every render gets a variant no earlier render had
const next = () => variant(data, ++serial, values.everywhere);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const summary = (ms, cpu) => ({ n: ms.length, median: median(ms), min: Math.min(...ms), max: Math.max(...ms), cpuMedian: median(cpu), all: ms });
/** wall and CPU (user + system, all threads) time of one call, in ms */
async function time(fn) {
  const c = process.cpuUsage();
  const t = performance.now();
  const value = await fn();
  const wall = performance.now() - t;
  const d = process.cpuUsage(c);
  return { value, wall, cpu: (d.user + d.system) / 1000 };
}

async function profiled(run) {
  if (!values["cpu-profile"]) return run();
  const { Session } = await import("node:inspector");
  const session = new Session();
  session.connect();
  const post = (method, params) => new Promise((res, rej) => session.post(method, params, (e, r) => (e ? rej(e) : res(r))));
  await post("Profiler.enable");
  await post("Profiler.setSamplingInterval", { interval: 250 });
  await post("Profiler.start");
  const result = await run();
  const { profile } = await post("Profiler.stop");
  writeFileSync(values["cpu-profile"], JSON.stringify(profile));
  session.disconnect();
  return result;
}

const out = { tool, input, K, everywhere: values.everywhere, sets: {} };

if (tool === "undoc") {
  const { renderData } = await import("../dist/index.js");
  const sets = values.sets.split(",").map((s) => s.split("+"));
  for (let i = 0; i < Number(values["warm-up"]); i++) await renderData(next(), { formats: ["pdf", "docx"] });
  // the sets take turns (PDF+DOCX, PDF, DOCX, PDF+DOCX, ...), so each is measured equally warm
  const ms = sets.map(() => []);
  const cpu = sets.map(() => []);
  const last = [];
  await profiled(async () => {
    for (let i = 0; i < K; i++) {
      for (let s = 0; s < sets.length; s++) {
        const doc = next();
        const r = await time(() => renderData(doc, { formats: sets[s] }));
        last[s] = r.value;
        ms[s].push(r.wall);
        cpu[s].push(r.cpu);
      }
    }
  });
  sets.forEach((formats, s) => {
    out.sets[formats.join("+")] = { ...summary(ms[s], cpu[s]), pdfBytes: last[s].pdf?.length, docxBytes: last[s].docx?.length };
  });
} else if (tool === "typst") {
  const { NodeCompiler } = await import("@myriaddreamin/typst-ts-node-compiler");
  const { toTypst } = await import("./typst-source.mjs");
  const { typstFontDir } = await import("./typst-fonts.mjs");
  const compiler = NodeCompiler.create({ fontArgs: [{ fontPaths: [values.fonts ?? typstFontDir().dir] }] });
  const compile = (doc) => {
    const result = compiler.compile({ mainFileContent: toTypst(doc) });
    if (result.hasError()) {
      result.printErrors();
      throw new Error("typst: compile error");
    }
    const pdf = compiler.pdf(result.result);
    return { pdf, pages: result.result.numOfPages };
  };
  for (let i = 0; i < Number(values["warm-up"]); i++) compile(next());
  const ms = [];
  const cpu = [];
  let last;
  await profiled(async () => {
    for (let i = 0; i < K; i++) {
      const doc = next();
      const r = await time(() => compile(doc));
      last = r.value;
      ms.push(r.wall);
      cpu.push(r.cpu);
    }
  });
  out.sets.pdf = { ...summary(ms, cpu), pdfBytes: last.pdf.length, pages: last.pages };
} else {
  console.error("usage: node bench/warm.mjs undoc|typst <data.yaml> <K> [options]");
  process.exit(2);
}

out.maxRssKB = process.resourceUsage().maxRSS;
console.log(JSON.stringify(out));
