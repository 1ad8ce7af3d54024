/**
 * QR code as a {@link Drawing}, using the `qrcode` package for the symbol matrix
 * (error correction level M) and emitting one rect per horizontal run of dark modules.
 */
import QRCode from "qrcode";
import type { Drawing, Shape } from "./drawing.js";

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
    const m = QRCode.create(text, { errorCorrectionLevel: "M" }).modules;
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
