/**
 * Faces with round-number metrics for rule tests: ideographs and full-width marks 1000 units,
 * Latin letters and digits 500, space 250, the middle dot 333 (1000 with `fwid`).
 */
import type { Face } from "../../src/fonts/registry.js";
import type { FaceSet } from "../../src/typeset/index.js";

function advance(ch: string, features: string[]): number {
  if (ch === "·") return features.includes("fwid") ? 1000 : 333;
  if (ch === " ") return 250;
  if (/[\x21-\x7e]/.test(ch)) return 500;
  return 1000;
}

export function mockFace(id: string, script: "cjk" | "latin"): Face {
  const font = {
    unitsPerEm: 1000,
    ascent: 880,
    descent: -120,
    layout(text: string, features: string[] = []) {
      const chars = [...text];
      const positions = chars.map((c) => ({ xAdvance: advance(c, features), yAdvance: 0, xOffset: 0, yOffset: 0 }));
      return { glyphs: [], positions, advanceWidth: positions.reduce((s, p) => s + p.xAdvance, 0) };
    },
    hasGlyphForCodePoint: () => true,
    glyphForCodePoint: (cp: number) => ({ id: cp, advanceWidth: advance(String.fromCodePoint(cp), []), codePoints: [cp] }),
  };
  return {
    id,
    family: id,
    postscriptName: id,
    file: `${id}.ttf`,
    script,
    weight: 400,
    licence: "",
    path: "",
    bytes: Buffer.alloc(0),
    font: font as unknown as Face["font"],
    unitsPerEm: 1000,
  };
}

const cjk = mockFace("mock-cjk", "cjk");
const latin = mockFace("mock-latin", "latin");
export const MOCK_FACES: FaceSet = { regular: { cjk, latin }, bold: { cjk, latin }, italic: { cjk, latin }, boldItalic: { cjk, latin } };
