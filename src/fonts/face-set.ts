/**
 * The faces a style names, by variant and script, resolved against the font manifest. Faces are
 * looked up when first used: a document without emphasis never loads the italic or Kai faces.
 */
import type { Style } from "../style/style.js";
import { VARIANTS, type FaceSet, type ScriptFaces, type Variant } from "../typeset/index.js";
import { face } from "./registry.js";

/** The style's face ids of a variant; italic variants fall back to the upright ones when not given. */
export function faceIdsFor(style: Style, variant: Variant): { cjk: string; latin: string } {
  const f = style.fonts;
  if (variant === "italic") return f.italic ?? f.regular;
  if (variant === "boldItalic") return f.boldItalic ?? f.bold;
  return f[variant];
}

export function faceSetFor(style: Style): FaceSet {
  const set = {} as FaceSet;
  for (const variant of VARIANTS) {
    let resolved: ScriptFaces | undefined;
    Object.defineProperty(set, variant, {
      enumerable: true,
      get: () => {
        if (!resolved) {
          const ids = faceIdsFor(style, variant);
          resolved = { cjk: face(ids.cjk), latin: face(ids.latin) };
        }
        return resolved;
      },
    });
  }
  return set;
}
