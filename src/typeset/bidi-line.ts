/**
 * One line of a paragraph with bidi levels, from logical to visual order (UAX #9 §3.4, applied
 * per line after line breaking, as the algorithm prescribes):
 * - the line's runs (each of one level: the itemiser cuts words where the level changes) and the
 *   gaps between them (word spaces, at the level the algorithm resolved for the space: N1, N2)
 *   are reordered by L2; a line never ends with whitespace here (a break at a space drops it),
 *   so L1 has nothing to reset;
 * - each run is then placed where the visual order puts it. Positions are measured from the
 *   line's start edge in the frame's direction: from the left edge in a left-to-right document,
 *   from the right edge (to the run's right edge) in a right-to-left one; the writer mirrors the
 *   right-to-left page as a whole;
 * - inside a run, fontkit lays the glyphs out in the direction of the run's script (an Arabic
 *   run right to left, shaped); a run whose level says otherwise (brackets alone at an odd level,
 *   Arabic-Indic digits at an even one) has its clusters reversed, so fontkit's order is the
 *   visual order. Such runs hold no joining letters, so reversing them changes no shape.
 * Runs stay in logical order in the line (the writers give each its logical text); only their
 * x changes.
 */
import type { Face } from "../fonts/registry.js";
import { visualOrder, type Direction } from "./bidi.js";
import type { ComposedLine, GlyphRun } from "./place-line.js";
import { clusters } from "./units.js";

function runWidth(r: GlyphRun): number {
  return r.advance + r.letterSpacing * Math.max(0, [...r.text].length - 1);
}

const directionCache = new WeakMap<Face, Map<string, boolean>>();

/** Does fontkit lay this text out right to left (its script's direction)? Cached per face. */
function laidOutRtl(face: Face, text: string, features: string[]): boolean {
  let cache = directionCache.get(face);
  if (!cache) directionCache.set(face, (cache = new Map()));
  const key = features.length ? `${features.join(",")}\u0000${text}` : text;
  let rtl = cache.get(key);
  if (rtl === undefined) {
    rtl = (face.font.layout(text, features) as unknown as { direction?: string }).direction === "rtl";
    if (cache.size > 50_000) cache.clear();
    cache.set(key, rtl);
  }
  return rtl;
}

/** Reorders a composed line's runs in place (their x), by the paragraph's levels. */
export function reorderLine(line: ComposedLine, levels: Uint8Array, direction: Direction): void {
  const runs = line.runs;
  if (!runs.length) return;
  const paraLevel = direction === "rtl" ? 1 : 0;
  const atoms: { width: number; level: number; run?: GlyphRun }[] = [];
  const lead = runs[0].x;
  runs.forEach((r, k) => {
    if (k > 0) {
      const prev = runs[k - 1];
      const gap = r.x - (prev.x + runWidth(prev));
      if (Math.abs(gap) > 1e-9) {
        // the space's own level (a space between two Latin words inside Arabic text is Latin)
        const at = prev.end < r.start ? prev.end : r.start;
        atoms.push({ width: gap, level: levels[at] ?? paraLevel });
      }
    }
    atoms.push({ width: runWidth(r), level: r.level ?? levels[r.start] ?? paraLevel, run: r });
  });
  const order = visualOrder(atoms.map((a) => a.level));
  const total = atoms.reduce((s, a) => s + a.width, 0);
  let v = 0;
  for (const i of order) {
    const a = atoms[i];
    if (a.run) {
      a.run.x = direction === "rtl" ? lead + total - v - a.width : lead + v;
      if (laidOutRtl(a.run.face, a.run.text, a.run.features) !== (a.level % 2 === 1)) a.run.text = clusters(a.run.text).reverse().join("");
    }
    v += a.width;
  }
}
