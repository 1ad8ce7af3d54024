export { composeParagraph, lineBox, type ComposedParagraph, type ParagraphGeometry, type ComposeOptions } from "./compose.js";
export type { ComposedLine, GlyphRun, LineAlign } from "./place-line.js";
export { variantOf, VARIANTS, SUPERSCRIPT, type FaceSet, type ScriptFaces, type Span, type Variant, type Weight } from "./units.js";
