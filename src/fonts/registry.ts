/**
 * The embedded fonts: read once per process, shared by every document (typesetting metrics, the
 * PDF writer and the DOCX writer all use the same objects). Each face's tables are read directly
 * (sfnt.ts: cmap, metrics, glyph data); fontkit parses a face only when shaping needs it
 * (shape.ts), so a run that never needs it never loads it.
 */
import { PACKAGE_ROOT } from "../package-root.js";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createRequire } from "node:module";
import type * as Fontkit from "fontkit";
import { UndocError } from "../errors.js";
import { fileSource, Sfnt } from "./sfnt.js";

const require = createRequire(import.meta.url);

let fontkit: typeof Fontkit | undefined;
/** fontkit, loaded on first use (its CommonJS build). */
export function fontkitModule(): typeof Fontkit {
  return (fontkit ??= require("fontkit") as typeof Fontkit);
}

export interface FaceInfo {
  id: string;
  family: string;
  postscriptName: string;
  file: string;
  /** the slot it fills: the Chinese face, or the alphabetic one (Latin, or Arabic with Latin letters of its own) */
  script: "cjk" | "latin" | "arabic";
  weight: number;
  /** "italic" for a sloped Latin face (an upright Kai face that stands in for italic is "normal") */
  style?: "normal" | "italic";
  licence: string;
}

export interface Face extends FaceInfo {
  path: string;
  /** the file's bytes (read whole on first use: faces embedded whole, fontkit) */
  readonly bytes: Buffer;
  /** the face's tables, read directly (absent only for stand-in faces in tests) */
  sfnt?: Sfnt;
  /** fontkit's parse of the face: made on first use, once */
  readonly font: Fontkit.Font;
  unitsPerEm: number;
}

/** The ascent (hhea) of a face, font units. */
export function ascentOf(face: Face): number {
  return face.sfnt ? face.sfnt.ascent : face.font.ascent;
}

export { PACKAGE_ROOT };
export const FONTS_DIR = join(PACKAGE_ROOT, "fonts");

let manifest: FaceInfo[] | undefined;
/** faces fontkit has parsed (tests check that common text never needs it) */
const parsedByFontkit = new WeakSet<Face>();

/** Whether fontkit has parsed this face in this process. */
export function fontkitParsed(face: Face): boolean {
  return parsedByFontkit.has(face);
}
const faces = new Map<string, Face>();

export function fontManifest(): FaceInfo[] {
  if (!manifest) {
    const file = join(FONTS_DIR, "manifest.json");
    try {
      manifest = JSON.parse(readFileSync(file, "utf8")) as FaceInfo[];
    } catch (e) {
      throw new UndocError("FONT", `cannot read the font manifest: ${(e as Error).message}`, { file });
    }
  }
  return manifest;
}

/** The face with this manifest id, loaded on first use. */
export function face(id: string): Face {
  let f = faces.get(id);
  if (f) return f;
  const info = fontManifest().find((x) => x.id === id);
  if (!info) {
    throw new UndocError("STYLE", `no font face "${id}" in fonts/manifest.json`, {}, `known faces: ${fontManifest().map((x) => x.id).join(", ")}`);
  }
  const path = join(FONTS_DIR, info.file);
  let sfnt: Sfnt;
  try {
    // the tables are read as they are needed: a document uses a few hundred KB of a 13 MB face
    sfnt = new Sfnt(fileSource(path));
  } catch (e) {
    throw new UndocError("FONT", `cannot read font file: ${(e as Error).message}`, { file: path });
  }
  let bytes: Buffer | undefined;
  let parsed: Fontkit.Font | undefined;
  f = {
    ...info,
    path,
    get bytes() {
      return (bytes ??= readFileSync(path));
    },
    sfnt,
    get font() {
      if (!parsed) {
        parsed = fontkitModule().create(this.bytes) as Fontkit.Font;
        parsedByFontkit.add(this);
      }
      return parsed;
    },
    unitsPerEm: sfnt.unitsPerEm,
  };
  faces.set(id, f);
  return f;
}

