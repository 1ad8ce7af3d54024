/**
 * pdfmake, loaded once per process and locked down:
 * - fonts come from memory (pdfmake's virtual file system), never from paths or URLs;
 * - the URL and local-file access policies refuse everything, so no data or template can make
 *   the writer fetch a URL or read a local file (pdfmake 0.3 resolves both for images and fonts).
 * The PDF writer draws with its own fonts (font.ts: undoc's shaping and subsetting), so pdfkit
 * never parses a font; `pdfFamily` registers a face for pdfmake's own font handling (used by tests
 * of the lock-down).
 */
import { createRequire } from "node:module";
import type { PdfMake } from "pdfmake";
import type { Face } from "../../fonts/registry.js";

const require = createRequire(import.meta.url);

let runtime: PdfMake | undefined;
const registered = new Set<string>();

export function pdfmakeRuntime(): PdfMake {
  if (!runtime) {
    const pdfmake = require("pdfmake") as PdfMake;
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy(() => false);
    runtime = pdfmake;
  }
  return runtime;
}

/** The pdfmake font family name for a face, registering the face's bytes on first use. */
export function pdfFamily(face: Face): string {
  const name = `undoc-${face.id}`;
  if (!registered.has(name)) {
    const pdfmake = pdfmakeRuntime();
    pdfmake.virtualfs.writeFileSync(`${name}.ttf`, face.bytes);
    registered.add(name);
  }
  return name;
}

/** The fonts dictionary pdfmake wants, for the faces registered so far. */
export function pdfFonts(): Record<string, Record<string, string>> {
  const fonts: Record<string, Record<string, string>> = {};
  for (const name of registered) fonts[name] = { normal: `${name}.ttf` };
  return fonts;
}
