/**
 * QR code as a {@link Drawing}, using the `qrcode` package for the symbol matrix
 * (error correction level M) and emitting one rect per horizontal run of dark modules.
 */
import { createRequire } from "node:module";
import type { Drawing, Shape } from "./drawing.js";
import { bestMask, type QrBitMatrix } from "./qr-mask.js";

const require = createRequire(import.meta.url);

/** qrcode's encoder alone, loaded at the first code: its entry (lib/index.js) also loads the PNG, SVG and terminal renderers and pngjs (~3 ms). */
let encoder: { create(text: string, options: { errorCorrectionLevel: string }): { modules: QrBitMatrix & { get(row: number, col: number): number } } } | undefined;
function qrcode(): NonNullable<typeof encoder> {
  if (!encoder) {
    // qrcode's own mask choice, done faster (./qr-mask.ts); createSymbol calls it through its module's exports
    (require("qrcode/lib/core/mask-pattern.js") as { getBestMask: typeof bestMask }).getBestMask = bestMask;
    encoder = require("qrcode/lib/core/qrcode.js") as NonNullable<typeof encoder>;
  }
  return encoder;
}

export interface QrOptions {
  /** Total side length in points, quiet zone included. */
  size: number;
  /** Quiet zone width in modules on each side (default 4, the QR minimum). */
  quietModules?: number;
  /** Module colour (default black). */
  color?: string;
}

type Matrix = { size: number; dark: (row: number, col: number) => boolean };

/**
 * Matrices by text: both writers draw the same code (the PDF as vectors, the DOCX as a PNG), and a
 * batch's documents often share it; choosing the mask scores all eight (~10 ms before the JIT).
 */
const matrices = new Map<string, Matrix>();
const MATRIX_CACHE_SIZE = 16;

/** The QR module matrix for `text` (error correction level M): `size` and `dark(row, col)`. */
export function qrMatrix(text: string): Matrix {
  if (text.length === 0) throw new Error("qrCode: text must not be empty");
  let matrix = matrices.get(text);
  if (!matrix) {
    const m = qrcode().create(text, { errorCorrectionLevel: "M" }).modules;
    matrix = { size: m.size, dark: (row, col) => Boolean(m.get(row, col)) };
    if (matrices.size >= MATRIX_CACHE_SIZE) matrices.delete(matrices.keys().next().value!);
    matrices.set(text, matrix);
  }
  return matrix;
}

/**
 * Encodes `text` as a QR code drawing of `opts.size` × `opts.size` points, quiet zone included.
 */
export function qrCode(text: string, opts: QrOptions): Drawing {
  const quiet = opts.quietModules ?? 4;
  if (!Number.isFinite(opts.size) || opts.size <= 0) throw new Error(`qrCode: size must be positive, got ${opts.size}`);
  if (!Number.isInteger(quiet) || quiet < 0) throw new Error(`qrCode: quietModules must be a non-negative integer, got ${quiet}`);
  const fill = opts.color ?? "#000000";
  const { size: n, dark } = qrMatrix(text);
  const mod = opts.size / (n + 2 * quiet);
  const shapes: Shape[] = [];
  for (let row = 0; row < n; row++) {
    let col = 0;
    while (col < n) {
      if (!dark(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < n && dark(row, col)) col++;
      shapes.push({ kind: "rect", x: (quiet + start) * mod, y: (quiet + row) * mod, w: (col - start) * mod, h: mod, fill });
    }
  }
  return { width: opts.size, height: opts.size, shapes };
}
