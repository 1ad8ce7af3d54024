/**
 * What is not YAML or JSON text, and what no document may contain:
 * - bytes: a binary file (a PDF, a DOCX, an image, anything with a NUL byte), text that is not
 *   UTF-8 (or UTF-16 with a byte order mark), each reported with the line and column it fails at;
 * - characters in values: C0 and C1 control characters (tab, line feed and carriage return
 *   excepted: they are white space), unpaired surrogates (half a character: text cut or converted
 *   wrongly) and Unicode noncharacters. None of them can be printed, and none may appear in the
 *   XML of a DOCX file: writers would drop them silently or write a broken file.
 *
 * Accepted on purpose: bidirectional controls (LRM, RLM, embeddings, isolates, ALM) and other
 * invisible format characters (ZWSP, ZWJ, soft hyphen, word joiner). They are legitimate in names
 * written in Arabic or Hebrew; the typesetter draws no glyph for them (see src/typeset/units.ts).
 */
import { UndocError } from "../errors.js";

/** Signatures of binary files people are likely to pass by mistake. */
const SIGNATURES: Array<[bytes: number[], what: string]> = [
  [[0x25, 0x50, 0x44, 0x46, 0x2d], "a PDF file"],
  [[0x50, 0x4b, 0x03, 0x04], "a ZIP archive (a DOCX file?)"],
  [[0x89, 0x50, 0x4e, 0x47], "a PNG image"],
  [[0xff, 0xd8, 0xff], "a JPEG image"],
  [[0x47, 0x49, 0x46, 0x38], "a GIF image"],
  [[0xd0, 0xcf, 0x11, 0xe0], "an old Office document (.doc)"],
  [[0x1f, 0x8b], "a gzip archive"],
];

const startsWith = (bytes: Uint8Array, sig: number[]) => sig.every((b, i) => bytes[i] === b);

/** Line and column (1-based, in characters) of a byte offset of UTF-8 text valid up to there. */
function bytePosition(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let lineStart = 0;
  let line = 1;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  const column = new TextDecoder("utf-8").decode(bytes.subarray(lineStart, offset)).length + 1;
  return { line, column };
}

/** Offset of the first byte that does not start a well-formed UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let len: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [len, min] = [2, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [len, min] = [3, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [len, min] = [4, 0x10000];
    else return i;
    if (i + len > n) return i;
    let cp = b & (0xff >> (len + 1));
    for (let k = 1; k < len; k++) {
      const c = bytes[i + k];
      if ((c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    // overlong forms, encoded surrogates and values past U+10FFFF are not UTF-8
    if (cp < min || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) return i;
    i += len;
  }
  return -1;
}

/**
 * The text of an input file's bytes: UTF-8 (with or without a byte order mark), or UTF-16 with
 * its byte order mark. Anything else is an INPUT_SYNTAX error naming the file, line and column.
 */
export function decodeInput(bytes: Uint8Array, file: string): string {
  const fail = (message: string, at: { line?: number; column?: number } = {}, hint = "save the file as UTF-8 text (YAML or JSON)"): never => {
    throw new UndocError("INPUT_SYNTAX", message, { file, ...at }, hint);
  };
  if (startsWith(bytes, [0x00, 0x00, 0xfe, 0xff]) || startsWith(bytes, [0xff, 0xfe, 0x00, 0x00])) {
    fail("the file is UTF-32 text, which undoc does not read");
  }
  for (const [le, bom] of [[true, [0xff, 0xfe]], [false, [0xfe, 0xff]]] as const) {
    if (!startsWith(bytes, [...bom])) continue;
    try {
      return new TextDecoder(le ? "utf-16le" : "utf-16be", { fatal: true }).decode(bytes.subarray(2));
    } catch {
      fail(`the file starts as UTF-16 text (${le ? "little" : "big"}-endian) but is not valid UTF-16`);
    }
  }
  for (const [sig, what] of SIGNATURES) {
    if (startsWith(bytes, sig)) fail(`the file is binary (it looks like ${what}), not YAML or JSON text`, { line: 1, column: 1 }, "pass the .yaml or .json data file");
  }
  const nul = bytes.indexOf(0);
  const bad = firstInvalidUtf8(bytes);
  if (nul >= 0 && (bad < 0 || nul < bad)) {
    fail("the file is binary (it holds a NUL byte), not YAML or JSON text", bytePosition(bytes, nul), "pass the .yaml or .json data file");
  }
  if (bad >= 0) {
    const hex = bytes[bad].toString(16).toUpperCase().padStart(2, "0");
    fail(`the file is not UTF-8 text: byte 0x${hex} cannot start a character`, bytePosition(bytes, bad),
      "save the file as UTF-8 (a file saved as GBK, Big5, Shift-JIS or Latin-1 must be converted)");
  }
  return new TextDecoder("utf-8").decode(bytes);
}

