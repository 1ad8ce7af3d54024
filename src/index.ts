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

import { loadDataFile, parseData } from "./input/load.js";
import { renderData, type RenderOptions, type Rendered } from "./render/pipeline.js";

/**
 * Renders a document: `input` is a path to a YAML/JSON file, or the data itself as an object.
 * Returns the model and the bytes of each requested format; writes nothing.
 */
export async function render(input: string | Record<string, unknown>, options: RenderOptions = {}): Promise<Rendered> {
  const data = typeof input === "string" ? loadDataFile(input).data : parseData(JSON.stringify(input), "<data>");
  return renderData(data, options);
}
