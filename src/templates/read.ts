/** Reading a template folder's files: inside the folder, regular, UTF-8, not too large. */
import { realpathSync } from "node:fs";
import { sep } from "node:path";
import { UndocError } from "../errors.js";
import { decodeInput } from "../input/text.js";
import { readRegularFile } from "../input/read-file.js";

/** A template, locale or style file larger than this is refused (the bundled ones are a few KB). */
const MAX_TEMPLATE_FILE_BYTES = 4 * 1024 * 1024;

/**
 * Reads a file of the template folder as UTF-8 text, refusing one that resolves outside it (a
 * symbolic link to /etc/passwd named partials/x.hbs must not be read into a document), one that
 * is not a regular file (a folder, a device, a FIFO, a dangling link) and one that is not UTF-8.
 * Every refusal is a located error of `code` (TEMPLATE, or STYLE for style.yaml).
 */
export function readInside(root: string, file: string, code: "TEMPLATE" | "STYLE" = "TEMPLATE"): string {
  const fail = (msg: string, hint?: string, at: { line?: number; column?: number } = {}): never => {
    throw new UndocError(code, msg, { file, ...at }, hint);
  };
  let real = "";
  try {
    real = realpathSync(file);
  } catch (e) {
    fail(`cannot read the file: ${(e as NodeJS.ErrnoException).code === "ENOENT" ? "it is a link to nothing" : (e as Error).message}`, "replace the link by the file itself");
  }
  if (!real.startsWith(root + sep)) fail("a template file points outside the template folder", "copy the file into the folder instead of linking to it");
  // opened without blocking and checked on the descriptor: a FIFO, a device or a folder is refused,
  // and no more than the cap is read whatever stat says
  const bytes = readRegularFile(real, { code, maxBytes: MAX_TEMPLATE_FILE_BYTES, what: "the file", label: file, tooBigHint: "template, locale and style files are a few KB" });
  try {
    return decodeInput(bytes, file);
  } catch (e) {
    if (e instanceof UndocError) throw new UndocError(code, e.detail, e.location, "save the file as UTF-8 text");
    throw e;
  }
}
