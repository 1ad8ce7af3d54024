/**
 * What pdfkit itself would write, made without its per-call machinery (draw.ts writes text and
 * vectors as operator strings): its number formatting, its ellipse constant, a content stream
 * deflated as its finalize deflates (through a cache by content), and its PDF/A output intent with
 * the sRGB profile read once. tests/writers/pdf and scripts/compare-pdf.mjs hold the bytes to
 * pdfkit's own.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { deflateSync } from "node:zlib";

const require = createRequire(import.meta.url);

/** The part of a pdfkit document addColorOutputIntent uses. */
export interface PdfKitDocLike {
  ref(data?: Record<string, unknown>): { data: Record<string, unknown>; compress: boolean; write(chunk: Uint8Array | string): void; end(chunk?: Uint8Array | string): unknown };
  _root: { data: Record<string, unknown> };
}

/** Deflated page content streams by the SHA-1 of their bytes (a few pages' worth, most recent last). */
const deflatedPages = new Map<string, Buffer>();
const DEFLATED_PAGES_LIMIT = 600;

/**
 * A page's whole content stream, deflated as pdfkit's finalize would (zlib's defaults), from a
 * cache by content: a warm process drawing a document again with a small change finds the pages
 * the change did not reach (same text, same glyph numbering) here.
 */
export function deflatedPage(bytes: Buffer): Buffer {
  const key = createHash("sha1").update(bytes).digest("base64");
  let out = deflatedPages.get(key);
  if (out) deflatedPages.delete(key);
  else {
    out = deflateSync(bytes);
    if (deflatedPages.size >= DEFLATED_PAGES_LIMIT) deflatedPages.delete(deflatedPages.keys().next().value!);
  }
  deflatedPages.set(key, out);
  return out;
}

/** pdfkit's circle constant (its ellipse's control points). */
export const KAPPA = 4.0 * ((Math.sqrt(2) - 1.0) / 3.0);

/** pdfkit's number formatting (PDFObject.number): at most six decimals. */
export function num(n: number): number {
  if (n > -1e21 && n < 1e21) return Math.round(n * 1e6) / 1e6;
  throw new Error(`unsupported number: ${n}`);
}

let srgb: { length: number; deflated: Uint8Array } | undefined;

/**
 * pdfkit's _addColorOutputIntent (PDF/A): the sRGB profile stream (Length, N, then the Filter its
 * write adds) and the OutputIntent. The profile is read from pdfkit's folder and deflated (zlib's
 * defaults, as pdfkit's finalize) once per process, not for every document.
 */
export function addColorOutputIntent(doc: PdfKitDocLike): void {
  if (!srgb) {
    const icc = readFileSync(join(dirname(require.resolve("pdfkit")), "data", "sRGB_IEC61966_2_1.icc"));
    srgb = { length: icc.length, deflated: deflateSync(icc) };
  }
  const profile = doc.ref({ Length: srgb.length, N: 3 });
  if (profile.compress) {
    profile.compress = false;
    profile.write(srgb.deflated);
    profile.data.Filter = "FlateDecode";
    profile.end();
  } else profile.end(readFileSync(join(dirname(require.resolve("pdfkit")), "data", "sRGB_IEC61966_2_1.icc")));
  const intent = doc.ref({
    Type: "OutputIntent",
    S: "GTS_PDFA1",
    Info: new String("sRGB IEC61966-2.1"),
    OutputConditionIdentifier: new String("sRGB IEC61966-2.1"),
    DestOutputProfile: profile,
  });
  intent.end();
  doc._root.data.OutputIntents = [intent];
}
