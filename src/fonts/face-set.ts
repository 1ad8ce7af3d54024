/** The faces a style names, by weight and script, resolved against the font manifest. */
import type { Style } from "../style/style.js";
import type { FaceSet } from "../typeset/index.js";
import { face } from "./registry.js";

export function faceSetFor(style: Style): FaceSet {
  return {
    regular: { cjk: face(style.fonts.regular.cjk), latin: face(style.fonts.regular.latin) },
    bold: { cjk: face(style.fonts.bold.cjk), latin: face(style.fonts.bold.latin) },
  };
}
