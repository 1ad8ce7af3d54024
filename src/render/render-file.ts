/** One input file -> output files, all or nothing: nothing is written unless every format rendered. */
import { createHash } from "node:crypto";
import { UndocError } from "../errors.js";
import { parseData, readDataFile } from "../input/load.js";
import { checkMemory } from "./memory.js";
import { commitOutputs } from "./commit.js";
import { checkOptions } from "./options.js";
import { DEFAULT_TEMPLATES, FORMATS, metadataDate, prepareDocument, RENDER_OPTIONS, writeFormats, type Format, type Prepared, type RenderOptions } from "./pipeline.js";
import { outputPath } from "./output.js";
import { trace } from "../trace.js";

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

/**
 * A data file through every check before the writers: read, held to the memory estimate, parsed,
 * prepared. The data and its text stay in here, so they can go before the writers run.
 */
export function prepareFile(input: string, options: RenderOptions & { formats: readonly Format[] }): [Prepared, RenderOptions & { date: Date }] {
  trace("prepare: start");
  const text = readDataFile(input);
  // a document this process cannot hold is refused here, located, instead of aborting the process
  checkMemory(input, Buffer.byteLength(text), options.formats);
  const data = parseData(text, input);
  trace("prepare: data parsed and checked");
  const prepared = prepareDocument(data, options.templates ?? DEFAULT_TEMPLATES);
  trace("prepare: model and style ready");
  return [prepared, { ...options, date: options.date ?? metadataDate(data) }];
}

export async function renderFile(input: string, outDir: string, options: RenderFileOptions = {}): Promise<RenderFileResult> {
  const t0 = performance.now();
  options = checkOptions<RenderFileOptions>(options, [...RENDER_OPTIONS, "outName"]);
  if (typeof outDir !== "string" || outDir === "") throw new UndocError("USAGE", "renderFile needs the output folder as a path (the second argument)", {}, 'e.g. renderFile("doc.zh.yaml", "output")');
  const formats = [...new Set(options.formats ?? FORMATS)];
  const { outName, ...renderOptions } = options;
  const rendered = await writeFormats(...prepareFile(input, { ...renderOptions, formats }));
  // every format rendered: now they are written together, or not at all (commit.ts)
  const files = formats.filter((f) => rendered[f]).map((format) => ({ format, path: outputPath(input, outDir, format, outName), bytes: rendered[format]! }));
  trace("writers done");
  commitOutputs(files);
  trace("committed");
  const outputs = files.map(({ format, path, bytes }) => ({ format, path, bytes: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex") }));
  return { input, outputs, ms: performance.now() - t0 };
}
