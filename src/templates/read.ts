/** Reading a template folder's files: inside the folder, regular, UTF-8, not too large. */
import { readFileSync as readFs, realpathSync, statSync } from "node:fs";
import { sep } from "node:path";
import { UndocError } from "../errors.js";
import { decodeInput } from "../input/text.js";

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
  const st = statSync(real);
  if (st.isDirectory()) fail("this is a folder, not a file", "template files are .hbs, .yaml files; move the folder out of the way");
  if (!st.isFile()) fail("this is not a regular file (a device, a socket or a pipe)", "replace it by a text file");
  if (st.size > MAX_TEMPLATE_FILE_BYTES) fail(`the file is ${st.size} bytes, more than ${MAX_TEMPLATE_FILE_BYTES}`);
  try {
    return decodeInput(readFs(real), file);
  } catch (e) {
    if (e instanceof UndocError) throw new UndocError(code, e.detail, e.location, "save the file as UTF-8 text");
    throw e;
  }
}
