import { describe, expect, it } from "vitest";
import { paginate, type Page } from "../../../src/writers/pdf/paginate.js";
import type { NoteLayout, Piece } from "../../../src/writers/pdf/pieces.js";

/** A piece `h` points tall whose only item is a rule carrying its name in the width (to find it again). */
const piece = (name: number, h = 10, extra: Partial<Piece> = {}): Piece => ({
  height: h,
  items: [{ kind: "rule", x: 0, y: 0, width: name, thickness: 1 }],
  keepWithNext: false,
  gapBefore: 0,
  notes: [],
  ...extra,
});
const note = (label: string, lines: number): NoteLayout => ({ label, lines: Array.from({ length: lines }, (_, i) => piece(1000 + i, 5)) });
const names = (p: Page) => p.body.map((b) => (b.piece.items[0] as { width: number }).width);
const FOOT = { separatorWidth: 72, separatorThickness: 1, spaceAbove: 4, separatorBelow: 3, spaceBetween: 2 };
const opts = (bodyHeight: number, firstPageTop = 0) => ({ bodyHeight, firstPageTop, footnotes: FOOT });

describe("paginate", () => {
  it("fills pages in order and starts the first below the masthead", () => {
    const pages = paginate([1, 2, 3, 4, 5].map((n) => piece(n)), opts(30, 10));
    expect(pages.map(names)).toEqual([[1, 2], [3, 4, 5]]);
    expect(pages[0].body[0].y).toBe(10);
  });

  it("keeps pieces joined by keepWithNext on one page, and drops the space above at a page's top", () => {
    const ps = [piece(1), piece(2, 10, { keepWithNext: true }), piece(3, 10, { gapBefore: 6 })];
    const pages = paginate(ps, opts(30));
    expect(pages.map(names)).toEqual([[1], [2, 3]]);
    const gapped = paginate([piece(1, 20), piece(2, 10, { gapBefore: 6 })], opts(25));
    expect(gapped[1].body[0].y).toBe(0);
  });

  it("breaks a page before a piece that asks for it", () => {
    expect(paginate([piece(1), piece(2, 10, { breakBefore: true })], opts(100)).map(names)).toEqual([[1], [2]]);
  });

  it("sets a footnote at the foot of its reference's page, under the rule", () => {
    const pages = paginate([piece(1), piece(2, 10, { notes: [note("1", 2)] }), piece(3)], opts(60));
    expect(pages).toHaveLength(1);
    expect(pages[0].notes).toHaveLength(2);
    // rule + space below it + two 5-point lines end at the foot of the text block
    expect(pages[0].separatorY).toBe(60 - (1 + 3 + 10));
    expect(pages[0].notes[1].y + 5).toBe(60);
  });

  it("moves a reference's line to the next page when not even the start of its note fits", () => {
    // 40 points: piece 1 and 2 take 20; piece 3 (10) + rule area (1 + 3 + 4 above) + a 5-point line = 23 > 20
    const pages = paginate([piece(1), piece(2), piece(3, 10, { notes: [note("1", 3)] })], opts(40));
    expect(pages.map(names)).toEqual([[1, 2], [3]]);
    expect(pages[1].notes).toHaveLength(3);
  });

  it("splits a note that does not fit whole: its first lines on the reference's page, the rest on the next", () => {
    const pages = paginate([piece(1), piece(2, 10, { notes: [note("1", 6)] }), piece(3), piece(4)], opts(50));
    // page 1: pieces 1, 2 (20) + space above 4 + rule 1 + 3 + k lines of 5 <= 50 -> k = 4
    expect(names(pages[0])).toEqual([1, 2]);
    expect(pages[0].notes).toHaveLength(4);
    expect(pages[1].notes).toHaveLength(2);
    expect(names(pages[1])).toEqual([3, 4]);
    // the continued lines come first at the next page's foot
    expect((pages[1].notes[0].piece.items[0] as { width: number }).width).toBe(1004);
  });

  it("repeats a table's header rows when a row starts a page", () => {
    const header = [piece(90, 10, { keepWithNext: true })];
    const rows = [1, 2, 3, 4, 5].map((n) => piece(n, 10, { repeat: header.map((h) => ({ ...h, notes: [] })) }));
    const pages = paginate([header[0], ...rows], opts(30));
    expect(pages.map(names)).toEqual([[90, 1, 2], [90, 3, 4], [90, 5]]);
  });

  it("slices a piece taller than a page instead of losing what is past the foot", () => {
    const tall: Piece = { height: 50, items: [10, 20, 30, 40, 50].map((y, i) => ({ kind: "rule", x: 0, y: y - 1, width: i + 1, thickness: 1 })), keepWithNext: false, gapBefore: 0, notes: [] };
    const pages = paginate([tall], opts(25));
    const drawn = pages.flatMap((p) => p.body.flatMap((b) => b.piece.items.map((it) => (it as { width: number }).width)));
    expect(drawn.sort()).toEqual([1, 2, 3, 4, 5]);
    expect(pages.length).toBeGreaterThan(1);
  });
});
