/**
 * The preview page's own files, read once: the page (HTML, JS, CSS shipped in src/preview/page,
 * copied to dist/preview/page by the build) and pdf.js (copied from pdfjs-dist into
 * dist/preview/vendor by the build, so the page works offline and the package needs no
 * dependency for it; from the source tree it is taken from node_modules).
 */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { UndocError } from "../errors.js";

export interface Asset {
  body: Buffer;
  type: string;
}

const HTML = "text/html; charset=utf-8";
const JS = "text/javascript; charset=utf-8";
const CSS = "text/css; charset=utf-8";

function pdfjsFile(name: string): string {
  const vendored = fileURLToPath(new URL(`vendor/${name}`, import.meta.url));
  if (existsSync(vendored)) return vendored;
  try {
    return createRequire(import.meta.url).resolve(`pdfjs-dist/build/${name}`);
  } catch {
    throw new UndocError("USAGE", `the preview's copy of pdf.js (${name}) is missing from this build`, {}, "rebuild undoc (npm run build copies it from pdfjs-dist)");
  }
}

/** Route -> file: the only files the preview serves (no path from a request ever reaches the file system). */
export function loadAssets(): Map<string, Asset> {
  const page = (name: string) => fileURLToPath(new URL(`page/${name}`, import.meta.url));
  const files: Array<[string, string, string]> = [
    ["/", page("index.html"), HTML],
    ["/app.js", page("app.js"), JS],
    ["/style.css", page("style.css"), CSS],
    ["/pdf.mjs", pdfjsFile("pdf.min.mjs"), JS],
    ["/pdf.worker.mjs", pdfjsFile("pdf.worker.min.mjs"), JS],
  ];
  return new Map(files.map(([route, file, type]) => [route, { body: readFileSync(file), type }]));
}
