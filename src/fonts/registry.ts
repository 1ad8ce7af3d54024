/**
 * The embedded fonts: read and parsed once per process, shared by every document
 * (typesetting metrics, the PDF writer and the DOCX writer all use the same objects).
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { createRequire } from "node:module";
import type * as Fontkit from "fontkit";
import { UndocError } from "../errors.js";

// fontkit's CommonJS build: the same module instance pdfkit (inside pdfmake) uses.
export const fontkitModule = createRequire(import.meta.url)("fontkit") as typeof Fontkit;
const fontkitCreate = fontkitModule.create;

export interface FaceInfo {
  id: string;
  family: string;
  postscriptName: string;
  file: string;
  script: "cjk" | "latin";
  weight: number;
  /** "italic" for a sloped Latin face (an upright Kai face that stands in for italic is "normal") */
  style?: "normal" | "italic";
  licence: string;
}

export interface Face extends FaceInfo {
  path: string;
  /** the file's bytes (read once) */
  bytes: Buffer;
  /** the parsed font (parsed once) */
  font: Fontkit.Font;
  unitsPerEm: number;
}

/** The package's root folder (works from src/ under vitest and from dist/). */
export const PACKAGE_ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const FONTS_DIR = join(PACKAGE_ROOT, "fonts");

let manifest: FaceInfo[] | undefined;
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
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new UndocError("FONT", `cannot read font file: ${(e as Error).message}`, { file: path });
  }
  const parsed = fontkitCreate(bytes) as Fontkit.Font;
  f = { ...info, path, bytes, font: parsed, unitsPerEm: parsed.unitsPerEm };
  faces.set(id, f);
  return f;
}

