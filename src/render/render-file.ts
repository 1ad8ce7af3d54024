/** One input file -> output files, all or nothing: nothing is written unless every format rendered. */
import { createHash } from "node:crypto";
import { loadDataFile } from "../input/load.js";
import { FORMATS, renderData, type Format, type RenderOptions } from "./pipeline.js";
import { outputPath, writeFileAtomic } from "./output.js";

export interface RenderFileOptions extends RenderOptions {
  /**
   * Where the outputs go below `outDir`, without the extension: "a/x.zh" writes a/x.zh.pdf.
   * Default: the input's file name without .yaml/.json (see outputNames for a batch).
   */
  outName?: string;
}

export interface RenderedOutput {
  format: Format;
  path: string;
  bytes: number;
  /** SHA-256 of the file's bytes, hex */
  sha256: string;
}

export interface RenderFileResult {
  input: string;
  outputs: RenderedOutput[];
  ms: number;
}

export async function renderFile(input: string, outDir: string, options: RenderFileOptions = {}): Promise<RenderFileResult> {
  const t0 = performance.now();
  const { data } = loadDataFile(input);
  const formats = options.formats ?? FORMATS;
  const { outName, ...renderOptions } = options;
  const rendered = await renderData(data, { ...renderOptions, formats });
  const outputs: RenderedOutput[] = [];
  // write only after every format has rendered, so a failure leaves earlier outputs intact
  for (const format of formats) {
    const bytes = rendered[format];
    if (!bytes) continue;
    const path = outputPath(input, outDir, format, outName);
    writeFileAtomic(path, bytes);
    outputs.push({ format, path, bytes: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex") });
  }
  return { input, outputs, ms: performance.now() - t0 };
}
