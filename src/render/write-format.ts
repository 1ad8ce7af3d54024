/**
 * The writers' entry, kept apart from the pipeline (pipeline.ts) so that a batch worker that only
 * writes (batch/part.ts) loads the writers and nothing of the data, template and model code.
 */
import type { Document } from "../model/types.js";
import type { Style } from "../style/style.js";
import type { FaceSet } from "../typeset/index.js";
import type { Format, RenderOptions } from "./pipeline.js";
import { trace } from "../trace.js";

/**
 * One writer run on a prepared document (renderData's last step; batch/pool.ts also runs it on a
 * worker thread with a model prepared on another). Writers are loaded on first use: a PDF-only
 * run never loads the DOCX writer, and the other way round.
 */
export async function writeFormat(format: Format, doc: { model: Document; style: Style; faces: FaceSet }, date: Date, options: Pick<RenderOptions, "pdf" | "docx"> = {}): Promise<Uint8Array> {
  trace(`${format}: start`);
  if (format === "pdf") {
    const { writePdf } = await import("../writers/pdf/index.js");
    return writePdf(doc.model, doc.style, doc.faces, { date, tagged: options.pdf?.tagged ?? true });
  }
  const { writeDocx } = await import("../writers/docx/index.js");
  return writeDocx(doc.model, doc.style, doc.faces, { date, ...options.docx });
}
