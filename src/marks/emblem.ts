/**
 * A neutral placeholder showing where an organisation's emblem would go: a plain ring with a
 * small filled diamond in its centre. Deliberately abstract — it must not evoke any real
 * emblem (no globe, meridians or branches).
 */
import type { Drawing } from "./drawing.js";

/** Placeholder emblem centred in a `size` × `size` point square; `color` defaults to black. */
export function placeholderEmblem(size: number, color = "#000000"): Drawing {
  if (!Number.isFinite(size) || size <= 0) throw new Error(`placeholderEmblem: size must be positive, got ${size}`);
  const c = size / 2;
  const stroke = size * 0.06;
  const r = size / 2 - stroke / 2 - size * 0.02; // outer edge stays 2% inside the square
  const d = size * 0.16; // diamond half-diagonal
  return {
    width: size,
    height: size,
    shapes: [
      { kind: "ring", cx: c, cy: c, r, width: stroke, stroke: color },
      {
        kind: "polygon",
        points: [
          [c, c - d],
          [c + d, c],
          [c, c + d],
          [c - d, c],
        ],
        fill: color,
      },
    ],
  };
}
