/**
 * Writes random documents (tests/property/arbitraries.ts, a fixed seed) as JSON files, for
 * scripts/compare-pdf.mjs to render with two builds and compare byte for byte:
 *
 *   SAMPLE_OUT=DIR [SAMPLE_COUNT=300] [SAMPLE_SEED=7] npx vitest run --config scripts/sample-documents.config.ts
 */
import { it } from "vitest";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { faceSetFor } from "../src/fonts/face-set.js";
import { DEFAULT_TEMPLATES, styleOf } from "../src/render/pipeline.js";
import { documentData, repertoire } from "../tests/property/arbitraries.js";

it("writes sampled documents", () => {
  const out = process.env.SAMPLE_OUT;
  if (!out) throw new Error("set SAMPLE_OUT to the folder to write to");
  const count = Number(process.env.SAMPLE_COUNT ?? 300);
  const seed = Number(process.env.SAMPLE_SEED ?? 7);
  const rep = repertoire(faceSetFor(styleOf(DEFAULT_TEMPLATES)));
  mkdirSync(out, { recursive: true });
  // most small, some long (several pages: pagination, running heads)
  const small = fc.sample(documentData(rep), { numRuns: Math.ceil(count * 0.8), seed });
  const long = fc.sample(documentData(rep, { paragraphs: 10, sections: 6 }), { numRuns: Math.floor(count * 0.2), seed: seed + 1 });
  [...small, ...long].forEach((d, i) => writeFileSync(join(out, `random-${String(i).padStart(4, "0")}.json`), JSON.stringify(d)));
}, 300_000);
