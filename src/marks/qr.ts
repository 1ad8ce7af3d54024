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

/** The QR module matrix for `text` (error correction level M): `size` and `dark(row, col)`. */
export function qrMatrix(text: string): { size: number; dark: (row: number, col: number) => boolean } {
  if (text.length === 0) throw new Error("qrCode: text must not be empty");
  const qr = QRCode.create(text, { errorCorrectionLevel: "M" });
  const m = qr.modules;
  return { size: m.size, dark: (row, col) => Boolean(m.get(row, col)) };
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
