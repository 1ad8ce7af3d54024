/** One input file -> output files, all or nothing: nothing is written unless every format rendered. */
import { loadDataFile } from "../input/load.js";
import { FORMATS, renderData, type Format, type RenderOptions } from "./pipeline.js";
import { outputPath, writeFileAtomic } from "./output.js";

export interface RenderFileResult {
  input: string;
  outputs: Array<{ format: Format; path: string; bytes: number }>;
  ms: number;
}

export async function renderFile(input: string, outDir: string, options: RenderOptions = {}): Promise<RenderFileResult> {
  const t0 = performance.now();
  const { data } = loadDataFile(input);
  const formats = options.formats ?? FORMATS;
  const rendered = await renderData(data, { ...options, formats });
  const outputs: RenderFileResult["outputs"] = [];
  // write only after every format has rendered, so a failure leaves earlier outputs intact
  for (const format of formats) {
    const bytes = rendered[format];
    if (!bytes) continue;
    const path = outputPath(input, outDir, format);
    writeFileAtomic(path, bytes);
    outputs.push({ format, path, bytes: bytes.length });
  }
  return { input, outputs, ms: performance.now() - t0 };
}
