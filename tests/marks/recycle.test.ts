import { describe, it, expect } from "vitest";
import { recyclingMark } from "../../src/marks/recycle.js";
import { placeholderEmblem } from "../../src/marks/emblem.js";
import { drawingToPng, drawingToSvg, type Drawing } from "../../src/marks/drawing.js";
import { decodePng, grey, inkFraction } from "./helpers.js";

function polygonArea(points: Array<[number, number]>): number {
  let a = 0;
  for (let i = 0; i < points.length; i++) {
    const [x0, y0] = points[i]!;
    const [x1, y1] = points[(i + 1) % points.length]!;
    a += x0 * y1 - x1 * y0;
  }
  return a / 2;
}

/** Axis-aligned bounds of everything a drawing paints. */
function bounds(d: Drawing): { minX: number; minY: number; maxX: number; maxY: number } {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  const take = (x0: number, y0: number, x1: number, y1: number): void => {
    minX = Math.min(minX, x0);
    minY = Math.min(minY, y0);
    maxX = Math.max(maxX, x1);
    maxY = Math.max(maxY, y1);
  };
  for (const s of d.shapes) {
    if (s.kind === "rect") take(s.x, s.y, s.x + s.w, s.y + s.h);
    else if (s.kind === "polygon") for (const [x, y] of s.points) take(x, y, x, y);
    else if (s.kind === "disc") take(s.cx - s.r, s.cy - s.r, s.cx + s.r, s.cy + s.r);
    else {
      const r = s.r + s.width / 2;
      take(s.cx - r, s.cy - r, s.cx + r, s.cy + r);
    }
  }
  return { minX, minY, maxX, maxY };
}

describe("recyclingMark()", () => {
  for (const size of [30, 100]) {
    it(`is three congruent arrows that fit a ${size} pt square`, () => {
      const d = recyclingMark(size);
      expect([d.width, d.height]).toEqual([size, size]);
      expect(d.shapes).toHaveLength(3);
      const areas = d.shapes.map((s) => (s.kind === "polygon" ? Math.abs(polygonArea(s.points)) : 0));
      for (const a of areas) {
        expect(a).toBeGreaterThan(0.03 * size * size);
        expect(a).toBeCloseTo(areas[0]!, 6);
      }
      const b = bounds(d);
      expect(b.minX).toBeGreaterThanOrEqual(0);
      expect(b.minY).toBeGreaterThanOrEqual(0);
      expect(b.maxX).toBeLessThanOrEqual(size);
      expect(b.maxY).toBeLessThanOrEqual(size);
      // Uses most of the square (centred, small margin).
      expect(Math.max(b.maxX - b.minX, b.maxY - b.minY)).toBeGreaterThan(0.9 * size);
    });
  }

  it("rasterises with visible ink, an empty centre and no ink at the edges", () => {
    const img = decodePng(drawingToPng(recyclingMark(30), 4));
    expect([img.width, img.height]).toEqual([120, 120]);
    const ink = inkFraction(img);
    expect(ink).toBeGreaterThan(0.15);
    expect(ink).toBeLessThan(0.6);
    expect(grey(img, 60, 66)).toBe(255); // inside the triangle (centroid sits below the middle)
    for (let i = 0; i < 120; i++) {
      expect(grey(img, i, 0)).toBe(255);
      expect(grey(img, 0, i)).toBe(255);
    }
  });

  it("renders a deterministic SVG of three polygons", () => {
    const svg = drawingToSvg(recyclingMark(30));
    expect(svg).toBe(drawingToSvg(recyclingMark(30)));
    expect(svg.match(/<polygon /g)).toHaveLength(3);
  });

  it("rejects a bad size", () => {
    expect(() => recyclingMark(0)).toThrow(/size/);
  });
});

describe("placeholderEmblem()", () => {
  it("is a ring with a diamond, fitting its square", () => {
    const d = placeholderEmblem(50);
    expect([d.width, d.height]).toEqual([50, 50]);
    expect(d.shapes.map((s) => s.kind)).toEqual(["ring", "polygon"]);
    const b = bounds(d);
    expect(b.minX).toBeGreaterThanOrEqual(0);
    expect(b.minY).toBeGreaterThanOrEqual(0);
    expect(b.maxX).toBeLessThanOrEqual(50);
    expect(b.maxY).toBeLessThanOrEqual(50);
  });

  it("rasterises to a dark centre, a light gap and a dark ring", () => {
    const img = decodePng(drawingToPng(placeholderEmblem(50), 4));
    expect(grey(img, 100, 100)).toBe(0); // diamond
    expect(grey(img, 100, 55)).toBe(255); // between diamond and ring
    expect(grey(img, 100, 10)).toBe(0); // ring
    expect(grey(img, 0, 0)).toBe(255);
    expect(inkFraction(img)).toBeGreaterThan(0.05);
  });

  it("renders a deterministic SVG", () => {
    expect(drawingToSvg(placeholderEmblem(50))).toBe(
      '<svg xmlns="http://www.w3.org/2000/svg" width="50pt" height="50pt" viewBox="0 0 50 50">' +
        '<circle cx="25" cy="25" r="22.5" fill="none" stroke="#000" stroke-width="3"/>' +
        '<polygon points="25,17 33,25 25,33 17,25" fill="#000"/></svg>',
    );
  });
});
