/**
 * Pagination: pieces -> pages. The writer paginates itself (pdfmake only draws the finished
 * pages) because footnotes and tables need it:
 * - pieces joined by keepWithNext go to the same page when they fit on one (widows, orphans,
 *   headings with what follows, table headers with the first row);
 * - the space above a piece is dropped at the top of a page, as Word does;
 * - a footnote goes to the foot of the page that holds its reference, under a short rule; a note
 *   that does not fit there whole is split after as many lines as fit (at least one) and goes on
 *   at the foot of the next page, before that page's own notes;
 * - a table row that starts a page is preceded by the table's header rows;
 * - a piece taller than a whole page is sliced, so nothing is ever lost past the foot of a page.
 */
import type { Style } from "../../style/style.js";
import { shifted, type NoteLayout, type Piece } from "./pieces.js";

export interface Placed {
  piece: Piece;
  /** top of the piece, from the top of the text block */
  y: number;
}

export interface Page {
  body: Placed[];
  /** note lines, y from the top of the text block; the short rule sits above the first */
  notes: Placed[];
  /** top of the short rule above the notes (when there are notes) */
  separatorY?: number;
}

export interface PaginateOptions {
  /** height of the text block */
  bodyHeight: number;
  /** where the body starts on the first page (below the masthead) */
  firstPageTop: number;
  footnotes: Style["footnotes"];
}

interface NoteEntry {
  lines: Piece[];
}

const EPSILON = 1e-6;

function linesHeight(lines: Piece[]): number {
  return lines.reduce((h, l) => h + l.height, 0);
}

/**
 * Paginates `pieces` (any iterable: blocks are laid out as pagination asks for them), handing
 * each page to `emit` as soon as it is full, so a long document never holds more than a page
 * and a group of kept-together pieces. Returns the number of pages.
 */
