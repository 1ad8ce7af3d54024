/**
 * pdfmake, loaded once per process and locked down:
 * - fonts come from memory (pdfmake's virtual file system), never from paths or URLs;
 * - the URL and local-file access policies refuse everything, so no data or template can make
 *   the writer fetch a URL or read a local file (pdfmake 0.3 resolves both for images and fonts);
 * - pdfkit parses a font buffer with fontkit.create on every document; we hand it the font object
 *   the registry parsed once, so fonts are parsed once per process, not once per document.
 */
import { createRequire } from "node:module";
import type { PdfMake } from "pdfmake";
import type { Face } from "../../fonts/registry.js";
import type { fontkitModule } from "../../fonts/registry.js";

const require = createRequire(import.meta.url);

let runtime: PdfMake | undefined;
const registered = new Set<string>();

/** pdfkit asks fontkit to parse the bytes again for each document: answer with the parsed face. */
function shareParsedFonts(): void {
  const path = require.resolve("fontkit");
  const cached = require.cache[path];
  if (!cached || (cached.exports as { __undocShared?: boolean }).__undocShared) return;
  const original = cached.exports as typeof fontkitModule;
  const parsed = new WeakMap<object, unknown>();
  cached.exports = {
    ...original,
    __undocShared: true,
    create(buffer: Uint8Array, postscriptName?: string) {
      if (postscriptName) return original.create(buffer, postscriptName);
      let font = parsed.get(buffer);
      if (!font) parsed.set(buffer, (font = original.create(buffer)));
      return font;
    },
  };
  // pre-seed with the registry's parsed fonts (same Buffer objects pdfmake receives)
  sharedFaces = (face: Face) => parsed.set(face.bytes, face.font);
}

let sharedFaces: (face: Face) => void = () => {};

export function pdfmakeRuntime(): PdfMake {
  if (!runtime) {
    require("fontkit");
    shareParsedFonts();
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
    sharedFaces(face);
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
