/**
 * A recycling mark: three arrows chasing each other clockwise around an equilateral triangle.
 *
 * Own geometric construction: a band of constant width follows a triangle whose corners are
 * rounded by circular arcs; the band is cut into three arrows, each folding around one corner,
 * ending in an arrowhead whose tip nests in a V-notch cut into the tail of the next arrow.
 */
import type { Drawing, Shape } from "./drawing.js";

type Pt = [number, number];

/* Proportions, in units of the side length L of the band's centre-line triangle. */
const BAND = 0.16; // band width
const CORNER = 0.14; // radius of the centre line around each corner (must exceed BAND / 2)
const HEAD_BASE = 0.27; // distance from the corner to the arrowhead base, along the next side
const HEAD_LEN = 0.2; // arrowhead length
const HEAD_HALF = 0.19; // arrowhead half-width
const GAP = 0.06; // gap between an arrow tip and the following tail
const ARC_STEPS = 24; // polygon segments per corner arc
const MARGIN = 0.03; // fraction of the size left free on each side

const add = (a: Pt, b: Pt): Pt => [a[0] + b[0], a[1] + b[1]];
const mul = (a: Pt, k: number): Pt => [a[0] * k, a[1] * k];
const sub = (a: Pt, b: Pt): Pt => [a[0] - b[0], a[1] - b[1]];
const unit = (a: Pt): Pt => mul(a, 1 / Math.hypot(a[0], a[1]));

/** The three arrows as polygons in unit coordinates (side length 1, centroid at origin). */
function arrows(): Pt[][] {
  const R = 1 / Math.sqrt(3); // circumradius for side length 1
  // Vertices clockwise on screen (y down): top, bottom right, bottom left.
  const V: Pt[] = [0, 1, 2].map((k) => {
    const a = -Math.PI / 2 + (k * 2 * Math.PI) / 3;
    return [R * Math.cos(a), R * Math.sin(a)] as Pt;
  });
  const half = BAND / 2;
  const tangent = CORNER * Math.sqrt(3); // corner -> arc tangent point, along a side
  const tip = HEAD_BASE + HEAD_LEN;
  const tailCentre = tip + GAP; // notch vertex, from the side's start corner
  const tailEdge = tailCentre - (HEAD_LEN / HEAD_HALF) * half; // notch edges parallel to the arrowhead's
  const polys: Pt[][] = [];
  for (let k = 0; k < 3; k++) {
    const A = V[k]!, B = V[(k + 1) % 3]!, C = V[(k + 2) % 3]!;
    const d1 = unit(sub(B, A)); // travel direction along side k
    const d2 = unit(sub(C, B)); // ... and along side k+1
    const n1: Pt = [d1[1], -d1[0]]; // outward normal (away from the centroid) for clockwise travel
    const n2: Pt = [d2[1], -d2[0]];
    const P = (s: number, off: number): Pt => add(add(A, mul(d1, s)), mul(n1, off)); // on side k
    const Q = (s: number, off: number): Pt => add(add(B, mul(d2, s)), mul(n2, off)); // on side k+1
    const centre = add(sub(B, mul(d1, tangent)), mul(n1, -CORNER)); // centre of the corner arc
    const a1 = Math.atan2(n1[1], n1[0]);
    let sweep = Math.atan2(n2[1], n2[0]) - a1;
    while (sweep <= -Math.PI) sweep += 2 * Math.PI;
    while (sweep > Math.PI) sweep -= 2 * Math.PI;
    const arc = (radius: number, reverse: boolean): Pt[] => {
      const pts: Pt[] = [];
      for (let i = 0; i <= ARC_STEPS; i++) {
        const t = reverse ? 1 - i / ARC_STEPS : i / ARC_STEPS;
        const a = a1 + sweep * t;
        pts.push([centre[0] + radius * Math.cos(a), centre[1] + radius * Math.sin(a)]);
      }
      return pts;
    };
    polys.push([
      P(tailEdge, half), // tail, outer corner
      ...arc(CORNER + half, false), // outer edge around the corner
      Q(HEAD_BASE, half),
      Q(HEAD_BASE, HEAD_HALF), // arrowhead
      Q(tip, 0),
      Q(HEAD_BASE, -HEAD_HALF),
      Q(HEAD_BASE, -half),
      ...arc(CORNER - half, true), // inner edge back around the corner
      P(tailEdge, -half), // tail, inner corner
      P(tailCentre, 0), // V-notch vertex
    ]);
  }
  return polys;
}

/**
 * A recycling symbol (three chasing arrows forming a triangle) centred in a `size` × `size`
 * point square. `color` defaults to black.
 */
export function recyclingMark(size: number, color = "#000000"): Drawing {
  if (!Number.isFinite(size) || size <= 0) throw new Error(`recyclingMark: size must be positive, got ${size}`);
  const polys = arrows();
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const p of polys) {
    for (const [x, y] of p) {
      minX = Math.min(minX, x);
      minY = Math.min(minY, y);
      maxX = Math.max(maxX, x);
      maxY = Math.max(maxY, y);
    }
  }
  const avail = size * (1 - 2 * MARGIN);
  const k = avail / Math.max(maxX - minX, maxY - minY);
  const ox = (size - (maxX - minX) * k) / 2 - minX * k;
  const oy = (size - (maxY - minY) * k) / 2 - minY * k;
  const shapes: Shape[] = polys.map((p) => ({
    kind: "polygon",
    points: p.map(([x, y]) => [ox + x * k, oy + y * k] as [number, number]),
    fill: color,
  }));
  return { width: size, height: size, shapes };
}
