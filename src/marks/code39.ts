/**
 * Code 39 (USS Code 39 / ISO/IEC 16388) barcode encoder producing a {@link Drawing}.
 *
 * Each character is 9 elements — 5 bars and 4 spaces, alternating and starting with a bar —
 * of which exactly 3 are wide. Characters are separated by a narrow inter-character gap, and
 * the symbol is framed by the start/stop character `*` and quiet zones.
 */
import type { Drawing, Shape } from "./drawing.js";

/**
 * The Code 39 symbology table: for each character, its 9 elements in order
 * bar, space, bar, space, bar, space, bar, space, bar; `n` = narrow, `w` = wide.
 */
export const CODE39_PATTERNS: Readonly<Record<string, string>> = Object.freeze({
  "0": "nnnwwnwnn",
  "1": "wnnwnnnnw",
  "2": "nnwwnnnnw",
  "3": "wnwwnnnnn",
  "4": "nnnwwnnnw",
  "5": "wnnwwnnnn",
  "6": "nnwwwnnnn",
  "7": "nnnwnnwnw",
  "8": "wnnwnnwnn",
  "9": "nnwwnnwnn",
  A: "wnnnnwnnw",
  B: "nnwnnwnnw",
  C: "wnwnnwnnn",
  D: "nnnnwwnnw",
  E: "wnnnwwnnn",
  F: "nnwnwwnnn",
  G: "nnnnnwwnw",
  H: "wnnnnwwnn",
  I: "nnwnnwwnn",
  J: "nnnnwwwnn",
  K: "wnnnnnnww",
  L: "nnwnnnnww",
  M: "wnwnnnnwn",
  N: "nnnnwnnww",
  O: "wnnnwnnwn",
  P: "nnwnwnnwn",
  Q: "nnnnnnwww",
  R: "wnnnnnwwn",
  S: "nnwnnnwwn",
  T: "nnnnwnwwn",
  U: "wwnnnnnnw",
  V: "nwwnnnnnw",
  W: "wwwnnnnnn",
  X: "nwnnwnnnw",
  Y: "wwnnwnnnn",
  Z: "nwwnwnnnn",
  "-": "nwnnnnwnw",
  ".": "wwnnnnwnn",
  " ": "nwwnnnwnn",
  $: "nwnwnwnnn",
  "/": "nwnwnnnwn",
  "+": "nwnnnwnwn",
  "%": "nnnwnwnwn",
  "*": "nwnnwnwnn", // start/stop only
});

export interface Code39Options {
  /** Bar height in points (the drawing's height). */
  height: number;
  /** Narrow element width in points (X dimension); also the inter-character gap. */
  narrow: number;
  /** Wide : narrow ratio, 2..3 (default 3). */
  ratio?: number;
  /** Quiet zone on each side, in points (default 10 × narrow, the symbology minimum). */
  quiet?: number;
  /** Bar colour (default black). */
  color?: string;
}

function describeChar(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  return `${JSON.stringify(ch)} (U+${cp.toString(16).toUpperCase().padStart(4, "0")})`;
}

/** Throws unless every character of `text` is in the 43-character Code 39 set (no `*`). */
function checkEncodable(text: string): void {
  let i = 0;
  for (const ch of text) {
    if (ch === "*" || !Object.prototype.hasOwnProperty.call(CODE39_PATTERNS, ch)) {
      const hint =
        ch === "*"
          ? "; '*' is the start/stop character and is added automatically"
          : ch !== ch.toUpperCase()
            ? "; Code 39 has no lower-case letters"
            : "";
      throw new Error(
        `code39: cannot encode character ${describeChar(ch)} at position ${i} of ${JSON.stringify(text)}` +
          ` (allowed: 0-9 A-Z - . space $ / + %${hint})`,
      );
    }
    i++;
  }
}

function resolve(opts: Code39Options): { narrow: number; wide: number; quiet: number; height: number; ratio: number } {
  const ratio = opts.ratio ?? 3;
  const quiet = opts.quiet ?? 10 * opts.narrow;
  for (const [k, v] of [["height", opts.height], ["narrow", opts.narrow], ["ratio", ratio], ["quiet", quiet]] as const) {
    if (typeof v !== "number" || !Number.isFinite(v)) throw new Error(`code39: ${k} must be a finite number, got ${v}`);
  }
  if (opts.height <= 0) throw new Error(`code39: height must be positive, got ${opts.height}`);
  if (opts.narrow <= 0) throw new Error(`code39: narrow must be positive, got ${opts.narrow}`);
  if (ratio < 2 || ratio > 3) throw new Error(`code39: ratio must be between 2 and 3, got ${ratio}`);
  if (quiet < 0) throw new Error(`code39: quiet must not be negative, got ${quiet}`);
  return { narrow: opts.narrow, wide: opts.narrow * ratio, quiet, height: opts.height, ratio };
}

/**
 * Total width in points of the Code 39 symbol for `length` data characters:
 * (length + 2) characters × (6 narrow + 3 wide) + (length + 1) narrow gaps + 2 quiet zones.
 */
export function code39Width(length: number, opts: Omit<Code39Options, "height"> & { height?: number }): number {
  const { narrow, wide, quiet } = resolve({ height: 1, ...opts });
  const chars = length + 2;
  return chars * (6 * narrow + 3 * wide) + (chars - 1) * narrow + 2 * quiet;
}

/**
 * Encodes `text` (without the `*` start/stop characters, which are added) as a Code 39 barcode.
 * The drawing is `code39Width(text.length, opts)` × `opts.height` points, bars only (one rect
 * per bar), with the quiet zones left empty. Throws an Error naming the first character that
 * Code 39 cannot encode.
 */
export function code39(text: string, opts: Code39Options): Drawing {
  if (text.length === 0) throw new Error("code39: text must not be empty");
  checkEncodable(text);
  const { narrow, wide, quiet, height } = resolve(opts);
  const fill = opts.color ?? "#000000";
  const shapes: Shape[] = [];
  let x = quiet;
  const symbols = `*${text}*`;
  for (let c = 0; c < symbols.length; c++) {
    const pattern = CODE39_PATTERNS[symbols[c]!]!;
    for (let e = 0; e < 9; e++) {
      const w = pattern[e] === "w" ? wide : narrow;
      if (e % 2 === 0) shapes.push({ kind: "rect", x, y: 0, w, h: height, fill });
      x += w;
    }
    if (c < symbols.length - 1) x += narrow; // inter-character gap
  }
  return { width: x + quiet, height, shapes };
}

/**
 * The text UN documents barcode for a job number: its digits only, e.g. "20-11937" → "2011937"
 * (printed as `*2011937*`). Throws if the job number contains no digit.
 */
export function jobNumberBarcodeText(jobNumber: string): string {
  const digits = jobNumber.replace(/[^0-9]/g, "");
  if (digits.length === 0) throw new Error(`jobNumberBarcodeText: job number ${JSON.stringify(jobNumber)} contains no digits`);
  return digits;
}