export function paginateStream(pieces: Iterable<Piece>, o: PaginateOptions, emit: (page: Page) => void): number {
  const f = o.footnotes;
  let count = 0;
  let top = o.firstPageTop;
  let body: Placed[] = [];
  let notes: NoteEntry[] = [];
  let carry: NoteEntry[] = [];

  /** Height of the footnote area for these notes (rule, notes, space between them). */
  const area = (entries: NoteEntry[]): number => {
    const ls = entries.filter((e) => e.lines.length);
    if (!ls.length) return 0;
    return f.separatorThickness + f.separatorBelow + ls.reduce((h, e) => h + linesHeight(e.lines), 0) + (ls.length - 1) * f.spaceBetween;
  };
  /** Room left for body pieces, with these notes at the foot. */
  const room = (entries: NoteEntry[]): number => {
    const a = area(entries);
    return o.bodyHeight - top - (a ? a + f.spaceAbove : 0);
  };

  const closePage = () => {
    const page: Page = { body, notes: [] };
    const kept = notes.filter((e) => e.lines.length);
    if (kept.length) {
      let y = o.bodyHeight - area(kept);
      page.separatorY = y;
      y += f.separatorThickness + f.separatorBelow;
      kept.forEach((e, i) => {
        if (i) y += f.spaceBetween;
        for (const line of e.lines) {
          page.notes.push({ piece: line, y });
          y += line.height;
        }
      });
    }
    count++;
    emit(page);
  };

  const newPage = () => {
    closePage();
    top = 0;
    body = [];
    notes = [];
    // notes carried over: as many lines as the page can take (it must keep room for some body text)
    const pending = carry;
    carry = [];
    for (const entry of pending) {
      const fit = fittingLines(entry.lines, room([...notes, { lines: [] }]) - f.spaceBetween);
      const k = Math.max(1, fit);
      notes.push({ lines: entry.lines.slice(0, k) });
      if (k < entry.lines.length) carry.push({ lines: entry.lines.slice(k) });
    }
  };

  /** How many of these lines fit in `space` (points). */
  const fittingLines = (lines: Piece[], space: number): number => {
    let h = 0;
    let k = 0;
    for (const l of lines) {
      if (h + l.height > space + EPSILON) break;
      h += l.height;
      k++;
    }
    return k;
  };

  const gapOf = (p: Piece) => (body.length ? p.gapBefore : 0);
  const entriesOf = (ns: NoteLayout[]): NoteEntry[] => ns.map((n) => ({ lines: n.lines }));

  const put = (p: Piece) => {
    top += gapOf(p);
    body.push({ piece: p, y: top });
    top += p.height;
    notes.push(...entriesOf(p.notes));
  };

  /** The header rows again when a table row starts a page. */
  const repeatHeader = (p: Piece) => {
    if (body.length || !p.repeat?.length) return;
    for (const h of p.repeat) put(h);
  };

  /**
   * Places a piece on this page if it fits there, with its notes at the foot: whole, or the
   * first note that does not fit whole split after as many lines as fit (at least one, so the
   * page shows the start of its own note), the rest carried to the next page. False, and
   * nothing changed, when it does not fit.
   */
  const placeHere = (p: Piece): boolean => {
    const mark = body.length;
    repeatHeader(p);
    const gap = gapOf(p);
    const fits = (entries: NoteEntry[]) => gap + p.height <= room(entries) + EPSILON;
    if (fits([...notes, ...entriesOf(p.notes)])) {
      put(p);
      return true;
    }
    if (p.notes.length) {
      let acc = [...notes];
      const rest: NoteEntry[] = [];
      for (const n of p.notes) {
        if (rest.length) rest.push({ lines: n.lines });
        else if (fits([...acc, { lines: n.lines }])) acc = [...acc, { lines: n.lines }];
        else {
          let k = n.lines.length - 1;
          while (k > 0 && !fits([...acc, { lines: n.lines.slice(0, k) }])) k--;
          if (k > 0) acc = [...acc, { lines: n.lines.slice(0, k) }];
          rest.push({ lines: n.lines.slice(k) });
        }
      }
      if (acc.length > notes.length) {
        top += gap;
        body.push({ piece: p, y: top });
        top += p.height;
        notes = acc;
        carry.push(...rest.filter((e) => e.lines.length));
        return true;
      }
    }
    // undo the repeated header rows: the row goes to the next page, and they with it
    while (body.length > mark) top -= body.pop()!.piece.height;
    return false;
  };

  const placeOne = (p: Piece): void => {
    for (;;) {
      if (placeHere(p)) return;
      if (body.length) {
        newPage();
        continue;
      }
      // a fresh page and still too tall: slice it
      const space = room(notes);
      if (p.height > space + EPSILON) {
        const [head, tail] = slice(p, Math.max(space, 1));
        put(head);
        newPage();
        p = tail;
        continue;
      }
      // the body fits but not even the start of its notes: the notes go on at the next pages
      put({ ...p, notes: [] });
      carry.push(...entriesOf(p.notes));
      return;
    }
  };

  /** Places a group of pieces kept together on this page, or leaves everything as it was. */
  const placeGroupHere = (group: Piece[]): boolean => {
    const saved = { top, body: body.length, notes: [...notes], carry: [...carry] };
    if (group.every(placeHere)) return true;
    top = saved.top;
    body.length = saved.body;
    notes = saved.notes;
    carry = saved.carry;
    return false;
  };

  // groups of pieces joined by keepWithNext, read ahead from the stream as far as a group goes
  const it = pieces[Symbol.iterator]();
  let ahead = it.next();
  const nextGroup = (): Piece[] => {
    const group: Piece[] = [];
    while (!ahead.done) {
      const p = ahead.value;
      if (group.length && p.breakBefore) break;
      group.push(p);
      ahead = it.next();
      if (!p.keepWithNext) break;
    }
    return group;
  };
  for (let group = nextGroup(); group.length; group = nextGroup()) {
    if (group[0].breakBefore && (body.length || notes.length)) newPage();
    if (placeGroupHere(group)) continue;
    // a group that fits on a fresh page moves there whole; a taller one is set piece by piece
    if (body.length) {
      newPage();
      if (placeGroupHere(group)) continue;
    }
    group.forEach(placeOne);
  }
  while (carry.length) newPage();
  closePage();
  return count;
}

/** All pages at once (small documents, tests). */
export function paginate(pieces: Iterable<Piece>, o: PaginateOptions): Page[] {
  const pages: Page[] = [];
  paginateStream(pieces, o, (p) => pages.push(p));
  return pages;
}

/**
 * Cuts a piece taller than the room left into the part that fits and the rest: text by its
 * baseline, rules and marks by their top.
 */
function slice(p: Piece, space: number): [Piece, Piece] {
  const bottomOf = (it: Piece["items"][number]) => (it.kind === "text" ? it.baseline + it.run.size * 0.25 : it.kind === "rule" ? it.y + it.thickness : it.y + 1);
  const topOf = (it: Piece["items"][number]) => (it.kind === "text" ? it.baseline - it.run.size : it.y);
  let headItems = p.items.filter((it) => bottomOf(it) <= space + EPSILON);
  let tailItems = p.items.filter((it) => bottomOf(it) > space + EPSILON);
  if (!headItems.length && tailItems.length) {
    // nothing fits above the cut: move at least the topmost item, so the loop always progresses
    const first = tailItems.reduce((a, b) => (topOf(a) <= topOf(b) ? a : b));
    headItems = [first];
    tailItems = tailItems.filter((it) => it !== first);
  }
  const cut = tailItems.length ? Math.max(0, Math.min(...tailItems.map(topOf))) : p.height;
  const head: Piece = { ...p, height: Math.min(space, p.height), items: headItems, keepWithNext: false, repeat: undefined };
  const tail: Piece = { ...p, height: Math.max(0, p.height - cut), items: shifted(tailItems, 0, -cut), gapBefore: 0, notes: [], repeat: undefined };
  return [head, tail];
}