export interface BadCharacter {
  /** UTF-16 index in the string */
  index: number;
  codePoint: number;
  /** e.g. `control character U+0001` */
  what: string;
}

function isNoncharacter(cp: number): boolean {
  return (cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xfffe) === 0xfffe;
}

/** U+XXXX (at least four hex digits). */
export function uPlus(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, "0")}`;
}

/** The first character no document may contain, or undefined. */
export function badCharacter(s: string): BadCharacter | undefined {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20) {
      if (c === 0x09 || c === 0x0a || c === 0x0d) continue;
      return { index: i, codePoint: c, what: `control character ${uPlus(c)}` };
    }
    if (c < 0x7f) continue;
    if (c <= 0x9f) return { index: i, codePoint: c, what: `control character ${uPlus(c)}` };
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        const cp = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
        if (isNoncharacter(cp)) return { index: i, codePoint: cp, what: `noncharacter ${uPlus(cp)}` };
        i++;
        continue;
      }
      return { index: i, codePoint: c, what: `unpaired surrogate ${uPlus(c)} (half of a character: the text was cut or converted wrongly)` };
    }
    if (c >= 0xdc00 && c <= 0xdfff) {
      return { index: i, codePoint: c, what: `unpaired surrogate ${uPlus(c)} (half of a character: the text was cut or converted wrongly)` };
    }
    if (isNoncharacter(c)) return { index: i, codePoint: c, what: `noncharacter ${uPlus(c)}` };
  }
  return undefined;
}

/** True for a YYYY-MM-DD string that names a real calendar date. */
export function isCalendarDate(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(0);
  check.setUTCFullYear(y, mo - 1, d);
  return check.getUTCFullYear() === y && check.getUTCMonth() === mo - 1 && check.getUTCDate() === d;
}

/**
 * The first syntax error of JSON text (RFC 8259), or undefined. The data is then read by the
 * YAML parser (for its line and column of every value): YAML would also accept much that is not
 * JSON (trailing commas, comments, unquoted or single-quoted strings, a value missing before `}`),
 * so a .json file is held to JSON first.
 */
export function jsonSyntaxError(text: string): { offset: number; message: string } | undefined {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  class Stop {
    constructor(readonly offset: number, readonly message: string) {}
  }
  const fail = (message: string, at = i): never => {
    throw new Stop(at, message);
  };
  const ws = () => {
    while (i < text.length && (text[i] === " " || text[i] === "\t" || text[i] === "\n" || text[i] === "\r")) i++;
  };
  const shown = (at: number) => (at >= text.length ? "the end of the file" : `'${text[at]}'`);
  const string = () => {
    i++; // opening quote
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return;
      }
      if (c < 0x20) fail("a control character must be escaped in a JSON string (\\n, \\t, \\u0001)");
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail("\\u must be followed by four hex digits");
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else fail(`bad escape \\${e ?? ""} in a string`);
        continue;
      }
      i++;
    }
    fail("a string is not closed (missing \")");
  };
  const value = (depth: number): void => {
    if (depth > 512) fail("nesting too deep");
    ws();
    const c = text[i];
    if (c === "{") {
      i++;
      ws();
      if (text[i] === "}") {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail(`expected a quoted key, found ${shown(i)}`);
        string();
        ws();
        if (text[i] !== ":") fail(`expected ':' after the key, found ${shown(i)}`);
        i++;
        value(depth + 1);
        ws();
        if (text[i] === ",") {
          i++;
          ws();
          if (text[i] === "}") fail("a trailing comma before '}'");
          continue;
        }
        if (text[i] === "}") {
          i++;
          return;
        }
        fail(`expected ',' or '}', found ${shown(i)}`);
      }
    }
    if (c === "[") {
      i++;
      ws();
      if (text[i] === "]") {
        i++;
        return;
      }
      for (;;) {
        value(depth + 1);
        ws();
        if (text[i] === ",") {
          i++;
          ws();
          if (text[i] === "]") fail("a trailing comma before ']'");
          continue;
        }
        if (text[i] === "]") {
          i++;
          return;
        }
        fail(`expected ',' or ']', found ${shown(i)}`);
      }
    }
    if (c === '"') return string();
    const m = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 400));
    if (m && m[0].length) {
      i += m[0].length;
      return;
    }
    fail(`expected a value, found ${shown(i)}`);
  };
  try {
    value(0);
    ws();
    if (i < text.length) fail(`unexpected ${shown(i)} after the end of the data`);
    return undefined;
  } catch (e) {
    if (e instanceof Stop) return { offset: e.offset, message: e.message };
    throw e;
  }
}
