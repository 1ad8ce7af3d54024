/**
 * PDF byte identity across a change: render a fixed set of documents with one build and save the
 * PDFs, then render them with another build and compare byte for byte.
 *
 *   node scripts/compare-pdf.mjs save  DIR [--dist DIR]   # render with a build (default ./dist), write DIR/pdf/
 *   node scripts/compare-pdf.mjs check DIR [--dist DIR]   # render again, compare with DIR/pdf/
 *
 * The documents: every examples/*.yaml (tagged and untagged), the benchmark's 50-page document,
 * variants of both with one or every paragraph changed (bench/documents.mjs), and the JSON
 * documents in DIR/docs/ (scripts/sample-documents.test.ts writes random ones). All are rendered
 * in one process, in order and then again in reverse order, so caches that outlive one document
 * are exercised and must not change a byte. A build to compare with must live in a folder next to
 * node_modules (e.g. a copy of dist/ in .scratch-ref/dist, with fonts/ and templates/ beside it).
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { EXAMPLE, longDocument, variant } from "../bench/documents.mjs";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { dist: { type: "string", default: "dist" } } });
const [mode, dir] = positionals;
if (!["save", "check"].includes(mode) || !dir) {
  console.error("usage: node scripts/compare-pdf.mjs save|check DIR [--dist DIR]");
  process.exit(2);
}
const dist = pathToFileURL(resolve(values.dist) + "/").href;
const { renderData } = await import(new URL("index.js", dist).href);
const { loadDataFile, parseData } = await import(new URL("input/load.js", dist).href);

const root = resolve(import.meta.dirname, "..");
/** [name, data, options] in a fixed order */
const jobs = [];
for (const f of readdirSync(join(root, "examples")).filter((f) => f.endsWith(".yaml")).sort()) {
  const data = loadDataFile(join(root, "examples", f)).data;
  jobs.push([f, data, {}], [`${f}.untagged`, data, { pdf: { tagged: false } }]);
}
const example = loadDataFile(EXAMPLE).data;
const long = longDocument(example);
jobs.push(["long", long, {}]);
for (let i = 1; i <= 3; i++) jobs.push([`example.v${i}`, variant(example, i)], [`example.e${i}`, variant(example, i, true)]);
jobs.push(["long.e1", variant(long, 1, true), {}]);
const docs = join(dir, "docs");
if (existsSync(docs)) for (const f of readdirSync(docs).filter((f) => f.endsWith(".json")).sort()) jobs.push([f, parseData(readFileSync(join(docs, f), "utf8"), f), {}]);

const out = join(dir, "pdf");
mkdirSync(out, { recursive: true });
let differ = 0;
const t0 = performance.now();
for (const pass of mode === "save" ? [jobs] : [jobs, [...jobs].reverse()]) {
  for (const [name, data, options] of pass) {
    const { pdf } = await renderData(structuredClone(data), { ...options, formats: ["pdf"] });
    const file = join(out, `${name}.pdf`);
    if (mode === "save") writeFileSync(file, pdf);
    else if (!Buffer.from(pdf).equals(readFileSync(file))) {
      differ++;
      writeFileSync(join(dir, `${name}.new.pdf`), pdf);
      console.error(`DIFFERS: ${name} (new bytes in ${join(dir, `${name}.new.pdf`)})`);
    }
  }
}
const seconds = ((performance.now() - t0) / 1000).toFixed(1);
if (mode === "save") console.log(`saved ${jobs.length} PDFs in ${out} (${seconds} s)`);
else console.log(`${differ ? `${differ} DIFFER` : "all identical"}: ${jobs.length} documents, twice (${seconds} s)`);
process.exit(differ ? 1 : 0);
