// After tsc: copies the preview page (src/preview/page) and pdf.js (from the pdfjs-dist dev
// dependency, with its licence) into dist/preview/, so `undoc preview` works offline and an
// installed undoc needs no pdf.js package. Run by `npm run build` (postbuild).
import { copyFileSync, cpSync, existsSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
cpSync(join(root, "src", "preview", "page"), join(root, "dist", "preview", "page"), { recursive: true });
const vendor = join(root, "dist", "preview", "vendor");
mkdirSync(vendor, { recursive: true });
let build;
try {
  build = dirname(createRequire(join(root, "package.json")).resolve("pdfjs-dist/build/pdf.min.mjs"));
} catch {
  console.warn("copy-preview-assets: pdfjs-dist is not installed; undoc preview will not work from this build");
  process.exit(0);
}
for (const f of ["pdf.min.mjs", "pdf.worker.min.mjs"]) copyFileSync(join(build, f), join(vendor, f));
const licence = join(build, "..", "LICENSE");
if (existsSync(licence)) copyFileSync(licence, join(vendor, "LICENSE-pdfjs"));
