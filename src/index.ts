/**
 * undoc's library API. The CLI (cli.ts) is a thin layer over these functions.
 */
export { UndocError, isUndocError, type ErrorCode, type ErrorLocation } from "./errors.js";
export { loadDataFile, parseData } from "./input/load.js";
export { jsonSchema, type UnDocumentData, type Meta, type Letter, type Annex, type Section } from "./input/schema.js";
export { buildModel, renderData, styleOf, DEFAULT_TEMPLATES, FORMATS, type Format, type RenderOptions, type Rendered } from "./render/pipeline.js";
export { renderFile, type RenderFileOptions, type RenderFileResult, type RenderedOutput } from "./render/render-file.js";
export type { Document, Block, Inline } from "./model/types.js";
export type { Style } from "./style/style.js";
export type { DocxFontMode } from "./render/docx-fonts.js";
export type { SystemFonts } from "./writers/docx/fonts.js";

import { UndocError } from "./errors.js";
import { parseData } from "./input/load.js";
import { checkMemory } from "./render/memory.js";
import { checkOptions } from "./render/options.js";
import { prepareFile } from "./render/render-file.js";
import { FORMATS, renderData, RENDER_OPTIONS, writeFormats, type RenderOptions, type Rendered } from "./render/pipeline.js";

/**
 * Renders a document: `input` is a path to a YAML/JSON file, or the data itself as an object.
 * Returns the model and the bytes of each requested format; writes nothing.
 */
export async function render(input: string | Record<string, unknown>, options: RenderOptions = {}): Promise<Rendered> {
  checkOptions(options, RENDER_OPTIONS);
  const formats = options?.formats ?? FORMATS;
  if (typeof input === "string") return writeFormats(...prepareFile(input, { ...options, formats }));
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    throw new UndocError("USAGE", `render takes a file path or the document's data as an object, not ${input === null ? "null" : Array.isArray(input) ? "a list" : typeof input}`, {}, "e.g. render(\"doc.zh.yaml\") or render({ meta: {...}, letter: {...} })");
  }
  let text: string;
  try {
    // the data as JSON text, parsed like a file: the same checks, located at field paths
    text = JSON.stringify(input);
  } catch (e) {
    const cyclic = e instanceof TypeError && /circular/i.test(e.message);
    throw new UndocError("USAGE", cyclic ? "the data contains itself (a cycle of objects): documents are trees" : `the data cannot be read as JSON: ${(e as Error).message}`, {}, "pass plain objects, lists, strings and numbers");
  }
  checkMemory("<data>", Buffer.byteLength(text), formats);
  return renderData(parseData(text, "<data>"), options);
}
