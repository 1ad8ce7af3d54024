/**
 * Reading barcodes and QR codes back from pixels, in Node only: QR codes with jsQR, Code 39 with
 * the small scanline decoder below, PNG files with pngjs. The tests decode what was drawn (a
 * rendered PDF page, a PNG the DOCX holds), never re-encode the input. zbarimg cross-checks the
 * same marks in the conformance suite (tests/conformance/).
 */
import jsqrModule from "jsqr";
import { PNG } from "pngjs";

// jsqr is CommonJS whose module.exports is the decoder, with itself as .default too: the typed way to it
const jsQR = jsqrModule.default;

export interface Pixels {
  width: number;
  height: number;
  /** RGBA, row-major */
  data: Uint8Array | Uint8ClampedArray;
}

/** A PNG file's pixels as RGBA (any bit depth, palette, interlace: pngjs reads them all). */
export function pngPixels(png: Uint8Array): Pixels {
  const img = PNG.sync.read(Buffer.from(png));
  return { width: img.width, height: img.height, data: img.data };
}

/** Luminance 0..255 of a pixel, composited over white (a transparent pixel is paper). */
function luminance(img: Pixels, i: number): number {
  const d = img.data;
  const lum = (d[i] * 299 + d[i + 1] * 587 + d[i + 2] * 114) / 1000;
  return 255 - (d[i + 3] / 255) * (255 - lum);
}

/** The QR code's text, or undefined when none is found. */
export function decodeQr(img: Pixels): string | undefined {
  // jsQR wants RGBA with the paper opaque: flatten transparency onto white first
  const rgba = new Uint8ClampedArray(img.width * img.height * 4);
  for (let i = 0; i < rgba.length; i += 4) {
    const l = luminance(img, i);
    rgba[i] = rgba[i + 1] = rgba[i + 2] = l;
    rgba[i + 3] = 255;
  }
  return jsQR(rgba, img.width, img.height, { inversionAttempts: "dontInvert" })?.data;
}

// ---------------------------------------------------------------------------------------------
// Code 39, from the symbology's structure (ISO/IEC 16388) rather than a copy of the encoder's
// table in src/marks/code39.ts, so a wrong entry there cannot hide: every character is 5 bars and
// 4 spaces, 3 of the 9 wide. 40 characters have 2 wide bars (a 2-of-5 pattern) and 1 wide space;
// the wide space's position picks the group, the bar pattern the character within it. $ / + %
// have narrow bars and 3 wide spaces.

const BAR_PATTERNS = ["10001", "01001", "11000", "00101", "10100", "01100", "00011", "10010", "01010", "00110"];
const GROUPS: Array<[wideSpace: number, chars: string]> = [
  [1, "1234567890"],
  [2, "ABCDEFGHIJ"],
  [3, "KLMNOPQRST"],
  [0, "UVWXYZ-. *"],
];
const THREE_SPACES: Array<[string, number[]]> = [
  ["$", [0, 1, 2]],
  ["/", [0, 1, 3]],
  ["+", [0, 2, 3]],
  ["%", [1, 2, 3]],
];

/** 9-element pattern ("nwnnwnwnn", bar first) -> character */
export const CODE39_DECODE: ReadonlyMap<string, string> = (() => {
  const table = new Map<string, string>();
  const pattern = (bars: string, wideSpaces: number[]) => {
    let p = "";
    for (let k = 0; k < 5; k++) {
      p += bars[k] === "1" ? "w" : "n";
      if (k < 4) p += wideSpaces.includes(k) ? "w" : "n";
    }
    return p;
  };
  for (const [space, chars] of GROUPS) [...chars].forEach((ch, k) => table.set(pattern(BAR_PATTERNS[k], [space]), ch));
  for (const [ch, spaces] of THREE_SPACES) table.set(pattern("00000", spaces), ch);
  return table;
})();

/** Run lengths of a row of dark (true) and light pixels: [dark?, length][] */
function runsOf(dark: boolean[]): Array<[boolean, number]> {
  const runs: Array<[boolean, number]> = [];
  for (const d of dark) {
    const last = runs[runs.length - 1];
    if (last && last[0] === d) last[1]++;
    else runs.push([d, 1]);
  }
  return runs;
}

/** Every Code 39 symbol (quiet zone, *, data, *, quiet zone) in one row of pixels. */
export function decodeCode39Row(dark: boolean[]): string[] {
  const runs = runsOf(dark);
  const found: string[] = [];
  for (let i = 0; i + 9 <= runs.length; i++) {
    if (!runs[i][0]) continue;
    const start = runs.slice(i, i + 9).map((r) => r[1]);
    const sorted = [...start].sort((a, b) => a - b);
    const narrow = (sorted[0] + sorted[1] + sorted[2] + sorted[3] + sorted[4] + sorted[5]) / 6;
    const wide = (sorted[6] + sorted[7] + sorted[8]) / 3;
    if (wide / narrow < 1.8 || wide / narrow > 4) continue;
    const threshold = (narrow + wide) / 2;
    const classify = (widths: number[]) => widths.map((w) => (w > threshold ? "w" : "n")).join("");
    if (CODE39_DECODE.get(classify(start)) !== "*") continue;
    // a quiet zone before the start character: the page's edge, or light of 5 narrow widths or more
    if (i > 0 && runs[i - 1][1] < 5 * narrow) continue;
    let text = "";
    let j = i + 9;
    let ok = false;
    while (j + 10 <= runs.length) {
      const gap = runs[j][1]; // the inter-character gap (light)
      if (gap > 3 * narrow) break;
      const widths = runs.slice(j + 1, j + 10).map((r) => r[1]);
      if (widths.some((w) => w < narrow / 2 || w > wide * 1.5)) break;
      const ch = CODE39_DECODE.get(classify(widths));
      if (ch === undefined) break;
      j += 10;
      if (ch === "*") {
        ok = j >= runs.length || runs[j][1] >= 5 * narrow;
        break;
      }
      text += ch;
    }
    if (ok && text.length > 0) {
      found.push(text);
      i = j - 1;
    }
  }
  return found;
}

/** Code 39 symbols read along every `step`-th row of an image, with the number of rows each was read on. */
export function decodeCode39(img: Pixels, step = 1): Map<string, number> {
  const found = new Map<string, number>();
  for (let y = 0; y < img.height; y += step) {
    const dark: boolean[] = new Array(img.width);
    for (let x = 0; x < img.width; x++) dark[x] = luminance(img, (y * img.width + x) * 4) < 128;
    for (const text of decodeCode39Row(dark)) found.set(text, (found.get(text) ?? 0) + 1);
  }
  return found;
}
