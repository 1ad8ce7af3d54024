/**
 * A PDF's text as lines, rebuilt from positioned text items with pdfjs-dist (no poppler needed).
 * Shared by scripts/line-score.mjs and the tests (tests/helpers/pdf.ts), so both read a PDF the
 * same way. Types: pdf-lines.d.mts.
 *
 * Items are grouped by baseline (a small tolerance), sorted by x and joined; a space goes between
 * two items only where the gap is wide, as pdftotext puts one. Nothing depends on how the writer
 * splits its runs into text objects, or on spaces it draws or pdfjs guesses.
 * Coordinates are in points: x from the left edge, y from the top edge down to the baseline.
 */

/** Gap between two items of a line, in ems, above which a space is read (pdftotext's word break: 0.1 em). */
export const WORD_GAP_EM = 0.1;
/** Items whose baselines differ by at most this many ems (of the smaller size) are on one line. */
export const BASELINE_TOLERANCE_EM = 0.2;

let pdfjs;
// the legacy build is pdfjs-dist's build for Node; with no worker port it runs in this thread
const loadPdfJs = () => (pdfjs ??= import("pdfjs-dist/legacy/build/pdf.mjs"));

/** Opens a PDF with pdfjs (no network, no eval, no system fonts). Call `destroy()` when done. */
export async function openPdf(bytes) {
  const { getDocument } = await loadPdfJs();
  // a copy: pdfjs takes the buffer over
  return getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
}

/** Text of every page as lines in reading order (top to bottom, left to right). */
export async function pdfText(bytes, options = {}) {
  const doc = await openPdf(bytes);
  try {
    const pages = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const [x0, y0, x1, y1] = page.view;
      // disableNormalization: the text as the ToUnicode map gives it (no NFKC of ① or ﬁ)
      const content = await page.getTextContent({ disableNormalization: true });
      const names = new Map();
      if (options.fonts) {
        await page.getOperatorList(); // loads the fonts into commonObjs, where their real names are
        for (const item of content.items) {
          if (!("str" in item) || names.has(item.fontName)) continue;
          const font = page.commonObjs.has(item.fontName) ? page.commonObjs.get(item.fontName) : undefined;
          names.set(item.fontName, font?.name ?? item.fontName);
        }
      }
      const items = [];
      for (const item of content.items) {
        // whitespace-only items are spaces drawn or guessed by pdfjs: the gaps say the same, more reliably
        if (!("str" in item) || item.str.trim() === "") continue;
        const [a, b, , d, e, f] = item.transform;
        if (b !== 0) continue; // rotated text: none in undoc's documents
        items.push({ text: item.str, x: e - x0, y: y1 - f, width: item.width, fontSize: Math.abs(d || a), fontName: names.get(item.fontName) ?? item.fontName });
      }
      pages.push({ number: n, width: x1 - x0, height: y1 - y0, lines: linesOf(items) });
      page.cleanup();
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

/** Groups positioned items into lines: by baseline, then left to right. */
export function linesOf(items) {
  // stable sorts: items at the same place keep the order they were drawn in
  const byY = items.map((item, i) => ({ item, i })).sort((p, q) => p.item.y - q.item.y || p.i - q.i);
  const groups = [];
  let current = [];
  let baseline = Number.NaN;
  for (const { item } of byY) {
    const tolerance = BASELINE_TOLERANCE_EM * Math.min(item.fontSize, current[0]?.fontSize ?? item.fontSize);
    if (current.length > 0 && Math.abs(item.y - baseline) <= tolerance) {
      current.push(item);
      continue;
    }
    if (current.length > 0) groups.push(current);
    current = [item];
    baseline = item.y;
  }
  if (current.length > 0) groups.push(current);
  return groups.map((group) => {
    const sorted = group
      .map((item, i) => ({ item, i }))
      .sort((p, q) => p.item.x - q.item.x || p.i - q.i)
      .map((p) => p.item);
    let text = "";
    let end = Number.NEGATIVE_INFINITY;
    for (const item of sorted) {
      const em = item.fontSize || 1;
      if (text && item.x - end > WORD_GAP_EM * em && !/\s$/u.test(text) && !/^\s/u.test(item.text)) text += " ";
      text += item.text;
      end = Math.max(end, item.x + item.width);
    }
    return { x: sorted[0].x, xMax: end, y: sorted[0].y, fontSize: Math.max(...sorted.map((i) => i.fontSize)), fontName: sorted[0].fontName, text, items: sorted };
  });
}
