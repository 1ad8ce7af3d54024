// The part of fontkit 2 that undoc uses (fontkit ships no typings).
declare module "fontkit" {
  export interface Glyph {
    id: number;
    advanceWidth: number;
    codePoints: number[];
    name?: string;
    bbox: { minX: number; minY: number; maxX: number; maxY: number };
  }
  export interface GlyphPosition {
    xAdvance: number;
    yAdvance: number;
    xOffset: number;
    yOffset: number;
  }
  export interface GlyphRun {
    glyphs: Glyph[];
    positions: GlyphPosition[];
    advanceWidth: number;
  }
  export interface Subset {
    includeGlyph(glyph: Glyph | number): number;
    encode(): Uint8Array;
  }
  export interface Font {
    postscriptName: string;
    familyName: string;
    unitsPerEm: number;
    ascent: number;
    descent: number;
    lineGap: number;
    numGlyphs: number;
    characterSet: number[];
    availableFeatures: string[];
    hasGlyphForCodePoint(codePoint: number): boolean;
    glyphForCodePoint(codePoint: number): Glyph;
    getGlyph(id: number): Glyph;
    layout(text: string, features?: string[] | Record<string, boolean>): GlyphRun;
    createSubset(): Subset;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font | { fonts: Font[] };
  export function openSync(path: string, postscriptName?: string): Font;
}
